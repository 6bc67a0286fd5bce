// dist/customize.html, the customise page, used like a teacher: train mode, the XOR preset, some
// parts hidden and one locked, the dark theme. Each output is then used as a course would use it
// (tests/e2e/customize-support.mjs): the one-tag snippet in a host page written to a temp folder
// served beside dist/, the iframe snippet in another, the link opened directly, the standalone
// file downloaded and opened from file:// (no request but itself). Each shows what the preview
// showed (mode, visible and locked parts, the preset's numbers, theme); the full-page link opens
// the same example. A bad spec or circuit program shows the engine's message next to its field
// and leaves the outputs as they were. axe-core finds no serious or critical violation at 390,
// 768 and 1440 px, light and dark; nothing scrolls sideways. Step mode with a pasted spec, the
// language and digits: customize-step.test.mjs; the page in German: customize-german.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './embed-support.mjs';
import { FILE, FULL, IFRAME, LINK, ONE_TAG, copied, course, downloaded, eachOutput, openCustomize as open, settled } from './customize-support.mjs';

const AXE = readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

let c;
let b;
before(async () => {
  c = await course();
  b = c.b;
});
after(async () => {
  await c?.close();
});

const openCustomize = () => open(c);

/** What a student sees in a training view: mode, theme, visible and disabled parts, the network's numbers. */
function trainFingerprint({ selector }) {
  const el = document.querySelector(selector);
  const root = el.shadowRoot.querySelector('.bpx-root');
  const shown = (e) => e.getClientRects().length > 0;
  const controls = (e) => [...(e.matches('button, select, input, textarea') ? [e] : []), ...e.querySelectorAll('button, select, input, textarea')];
  const ctl = [...root.querySelectorAll('[data-ctl]')].filter(shown);
  const spec = el.session.spec();
  return {
    mode: el.mode,
    theme: root.dataset.theme,
    background: getComputedStyle(root.querySelector('.bpx-t-panel')).backgroundColor,
    visible: ctl.map((e) => e.dataset.ctl).sort(),
    locked: ctl.filter((e) => controls(e).length && controls(e).every((c) => c.disabled)).map((e) => e.dataset.ctl).sort(),
    panels: [...root.querySelectorAll('[data-panel]')].filter(shown).map((e) => e.dataset.panel).sort(),
    network: { layers: spec.layers, activations: spec.activations, loss: spec.loss, lr: spec.optimizer.learning_rate, batch: spec.batch_size },
  };
}

test('train mode, XOR, hidden and locked parts, dark: every output shows what the preview shows', async () => {
  const page = b.page;
  await openCustomize();
  await page.getByRole('radio', { name: /^Train\b/ }).check();
  await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'XOR with a 2-2-1 network' });
  await page.getByRole('combobox', { name: /^hyper\b/ }).selectOption('hidden');
  await page.getByRole('combobox', { name: /^curves\b/ }).selectOption('hidden');
  await page.getByRole('combobox', { name: /^edit\b/ }).selectOption('locked');
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByLabel('Where your copy of dist/ is').fill('../dist/');
  await settled(page, '#c-preview', { mode: 'train', preset: 'xor', theme: 'dark', lock: 'edit' });
  const preview = await page.evaluate(trainFingerprint, { selector: '#c-preview' });

  // The preview itself, against the choices and the XOR preset (web/src/explorer/presets.ts):
  // 2-2-1, tanh then sigmoid, BCE, learning rate 0.5, the four points in batches of 4.
  assert.equal(preview.mode, 'train');
  assert.equal(preview.theme, 'dark');
  assert.deepEqual(preview.network, { layers: [2, 2, 1], activations: ['tanh', 'sigmoid'], loss: 'bce', lr: 0.5, batch: 4 });
  assert.deepEqual(preview.panels, ['data', 'network', 'output'], 'curves hidden');
  assert.ok(!preview.visible.includes('lr') && !preview.visible.includes('optimizer'), 'hyper hidden');
  assert.ok(preview.visible.includes('dataset') && preview.locked.includes('dataset'), 'edit shown and locked');
  assert.ok(preview.visible.includes('play') && !preview.locked.includes('play'), 'playback shown and usable');
  await b.shot('customize-train-dark-1440');

  const snippet = await copied(c, ONE_TAG);
  assert.match(snippet, /^<script defer src="\.\.\/dist\/backprop-explorer\.js"><\/script>\n<backprop-explorer /);
  const iframe = await copied(c, IFRAME);
  const link = await copied(c, LINK);
  const full = await copied(c, FULL);
  const file = await downloaded(c, 'train-xor.html');
  await page.getByRole('status').filter({ hasText: 'Saved: backprop-explorer-standalone.html.' }).waitFor();
  assert.ok(readFileSync(file, 'utf8').includes('data-bpx-state="mode=train&amp;preset=xor&amp;controls='), 'the state is built into the file');

  const shows = await eachOutput(c, { snippet, iframe, link, file }, trainFingerprint);
  assert.deepEqual(shows.oneTag, preview, 'the one-tag snippet');
  assert.deepEqual(shows.iframe, preview, 'the iframe snippet');
  assert.equal(shows.iframeTitle, 'Backprop Explorer: XOR with a 2-2-1 network');
  assert.deepEqual(shows.link, preview, 'the link');
  assert.deepEqual(shows.file, preview, 'the standalone file from disk');

  // The full page: the training view with the same network and the same parts hidden.
  await page.goto(full);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  assert.equal(await page.getByRole('tab', { name: 'Train' }).getAttribute('aria-selected'), 'true');
  assert.equal(await page.getByRole('combobox', { name: 'Data set' }).isVisible(), true);
  assert.equal(await page.getByRole('combobox', { name: 'Learning rate' }).count(), 0, 'hyper hidden there too');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await b.assertClean();
});

test("a bad spec or program shows the engine's message by its field; the outputs keep the last good choice", async () => {
  const page = b.page;
  await openCustomize();
  const before = await page.getByRole('textbox', { name: ONE_TAG }).inputValue();
  await page.getByRole('radio', { name: 'Your own spec' }).check();
  const field = page.getByRole('textbox', { name: 'Your spec (JSON)' });
  const bad = '{"layers":[2,0,1],"activations":["sigmoid","sigmoid"],"loss":"mse"}';
  await field.fill(bad);
  const error = page.locator('#c-spec-error');
  await error.filter({ hasText: 'layers[1]' }).waitFor();
  const engineSays = await page.evaluate((t) => document.getElementById('c-preview').engine.validate(t).error.message, bad);
  assert.equal((await error.textContent()).trim(), engineSays, "the engine's own message");
  assert.match(engineSays, /^layers\[1\]: /, 'it names the path');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.ok((await field.getAttribute('aria-describedby')).split(' ').includes('c-spec-error'), 'the message is tied to the field');
  assert.equal(await page.getByRole('textbox', { name: ONE_TAG }).inputValue(), before, 'the snippet did not change');
  assert.equal(await page.locator('#c-preview').getAttribute('spec'), null, 'the preview did not change');
  await b.shot('customize-bad-spec-1440');

  // Not JSON at all: the engine's message too.
  await field.fill('{"layers": [1, 1],');
  await error.filter({ hasText: 'JSON' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: ONE_TAG }).inputValue(), before);

  // A good spec goes into the preview and the outputs.
  const good = { layers: [1, 1], activations: ['sigmoid'], loss: 'mse', optimizer: { type: 'sgd', learning_rate: 0.5 }, init: { weights: [[[0.8]]], biases: [[0.2]] }, data: { inputs: [[1.5]], targets: [[0]] } };
  await field.fill(JSON.stringify(good, null, 2));
  await settled(page, '#c-preview', { spec: JSON.stringify(good) });
  assert.equal(await error.textContent(), '');
  assert.ok((await page.getByRole('textbox', { name: ONE_TAG }).inputValue()).includes(` spec='${JSON.stringify(good)}'`));
  // The preview's session holds the pasted network.
  const shown = await page.evaluate(() => document.getElementById('c-preview').session.spec());
  assert.deepEqual([shown.layers, shown.init.weights, shown.init.biases], [[1, 1], [[[0.8]]], [[0.2]]]);

  // Circuit mode: a program the engine cannot read.
  await page.getByRole('radio', { name: /^Circuit\b/ }).check();
  await page.waitForFunction(() => {
    const el = document.getElementById('c-preview');
    return el.getAttribute('mode') === 'circuit' && el.readyState === 'ready' && !!el.shadowRoot.querySelector('.circuit-view');
  });
  const withCircuit = await page.getByRole('textbox', { name: ONE_TAG }).inputValue();
  await page.getByRole('textbox', { name: 'Circuit program' }).fill('x = 3\ny = x *');
  await page.locator('#c-program-error').filter({ hasText: 'line 2, column 8' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: ONE_TAG }).inputValue(), withCircuit);
  await page.getByRole('textbox', { name: 'Circuit program' }).fill('x = 3\ny = x * x');
  await page.waitForFunction(() => document.getElementById('c-preview').getAttribute('expr') === 'x = 3\ny = x * x');
  assert.ok((await page.getByRole('textbox', { name: ONE_TAG }).inputValue()).includes('expr="x = 3\ny = x * x"'));
  await b.assertClean();
});

test('keyboard: the mode radios and a part menu work without a pointer', async () => {
  const page = b.page;
  await openCustomize();
  await page.getByRole('radio', { name: /^Step through\b/ }).focus();
  await page.keyboard.press('ArrowDown');
  assert.ok(await page.getByRole('radio', { name: /^Practice\b/ }).isChecked());
  await settled(page, '#c-preview', { mode: 'practice' });
  await page.getByRole('combobox', { name: /^presets\b/ }).focus();
  await page.keyboard.press('ArrowDown'); // shown -> hidden
  await page.waitForFunction(() => document.getElementById('c-preview').getAttribute('controls') === 'default,-presets');
  await b.assertClean();
});

/** Serious and critical axe violations of the page (the preview's shadow root included). */
async function audit() {
  if (!(await b.page.evaluate(() => !!window.axe))) await b.page.evaluate(AXE);
  const result = await b.page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('axe finds no serious or critical violation at 390, 768 and 1440 px, light and dark; nothing scrolls sideways', async () => {
  const page = b.page;
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    for (const width of [390, 768, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await openCustomize();
      await page.getByRole('radio', { name: 'Your own spec' }).check(); // the error and the file field are audited too
      await page.getByRole('textbox', { name: 'Your spec (JSON)' }).fill('{"layers":[2,0,1]}');
      await page.locator('#c-spec-error').filter({ hasText: 'layers[1]' }).waitFor();
      assert.deepEqual(await audit(), [], `${width} px, ${colorScheme}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `${width} px, ${colorScheme}: the page is ${overflow} px wider than the window`);
      const copy = await page.getByRole('button', { name: `Copy: ${ONE_TAG}` }).boundingBox();
      assert.ok(copy.width >= 44 && copy.height >= 44, `${width} px: the Copy button is a 44 px touch target`);
      const save = await page.getByRole('button', { name: `Download: ${FILE}` }).boundingBox();
      assert.ok(save.width >= 44 && save.height >= 44, `${width} px: the Download button is a 44 px touch target`);
      await b.shot(`customize-${width}-${colorScheme}`, { fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await b.assertClean();
});
