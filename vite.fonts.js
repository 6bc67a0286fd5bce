// KaTeX's faces subset to the glyphs the explorer's formulas can use (used by vite.classic.js).
//
// fonts.ts inlines seven KaTeX faces into the one-tag script; most of their glyphs never
// appear (suits, set relations, harpoons, accented letters). The formulas come from the
// engine's TeX (core/: \partial, \hat, \mathcal{L}, \odot, \top, \sum, matrices, \lVert) and
// the page's own (web/src/), rendered by KaTeX. Each list keeps every glyph those commands
// reach, with room: all of ASCII, the Greek capitals, arrows and the operators near them.
// tests/e2e/katex-glyphs.test.mjs walks every preset and phase and checks that each character
// KaTeX set in one of these faces is in its subset. Math-Italic, Size3 and Size4 stay whole
// (letters and the tall delimiters' pieces: all of them are reachable).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const DELIMITERS = '()[]{}/\\|‖∣∥⟨⟩⌈⌉⌊⌋√';
/** Characters kept in each face (faces not named here are inlined whole). */
export const KATEX_SUBSETS = {
  'KaTeX_Main-Regular':
    ASCII +
    '¬°±·×÷ıȷˆˇˉˊˋ˘˙˚˜˝¨' + // Latin-1 signs, dotless i and j, accents (\hat, \bar, \dot, …)
    'ΓΔΘΛΞΠΣΥΦΨΩ' + // upright Greek capitals
    '–—‘’“”…′⃗ℓ' +
    '←↑→↓↔↦⇐⇒⇔⟵⟶⟹' +
    '∀∂∃∅∇∈∋−∓∗∘∙√∝∞∣∥∧∨∩∪∫∼≈≡≤≥≪≫⊂⊃⊆⊇⊕⊗⊙⊤⊥⋅⋮⋯⋱⌈⌉⌊⌋⟨⟩',
  'KaTeX_Caligraphic-Regular': 'L', // \mathcal{L}, the loss
  'KaTeX_Size1-Regular': DELIMITERS + '∑∏∫ˆ˜̂̃⏐↑↓⇑⇓',
  'KaTeX_Size2-Regular': DELIMITERS + '∑∏∫ˆ˜̂̃',
};

const FONT = /katex\/dist\/fonts\/(KaTeX_[A-Za-z0-9-]+)\.woff2\?inline$/;

/** Replaces `import x from 'katex/dist/fonts/NAME.woff2?inline'` by the subset as a data: URL. */
export function katexFontSubsets() {
  return {
    name: 'bpx-katex-font-subsets',
    enforce: 'pre',
    async load(id) {
      const m = FONT.exec(id);
      if (!m || !KATEX_SUBSETS[m[1]]) return null;
      const subsetFont = require('subset-font');
      const whole = readFileSync(id.replace(/\?.*$/, ''));
      const subset = await subsetFont(whole, KATEX_SUBSETS[m[1]], { targetFormat: 'woff2' });
      return `export default ${JSON.stringify(`data:font/woff2;base64,${subset.toString('base64')}`)};`;
    },
  };
}

/** The characters a whole KaTeX face maps (its cmap), for checking the subsets. */
export async function faceCharacters(face) {
  const file = require.resolve(`katex/dist/fonts/${face}.woff2`);
  const sfnt = await require('fontverter').convert(readFileSync(file), 'truetype');
  const hb = await import('harfbuzzjs');
  return String.fromCodePoint(...new hb.Face(new hb.Blob(sfnt), 0).collectUnicodes());
}
