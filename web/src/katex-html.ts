// KaTeX as HTML text that also works under a strict Content-Security-Policy.
//
// katex.renderToString() puts its layout (heights, vertical offsets) in style="" attributes.
// A page served with `style-src 'self'` (no 'unsafe-inline') drops every style attribute that
// arrives through innerHTML, and the formulas collapse. So the attributes travel as
// data-katex-style and applyTexStyles() moves them into the CSSOM (element.style.cssText),
// which a CSP does not restrict. Call it after inserting the HTML.
import katex from 'katex';

const STYLE_ATTR = / style="([^"]*)"/g;

/** KaTeX HTML (+ MathML) of `tex`; its inline styles wait in data-katex-style. */
export function texHtml(tex: string, displayMode: boolean): string {
  const html = katex.renderToString(tex, { displayMode, throwOnError: false, output: 'htmlAndMathml' });
  return html.replace(STYLE_ATTR, ' data-katex-style="$1"');
}

/** Applies the styles that texHtml() set aside, inside `root`. */
export function applyTexStyles(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement | SVGElement>('[data-katex-style]')) {
    el.style.cssText = el.getAttribute('data-katex-style') ?? '';
    el.removeAttribute('data-katex-style');
  }
}

