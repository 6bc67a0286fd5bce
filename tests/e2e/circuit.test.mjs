// Browser tests of the Circuit view: reached from the top-level tabs, stepped gate by gate
// forward and back (time travel), grouped and expanded, edited with the error shown at its
// place, driven by the keyboard, linked by URL, and usable at 390 px. Screenshots go to
// test-results/circuit-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './browser.mjs';

let app;
before(async () => {
  app = await openApp({ root: 'dist' });
});
after(async () => {
  await app?.close();
});

const page = () => app.page;
const view = () => page().locator('.circuit-view');
const button = (name) => view().getByRole('button', { name, exact: true });
const indicator = async () => (await view().locator('.circuit-indicator').textContent()).trim();
/** The inputs table as {name: [value, gradient, finite difference]} (text as shown). */
async function inputs() {
  const rows = await view().locator('.circuit-inputs tbody tr').all();
  const out = {};
  for (const r of rows) {
    // The value cell is a field (a value can be changed): its text is the field's.
    const cells = (await r.locator('th, td').evaluateAll((els) => els.map((c) => c.querySelector('input')?.value ?? c.textContent))).map((t) => t.trim());
    out[cells[0]] = cells.slice(1);
  }
  return out;
}
const wireTexts = async (cls) => view().locator(`.circuit-right > .circuit-graph .${cls}`).allTextContents();

async function openCircuit(query = '') {
  await app.load(query);
  if (!query) await page().getByRole('tab', { name: 'Circuit' }).click();
  await button('Next gate').waitFor();
}

test('CS231n (x + y) z: forward then backward gate by gate, and back again', async () => {
  await openCircuit();
  assert.equal(await page().getByRole('tab', { name: 'Circuit' }).getAttribute('aria-selected'), 'true');
  assert.equal(await view().getByLabel('Preset').inputValue(), 'cs231n-add-mul');
  assert.match(await indicator(), /Start \(0 of 4\)/);
  assert.deepEqual(await wireTexts('circuit-grad'), []);
  await button('Next gate').click(); // q = x + y
  assert.match(await view().locator('.circuit-narration').textContent(), /q = \(-2\) \+ 5 = 3/);
  await button('Next gate').click(); // f = q z
  assert.ok((await wireTexts('circuit-value')).includes('−12'));
  assert.deepEqual(Object.values(await inputs()).map((r) => r[1]), ['?', '?', '?']);
  await button('Next gate').click(); // back through the multiply: q gets -4, z gets 3
  assert.match(await view().locator('.circuit-note').textContent(), /multiply swaps and scales/);
  assert.deepEqual(await view().locator('.circuit-right > .circuit-graph .circuit-pattern').allTextContents(), ['swaps']);
  assert.deepEqual((await wireTexts('circuit-grad')).sort(), ['−4', '1', '3'].sort());
  await button('Next gate').click(); // back through the add: x and y get -4
  // By hand: df/dx = df/dy = z = -4, df/dz = x + y = 3; finite differences agree.
  assert.deepEqual(await inputs(), { x: ['−2', '−4', '−4'], y: ['5', '−4', '−4'], z: ['−4', '3', '3'] });
  assert.equal(await button('Next gate').isDisabled(), true);
  await app.screenshot('circuit-cs231n-done');
  await button('Previous gate').click(); // time travel: the add's gradients are hidden again
  assert.equal((await inputs()).x[1], '?');
  assert.equal((await inputs()).z[1], '3');
  assert.match(page().url(), /mode=circuit/);
  assert.match(page().url(), /step=3/);
  await button('Reset').click();
  assert.match(await indicator(), /Start/);
  // Play runs to the end by itself, then offers Play again.
  await button('Play').click();
  await button('Pause').waitFor();
  await page().waitForFunction(() => /Backward: step 4 of 4/.test(document.querySelector('.circuit-indicator').textContent), null, { timeout: 15000 });
  await button('Play').waitFor();
  app.assertClean();
});

test('the sigmoid neuron: expanded into four gates or grouped into one, same gradients', async () => {
  await openCircuit();
  await view().getByLabel('Preset').selectOption('cs231n-neuron');
  const expandedGates = await view().locator('.circuit-right > .circuit-graph circle').count();
  assert.equal(await button('Expand sigmoid and tanh').getAttribute('aria-pressed'), 'true');
  assert.ok(await view().locator('.circuit-group-label', { hasText: 'sigmoid' }).count() === 1);
  for (let i = 0; i < 20 && !(await button('Next gate').isDisabled()); i++) await button('Next gate').click();
  const expanded = await inputs();
  await app.screenshot('circuit-neuron-expanded');
  await button('Expand sigmoid and tanh').click();
  assert.equal(await button('Expand sigmoid and tanh').getAttribute('aria-pressed'), 'false');
  assert.equal(await view().locator('.circuit-right > .circuit-graph circle').count(), expandedGates - 3);
  for (let i = 0; i < 20 && !(await button('Next gate').isDisabled()); i++) await button('Next gate').click();
  const grouped = await inputs();
  assert.deepEqual(grouped, expanded);
  // CS231n: dx = [0.39, -0.59], dw = [-0.2, -0.39, 0.2] (w1: -2 s(1 - s) with s = sigma(1)).
  assert.equal(grouped['w[1]'][1], '−0.393224');
  assert.equal(grouped['x[1]'][1], '−0.589836');
  app.assertClean();
});

test('editing: the error is shown at its place, then goes away when fixed', async () => {
  await openCircuit();
  const editor = view().getByLabel('Program', { exact: true });
  await editor.fill('x = 1\ny = sigmod(x)\n');
  const alert = view().getByRole('alert');
  await alert.getByText("line 2, column 5: unknown function 'sigmod' (did you mean sigmoid?)").waitFor();
  assert.equal(await editor.getAttribute('aria-invalid'), 'true');
  assert.match(await alert.locator('pre').textContent(), /2 \| y = sigmod\(x\)\n {10}\^/);
  await app.screenshot('circuit-error');
  await alert.getByRole('button', { name: 'Go to line 2, column 5' }).click();
  // Line 2 starts at offset 6 ("x = 1\n"), column 5 is offset 10.
  assert.equal(await editor.evaluate((t) => t.selectionStart), 10);
  await editor.fill('x = 1\ny = sigmoid(x)\n');
  await alert.waitFor({ state: 'hidden' });
  assert.equal(await editor.getAttribute('aria-invalid'), 'false');
  assert.equal(await view().getByLabel('Preset').inputValue(), '');
  assert.match(decodeURIComponent(page().url().replace(/\+/g, ' ')), /program=x = 1\ny = sigmoid\(x\)/);
  app.assertClean();
});

test('keyboard: arrows, n and p step; r resets; keys typed in the editor do not step', async () => {
  await openCircuit();
  await view().locator('.circuit-right > .circuit-graph').focus();
  await page().keyboard.press('ArrowRight');
  await page().keyboard.press('ArrowRight');
  await page().keyboard.press('n');
  assert.match(await indicator(), /Backward: step 3 of 4/);
  await page().keyboard.press('ArrowLeft');
  assert.match(await indicator(), /Forward: step 2 of 4/);
  await page().keyboard.press('p');
  await page().keyboard.press('r');
  assert.match(await indicator(), /Start/);
  // "?" lists this view's keys.
  await view().locator('.circuit-right > .circuit-graph').focus();
  await page().keyboard.press('?');
  const help = page().getByRole('dialog');
  await help.getByText('Expand or group sigmoid and tanh').waitFor();
  await page().keyboard.press('Escape');
  await help.waitFor({ state: 'hidden' });
  await view().getByLabel('Program', { exact: true }).focus();
  await page().keyboard.press('ArrowRight');
  assert.match(await indicator(), /Start/);
  app.assertClean();
});

test('seed 003: the code as written beside the intended code, different numbers; the link restores it', async () => {
  await openCircuit();
  await view().getByLabel('Preset').selectOption('seed003-as-written');
  const compare = view().locator('.circuit-compare');
  await compare.getByRole('heading', { name: /Beside it: The intended code/ }).waitFor();
  // By hand: 1 / 1 + e^-1 = 1.36788 as written, 1 / (1 + e^-1) = 0.731059 intended.
  assert.match(await compare.textContent(), /activation = 0\.731059/);
  await button('Next gate').click();
  await button('Next gate').click();
  const link = page().url();
  await app.screenshot('circuit-seed003-compare', { fullPage: true });
  await page().goto('about:blank'); // a real load (the state is in the fragment)
  await app.load(new URL(link).hash);
  await button('Next gate').waitFor();
  assert.equal(await view().getByLabel('Preset').inputValue(), 'seed003-as-written');
  assert.match(await indicator(), /Forward: step 2/);
  await compare.getByRole('heading', { name: /Beside it/ }).waitFor();
  for (let i = 0; i < 20 && !(await button('Next gate').isDisabled()); i++) await button('Next gate').click();
  assert.ok((await wireTexts('circuit-value')).includes('1.368'));
  app.assertClean();
});

test('390, 768 and 1440 px, light and dark: no page overflow, controls reachable', async () => {
  for (const [width, height] of [[390, 844], [768, 1024], [1440, 900]]) {
    for (const colorScheme of ['light', 'dark']) {
      await page().setViewportSize({ width, height });
      await page().emulateMedia({ colorScheme });
      await openCircuit('?mode=circuit&step=3');
      const overflow = await page().evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page wider than ${width} px by ${overflow}`);
      await button('Next gate').click();
      assert.match(await indicator(), /Backward: step 4 of 4/);
      await app.screenshot(`circuit-${width}-${colorScheme}`, { fullPage: true });
    }
  }
  await page().emulateMedia({ colorScheme: 'light' });
  app.assertClean();
});
