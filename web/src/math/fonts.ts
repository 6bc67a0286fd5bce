// KaTeX's fonts for every page that shows the explorer, registered once on the document.
//
// Why on the document: an @font-face rule inside a shadow root is ignored by Chromium and
// Safari, so the fonts cannot come with an element's styles. A FontFace added to
// document.fonts is visible to every shadow tree of the page and needs no <style> element.
//
// Why inline and from bytes: the one-tag script must work when copied alone, from file://
// (where Chromium refuses font files from disk), and under any Content-Security-Policy: a
// FontFace made from an ArrayBuffer is not fetched, so font-src (or default-src) does not
// apply. Only these seven faces: the ones the explorer's formulas use (measured over every
// preset, phase and inspector view: Main, Math italic, Caligraphic for \mathcal{L}, Size1–4
// for tall brackets). The build subsets Main, Caligraphic, Size1 and Size2 to the glyphs the
// formulas can reach (vite.fonts.js; checked by tests/e2e/katex-glyphs.test.mjs): about 50 KB
// of WOFF2, from 70. Other KaTeX faces fall back to the system's serif.
import mainRegular from 'katex/dist/fonts/KaTeX_Main-Regular.woff2?inline';
import mathItalic from 'katex/dist/fonts/KaTeX_Math-Italic.woff2?inline';
import caligraphic from 'katex/dist/fonts/KaTeX_Caligraphic-Regular.woff2?inline';
import size1 from 'katex/dist/fonts/KaTeX_Size1-Regular.woff2?inline';
import size2 from 'katex/dist/fonts/KaTeX_Size2-Regular.woff2?inline';
import size3 from 'katex/dist/fonts/KaTeX_Size3-Regular.woff2?inline';
import size4 from 'katex/dist/fonts/KaTeX_Size4-Regular.woff2?inline';

/** [family, data URL, style] of the faces registered. */
export const KATEX_FACES: ReadonlyArray<readonly [string, string, 'normal' | 'italic']> = [
  ['KaTeX_Main', mainRegular, 'normal'],
  ['KaTeX_Math', mathItalic, 'italic'],
  ['KaTeX_Caligraphic', caligraphic, 'normal'],
  ['KaTeX_Size1', size1, 'normal'],
  ['KaTeX_Size2', size2, 'normal'],
  ['KaTeX_Size3', size3, 'normal'],
  ['KaTeX_Size4', size4, 'normal'],
];

let registered = false;

function bytes(dataUrl: string): ArrayBuffer {
  const bin = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

/** Adds the KaTeX faces to document.fonts (once per page). */
export function registerKatexFonts(): void {
  if (registered || typeof FontFace === 'undefined' || !document.fonts) return;
  registered = true;
  for (const [family, url, style] of KATEX_FACES) {
    // In the dev server a ?inline import may be a plain URL: then let the browser fetch it.
    const source = url.startsWith('data:') ? bytes(url) : `url(${url})`;
    const face = new FontFace(family, source, { style, weight: '400', display: 'block' });
    document.fonts.add(face);
    face.load().catch(() => {}); // an unusable face falls back like a missing one
  }
}
