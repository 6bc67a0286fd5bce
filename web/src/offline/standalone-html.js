// The standalone file (dist/backprop-explorer-standalone.html): one HTML document with the page,
// the engine (single-file wasm), fonts and styles inside, and optionally a state built in.
// Shared by the build (vite.standalone.js, in node) and the page's "Download for offline use"
// (web/src/offline/download.ts, in the browser), so both make the same file.
//
// `page` is a page of web/ as the dev server has it (web/index.html or web/embed.html): its
// module entry becomes the classic bundle inline, its icon a data: URL; `state` (URL parameters,
// web/src/url-state.ts) goes into <html data-bpx-state="...">.

const ENTRY = /<script type="module" src="\.\/src\/(main|embed\/bundle)\.ts"><\/script>/;
const ICON = /<link rel="icon" href="favicon\.svg" type="image\/svg\+xml" \/>/;
// Anything left that the browser would fetch: a src or href that is not data: or #.
const FETCHED = /\s(?:src|href)="(?!data:|#)[^"]*"/;

/**
 * A classic script's text made safe inside <script>...</script>: "</script", "<script" and "<!--"
 * would end or change the script element; "\x3C" is "<" in every JS string, template and regex.
 */
/** The script a standalone file inlines: the build with every view inside (no sibling chunk to load). */
export const OFFLINE_BUNDLE = 'backprop-explorer.element.js';

export function escapeInlineScript(code) {
  return code.replace(/<(?=\/script|script|!--)/gi, '\\x3C');
}

function escapeAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The standalone HTML: `page` (HTML text), `bundle` (dist/backprop-explorer.js as text), `icon`
 * (SVG text), `state` (URL parameters as text, "" for none). Throws when the page has no module
 * entry to replace or would still fetch a file.
 */
export function standaloneHtml({ page, bundle, icon, state = '' }) {
  const entry = ENTRY.exec(page);
  if (!entry) throw new Error('standalone: the page has no module entry script (./src/main.ts or ./src/embed/bundle.ts)');
  let html = page.replace(ICON, () => `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(icon.trim())}" type="image/svg+xml" />`);
  html = html.replace(/<html([^>]*)>/, (_, attrs) => `<html${attrs} data-bpx-state="${escapeAttribute(state)}">`);
  // Links to files beside the served page (the customise page) lead nowhere from a lone file.
  html = html.replace(/<a\b[^>]*\bdata-bpx-online\b[^>]*>[\s\S]*?<\/a>\s*/g, '');
  const fetched = FETCHED.exec(html.replace(ENTRY, ''));
  if (fetched) throw new Error(`standalone: the page would still fetch${fetched[0]}`);
  const app = entry[1] === 'main' ? ' data-bpx-app' : '';
  return html.replace(ENTRY, () => `<script${app}>${escapeInlineScript(bundle)}</script>`);
}
