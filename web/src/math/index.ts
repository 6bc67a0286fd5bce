// KaTeX, its stylesheet and its faces: a chunk of its own (backprop-explorer-math.js beside the
// one-tag script), loaded by web/src/katex-html.ts the first time a view shows equations (the
// step-through and practice views, the inspector). The training and circuit views never need it,
// and the one-tag script is about 134 KB (gzip -9) lighter without it.
import katex from 'katex';
import katexCss from 'katex/dist/katex.min.css?inline';
import { registerKatexFonts } from './fonts';

/** KaTeX's rules (without @font-face: vite.classic.js drops those, fonts.ts registers the faces). */
export const css: string = katexCss;

/** KaTeX HTML (+ MathML) of `tex`; a TeX error is shown in red, never thrown. */
export function render(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, throwOnError: false, output: 'htmlAndMathml' });
}

export { registerKatexFonts };
