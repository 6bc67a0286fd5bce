// KaTeX as HTML text that also works under a strict Content-Security-Policy, from a chunk
// loaded once (web/src/math/index.ts: KaTeX, its styles and faces).
//
// Views that show equations await loadMath() before they render; after that texHtml() is
// synchronous. When the chunk cannot load (a copy of the script without its sibling files),
// texHtml() gives the TeX itself as text and mathUnavailableText() says why.
//
// katex.renderToString() puts its layout (heights, vertical offsets) in style="" attributes.
// A page served with `style-src 'self'` (no 'unsafe-inline') drops every style attribute that
// arrives through innerHTML, and the formulas collapse. So the attributes travel as
// data-katex-style and applyTexStyles() moves them into the CSSOM (element.style.cssText),
// which a CSP does not restrict. Call it after inserting the HTML.
import type { T } from './i18n/index';
import { fillMathSheets } from './embed/styles';
import { loadOnce } from './load-once';

type MathModule = typeof import('./math/index');

const STYLE_ATTR = / style="([^"]*)"/g;
let math: MathModule | null = null;
let failed = false;
const loadChunk = loadOnce(() => import('./math/index'), (m) => {
  fillMathSheets(m.css);
  m.registerKatexFonts();
  math = m;
});

/**
 * Loads KaTeX (once): true when it is there. Fills the math stylesheets that every view's
 * sheets hold a place for, and registers the faces. False when its file did not load; a later
 * call tries again.
 */
export async function loadMath(): Promise<boolean> {
  const ok = await loadChunk();
  failed = !ok;
  return ok;
}

/** Whether KaTeX is loaded (texHtml gives formulas, not their TeX). */
export const mathLoaded = (): boolean => math !== null;

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** KaTeX HTML (+ MathML) of `tex`; its inline styles wait in data-katex-style. */
export function texHtml(tex: string, displayMode: boolean): string {
  if (!math) {
    const text = `<code class="tex-source">${escape(tex)}</code>`;
    return displayMode ? `<div class="tex-source-display">${text}</div>` : text;
  }
  return math.render(tex, displayMode).replace(STYLE_ATTR, ' data-katex-style="$1"');
}

/** '' once KaTeX is loaded (or not yet asked for); else why the equations are shown as TeX. */
export function mathUnavailableText(t: T): string {
  return failed && !math ? t('math.loadFailed') : '';
}

/** Applies the styles that texHtml() set aside, inside `root`. */
export function applyTexStyles(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement | SVGElement>('[data-katex-style]')) {
    el.style.cssText = el.getAttribute('data-katex-style') ?? '';
    el.removeAttribute('data-katex-style');
  }
}
