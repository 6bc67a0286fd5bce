// "Download for offline use": saves dist/backprop-explorer-standalone.html with the page's state
// (preset or spec, mode, the training view's settings, the theme chosen) built in. The file is
// made here from the page's own bundle (standalone-html.js, as the build makes it): from the
// inline script's text in a standalone file, else by reading backprop-explorer.element.js beside
// the script the page loaded (the one-tag script loads some views from sibling files).
// The customise page saves the same kind of file from the iframe page (web/embed.html: one
// element, its options read from the built-in state), so hidden and locked parts hold too.
import indexPage from '../../index.html?raw';
import embedPage from '../../embed.html?raw';
import icon from '../../favicon.svg?raw';
import type { Key, Params, T } from '../i18n/index';
import { readState } from '../url-state';
import { OFFLINE_BUNDLE, standaloneHtml } from './standalone-html.js';
import { h } from '../dom';

/** The file's name, as in dist/. */
export const STANDALONE_FILE = 'backprop-explorer-standalone.html';

// The classic bundle's own <script> (null under the dev server's ES modules).
const OWN_SCRIPT = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;

/** Why the file could not be made: a catalogue key and its parameters, worded by the caller's language. */
export class OfflineError extends Error {
  constructor(readonly key: Key, readonly params: Params = {}) {
    super(key);
  }
  say(t: T): string {
    return t(this.key, this.params);
  }
}

/** The bundle's text: the inline script of a standalone file, or the script file of a served page. */
async function bundleSource(): Promise<string> {
  if (!OWN_SCRIPT) throw new OfflineError('offline.devServer');
  if (!OWN_SCRIPT.src) return OWN_SCRIPT.textContent ?? '';
  let response: Response;
  try {
    // The one-tag script loads some views from sibling files: the file inlines the build that has them all.
    response = await fetch(new URL(OFFLINE_BUNDLE, OWN_SCRIPT.src).href);
  } catch {
    // Browsers refuse to read files of a page opened from disk.
    throw new OfflineError('offline.fromDisk', { file: STANDALONE_FILE });
  }
  if (!response.ok) throw new OfflineError('offline.http', { script: OFFLINE_BUNDLE, page: OWN_SCRIPT.src, status: response.status });
  return response.text();
}

/**
 * The standalone HTML with `state` (URL parameters) built in: of the full page (web/index.html),
 * or of the iframe page (web/embed.html, whose parameters are the element's attributes).
 */
export async function standaloneFor(state: URLSearchParams, page: 'app' | 'embed' = 'app'): Promise<string> {
  return standaloneHtml({ page: page === 'app' ? indexPage : embedPage, bundle: await bundleSource(), icon, state: state.toString() });
}

/** Offers `html` to the browser as a download named `name`. */
export function saveHtml(html: string, name: string = STANDALONE_FILE): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The page's state now, with the theme chosen in the header (kept in this browser otherwise). */
function currentState(): URLSearchParams {
  const state = readState();
  const theme = document.documentElement.dataset.themeChoice;
  if (!state.has('theme') && (theme === 'light' || theme === 'dark')) state.set('theme', theme);
  return state;
}

/** Wires the header's button; `status` shows why a save failed, in the page's language. */
export function installOfflineDownload(button: HTMLButtonElement | null, status: HTMLElement, t: T): void {
  button?.addEventListener('click', async () => {
    button.disabled = true;
    try {
      saveHtml(await standaloneFor(currentState()));
      status.hidden = true;
    } catch (e) {
      status.textContent = t('offline.failed', { message: e instanceof OfflineError ? e.say(t) : (e as Error).message });
      status.classList.add('error');
      status.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
}
