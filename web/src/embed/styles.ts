// The explorer's styles as constructable stylesheets (adoptedStyleSheets): for the shadow root
// of every <backprop-explorer> (one set of CSSStyleSheet objects shared by all of them) and for
// the document of the full page. Constructable sheets need no <style> element or style
// attribute, so they apply under `style-src 'self'`, and they need no separate file, so they
// work from file://. KaTeX's rules come with KaTeX (its own chunk, web/src/math/index.ts): each
// set holds an empty sheet in their place, filled when the chunk arrives (fillMathSheets), so
// they keep their place in the cascade, before the app's rules that refine them.
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import appCss from '../styles/app.css?inline';
import trainCss from '../train/train.css?inline';
import networkOutputCss from '../train/network-output.css?inline';
import weightEditCss from '../train/weight-edit.css?inline';
import codeCss from '../code/code.css?inline';
import baseCss from './embed-base.css?inline';
import embedCss from './embed.css?inline';

/** @font-face rules are ignored in shadow roots; fonts are registered by math/fonts.ts instead. */
const FONT_FACE = /@font-face\s*\{[^}]*\}/g;

/**
 * Rewrites the page's rules for a shadow tree:
 * - `:root` (the page's variables and font) becomes the element's inner root `.bpx-root`;
 * - rem becomes px (16px = 1rem), so the host page's root font size cannot scale the element;
 * - width media queries become container queries on `.bpx-root`, so the layout follows the
 *   element's width (a column of a course page), not the window's.
 */
export function forShadow(css: string): string {
  return css
    .replace(FONT_FACE, '')
    .replace(/:root\b/g, '.bpx-root')
    .replace(/(-?\d*\.?\d+)rem\b/g, (_, n: string) => `${+(Number(n) * 16).toFixed(3)}px`)
    .replace(/@media\s*(\([^{]*\bwidth\b[^{]*)\{/g, '@container bpx $1{');
}

/** The page's rules for the document: unchanged but for @font-face. */
const forPage = (css: string): string => css.replace(FONT_FACE, '');

function sheet(css: string): CSSStyleSheet {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

let shadow: CSSStyleSheet[] | null = null;
let page: CSSStyleSheet[] | null = null;
// KaTeX's place in each set; empty until fillMathSheets().
let mathShadow: CSSStyleSheet | null = null;
let mathPage: CSSStyleSheet | null = null;
let mathCss = '';

const VIEW_CSS = [uplotCss, appCss, trainCss, networkOutputCss, weightEditCss, codeCss];

/** Sheets for a <backprop-explorer> shadow root (created once, shared). */
export function shadowSheets(): CSSStyleSheet[] {
  mathShadow ??= sheet(forShadow(mathCss));
  shadow ??= [sheet(forShadow(baseCss)), mathShadow, ...VIEW_CSS.map((css) => sheet(forShadow(css))), sheet(embedCss)];
  return shadow;
}

/** Sheets for the full page (dist/index.html): the same rules, unchanged but for @font-face. */
export function documentSheets(): CSSStyleSheet[] {
  mathPage ??= sheet(forPage(mathCss));
  page ??= [mathPage, ...VIEW_CSS.map((css) => sheet(forPage(css)))];
  return page;
}

/** Puts KaTeX's rules into their place in every set of sheets (made already or later). */
export function fillMathSheets(css: string): void {
  mathCss = css;
  mathShadow?.replaceSync(forShadow(css));
  mathPage?.replaceSync(forPage(css));
}

/** Adds sheets to a document or shadow root, keeping the ones it has. */
export function adopt(target: Document | ShadowRoot, sheets: CSSStyleSheet[]): void {
  target.adoptedStyleSheets = [...target.adoptedStyleSheets, ...sheets.filter((s) => !target.adoptedStyleSheets.includes(s))];
}
