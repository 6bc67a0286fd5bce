// The KaTeX fonts inlined in the one-tag script are subsets (vite.fonts.js): every character
// that KaTeX sets in a subset face, for every preset at every phase of a step (equations,
// the math panel and the diagram) and in the inspector of a neuron, is in that face's subset,
// so no formula falls back to another font for a glyph the whole face has.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openLoadedApp } from './reader-support.mjs';
import { KATEX_SUBSETS, faceCharacters } from '../../vite.fonts.js';

let app;
let page;
let ui;
before(async () => ({ app, page, ui } = await openLoadedApp({ viewport: { width: 1440, height: 900 } })));
after(() => app?.close());

/** {face: characters} of every text KaTeX rendered (its HTML, not its MathML copy). */
function katexGlyphs() {
  const out = {};
  for (const k of document.querySelectorAll('.katex-html')) {
    const walker = document.createTreeWalker(k, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const cs = getComputedStyle(n.parentElement);
      const family = cs.fontFamily.split(',')[0].trim().replace(/["']/g, '');
      const style = cs.fontStyle === 'italic' ? 'Italic' : Number(cs.fontWeight) >= 600 ? 'Bold' : 'Regular';
      const face = `${family}-${style}`;
      for (const ch of n.textContent) if (ch.trim()) (out[face] ??= new Set()).add(ch);
    }
  }
  return Object.fromEntries(Object.entries(out).map(([f, s]) => [f, [...s].join('')]));
}

test('every character KaTeX sets in a subset face is in its subset, at every preset and phase', async () => {
  await page.getByRole('combobox', { name: 'Animation speed' }).selectOption('0');
  const presets = await page.getByTestId('preset-select').locator('option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v !== 'custom'));
  assert.ok(presets.length >= 6, 'every preset');
  const seen = {};
  const add = (glyphs, where) => {
    for (const [face, chars] of Object.entries(glyphs)) {
      for (const ch of chars) (seen[face] ??= new Map()).set(ch, seen[face].get(ch) ?? where);
    }
  };
  for (const id of presets) {
    await ui.load(id);
    const phases = Number(await page.locator('.phase-indicator li').count());
    for (let k = 0; k <= phases + 1; k++) {
      add(await page.evaluate(katexGlyphs), `${id} at ${await page.locator('#view-step').getAttribute('data-phase')}`);
      await page.locator('#view-step').getByRole('button', { name: 'Next phase', exact: true }).click();
      await ui.settle();
    }
  }
  // The operation graph of a neuron has formulas of its own.
  await ui.load('seed002');
  await ui.runTo('update');
  await page.getByRole('button', { name: 'Inspect neuron unit 1 of layer 1' }).click();
  await page.getByRole('dialog').waitFor();
  add(await page.evaluate(katexGlyphs), 'the inspector');
  const missing = [];
  for (const [face, chars] of Object.entries(seen)) {
    const subset = KATEX_SUBSETS[face];
    if (!subset) continue; // a face inlined whole, or one not inlined at all
    const whole = await faceCharacters(face); // a character the whole face lacks falls back anyway
    for (const [ch, where] of chars) if (whole.includes(ch) && !subset.includes(ch)) missing.push(`${face}: ${ch} (U+${ch.codePointAt(0).toString(16)}) in ${where}`);
  }
  assert.deepEqual(missing, []);
  // The walk reached the subset faces (a test that saw none would prove nothing).
  for (const face of ['KaTeX_Main-Regular', 'KaTeX_Caligraphic-Regular']) assert.ok(seen[face]?.size > 0, `${face} seen`);
  console.log(`# ${Object.entries(seen).map(([f, m]) => `${f}: ${[...m.keys()].join('')}`).join(' | ')}`);
  app.assertClean();
});
