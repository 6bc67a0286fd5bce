// dist/customize.html in step-through mode with a pasted spec, German, 3 significant digits, the
// example picker locked, the notes hidden and the numbers and digits picker shown. Each output
// (the one-tag snippet, the iframe snippet, the link and the standalone file opened from
// file://) shows what the preview showed: mode, theme, language, digits, the parts shown and
// locked, the pasted network and its numbers at 3 digits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './browser.mjs';
import { catalogue } from './i18n-support.mjs';
import { IFRAME, LINK, ONE_TAG, copied, course, downloaded, eachOutput, openCustomize, settled } from './customize-support.mjs';

let c;
before(async () => {
  c = await course();
});
after(async () => {
  await c?.close();
});

// Weights with more digits than 3 show, so the digits choice is visible in the numbers.
const SPEC = {
  layers: [2, 2, 1],
  activations: ['sigmoid', 'sigmoid'],
  loss: 'bce',
  optimizer: { type: 'sgd', learning_rate: 0.1 },
  init: { weights: [[[0.123456, -0.654321], [0.5, 0.25]], [[0.777777, -0.333333]]], biases: [[0.01, 0.02], [0.05]] },
  data: { inputs: [[1, 2]], targets: [[1]] },
};

/** Where each step-through part lives: read from web/src/embed/element-lock.ts, the element's own table. */
function stepParts() {
  const text = readFileSync(path.join(repoRoot, 'web/src/embed/element-lock.ts'), 'utf8');
  const table = text.slice(text.indexOf('const STEP_SELECTORS'), text.indexOf('};', text.indexOf('const STEP_SELECTORS')));
  const parts = Object.fromEntries([...table.matchAll(/^\s*(\w+): '([^']+)',$/gm)].map((m) => [m[1], m[2]]));
  assert.ok(Object.keys(parts).length >= 10, 'the step parts of element-lock.ts');
  return parts;
}
const PARTS = stepParts();

/** What a student sees in the step-through view (the parts shown and locked, the numbers). */
function stepFingerprint({ selector, parts }) {
  const el = document.querySelector(selector);
  const root = el.shadowRoot.querySelector('.bpx-root');
  const shown = (e) => e.getClientRects().length > 0;
  const visible = [];
  const locked = [];
  for (const [part, sel] of Object.entries(parts)) {
    const found = [...root.querySelectorAll(sel)].filter(shown);
    if (!found.length) continue;
    visible.push(part);
    const controls = found.flatMap((e) => [...e.querySelectorAll('button, select, input, textarea')]);
    if (controls.length && controls.every((x) => x.disabled)) locked.push(part);
  }
  const spec = el.session.spec();
  return {
    mode: el.mode,
    theme: root.dataset.theme,
    background: getComputedStyle(root).backgroundColor,
    lang: root.lang,
    digits: root.querySelector('.digits-picker select')?.value ?? null,
    visible,
    locked,
    network: { layers: spec.layers, init: spec.init },
    next: [...root.querySelectorAll('.control-row button')].map((x) => x.textContent.trim()).filter(Boolean),
    numbers: root.querySelector('.numbers-panel').textContent.replace(/\s+/g, ' ').trim(),
  };
}

test('step mode, a pasted spec, German, 3 digits, a locked and a hidden part: every output shows what the preview shows', async () => {
  const page = c.b.page;
  await openCustomize(c);
  await page.getByRole('radio', { name: 'Your own spec' }).check();
  await page.getByRole('textbox', { name: 'Your spec (JSON)' }).fill(JSON.stringify(SPEC, null, 2));
  await page.getByRole('combobox', { name: /^presets\b/ }).selectOption('locked');
  await page.getByRole('combobox', { name: /^notes\b/ }).selectOption('hidden');
  await page.getByRole('combobox', { name: /^numbers\b/ }).selectOption('shown');
  await page.getByRole('combobox', { name: /^digits\b/ }).selectOption('shown');
  await page.getByLabel('Language').selectOption('de');
  await page.getByLabel('Significant digits').selectOption('3');
  await page.getByLabel('Where your copy of dist/ is').fill('../dist/');
  await settled(page, '#c-preview', { lang: 'de', digits: '3', lock: 'presets' });
  await page.waitForFunction(() => document.getElementById('c-preview').shadowRoot.querySelector('.digits-picker select')?.value === '3');
  const preview = await page.evaluate(stepFingerprint, { selector: '#c-preview', parts: PARTS });

  // The preview against the choices (independent of the outputs).
  assert.equal(preview.mode, 'step');
  assert.equal(preview.theme, 'light');
  assert.equal(preview.lang, 'de');
  assert.equal(preview.digits, '3');
  assert.deepEqual(preview.network.layers, [2, 2, 1]);
  assert.deepEqual(preview.network.init.weights, SPEC.init.weights, 'the pasted weights');
  assert.ok(preview.visible.includes('presets') && preview.visible.includes('numbers') && preview.visible.includes('digits'));
  assert.ok(!preview.visible.includes('notes'), 'notes hidden');
  assert.deepEqual(preview.locked, ['presets'], 'only the example picker is locked');
  assert.ok(preview.next.includes(catalogue('de')['step.next']), `German buttons: ${preview.next.join(' | ')}`);
  // 0.123456 and -0.654321 at 3 significant digits.
  assert.ok(preview.numbers.includes('0.123') && !preview.numbers.includes('0.1235'), preview.numbers.slice(0, 200));
  assert.ok(preview.numbers.includes('0.654') && !preview.numbers.includes('0.6543'));
  await c.b.shot('customize-step-de-1440');

  const snippet = await copied(c, ONE_TAG);
  const iframe = await copied(c, IFRAME);
  const link = await copied(c, LINK);
  const file = await downloaded(c, 'step-de.html');
  assert.ok(readFileSync(file, 'utf8').includes('&amp;lang=de&amp;digits=3'), 'the state is built into the file');

  const shows = await eachOutput(c, { snippet, iframe, link, file }, stepFingerprint, { parts: PARTS });
  assert.deepEqual(shows.oneTag, preview, 'the one-tag snippet');
  assert.deepEqual(shows.iframe, preview, 'the iframe snippet');
  assert.equal(shows.iframeTitle, 'Backprop Explorer: Ihr Netz', "the frame's title in the element's language");
  assert.deepEqual(shows.link, preview, 'the link');
  assert.deepEqual(shows.file, preview, 'the standalone file from disk');
  await c.b.assertClean();
});
