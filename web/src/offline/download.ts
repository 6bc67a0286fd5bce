// "Download for offline use": saves dist/backprop-explorer-standalone.html with the page's state
// (preset or spec, mode, the training view's settings, the theme chosen) built in. The file is
// made here from the page's own bundle (standalone-html.js, as the build makes it): from the
// inline script's text in a standalone file, else by reading backprop-explorer.element.js beside
// the script the page loaded (the one-tag script loads some views from sibling files).
import indexPage from '../../index.html?raw';
import icon from '../../favicon.svg?raw';
import { readState } from '../url-state';
import { OFFLINE_BUNDLE, standaloneHtml } from './standalone-html.js';
import { h } from '../dom';

/** The file's name, as in dist/. */
export const STANDALONE_FILE = 'backprop-explorer-standalone.html';

// The classic bundle's own <script> (null under the dev server's ES modules).
const OWN_SCRIPT = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;

/** The bundle's text: the inline script of a standalone file, or the script file of a served page. */
async function bundleSource(): Promise<string> {
  if (!OWN_SCRIPT) throw new Error('only the built page (npm run build) can save itself');
  if (!OWN_SCRIPT.src) return OWN_SCRIPT.textContent ?? '';
  let response: Response;
  try {
    // The one-tag script loads some views from sibling files: the file inlines the build that has them all.
    response = await fetch(new URL(OFFLINE_BUNDLE, OWN_SCRIPT.src).href);
  } catch {
    // Browsers refuse to read files of a page opened from disk.
    throw new Error(`a page opened from disk cannot read its own script: open ${STANDALONE_FILE} (next to this page) and save from there`);
  }
  if (!response.ok) throw new Error(`the script ${OFFLINE_BUNDLE} beside ${OWN_SCRIPT.src} could not be read (HTTP ${response.status})`);
  return response.text();
}

/** The standalone HTML of web/index.html with `state` (URL parameters) built in. */
export async function standaloneFor(state: URLSearchParams): Promise<string> {
  return standaloneHtml({ page: indexPage, bundle: await bundleSource(), icon, state: state.toString() });
}

/** The page's state now, with the theme chosen in the header (kept in this browser otherwise). */
function currentState(): URLSearchParams {
  const state = readState();
  const theme = document.documentElement.dataset.themeChoice;
  if (!state.has('theme') && (theme === 'light' || theme === 'dark')) state.set('theme', theme);
  return state;
}

/** Wires the header's button; `status` shows why a save failed. */
export function installOfflineDownload(button: HTMLButtonElement | null, status: HTMLElement): void {
  button?.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const html = await standaloneFor(currentState());
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      const a = h('a', { href: url, download: STANDALONE_FILE, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      status.hidden = true;
    } catch (e) {
      status.textContent = `Download for offline use: ${(e as Error).message}`;
      status.classList.add('error');
      status.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
}
