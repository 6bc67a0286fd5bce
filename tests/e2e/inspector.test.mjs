// The neuron inspector in Chromium: the seed 003 sigmoid neuron (CS231n's graph, gradients
// of the activation and of the loss, expanded and grouped) and the seed 004 chain of links,
// every number checked against hand arithmetic.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './browser.mjs';

const sig = (z) => 1 / (1 + Math.exp(-z));
const close = (actual, expected, tol, what) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: page shows ${actual}, expected ${expected}`);

let app;
before(async () => {
  app = await openApp();
  await app.load();
});
after(async () => {
  await app?.close();
});

/** Reads the graph nodes shown in the inspector: label → {value, grad}. */
async function nodes() {
  return app.page.locator('dialog.inspector [data-testid^="op-node-"]').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.dataset.label, { value: Number(e.dataset.value), grad: Number(e.dataset.grad) }])));
}
async function chainValue(id) {
  return Number(await app.page.locator(`dialog.inspector [data-testid="${id}"]`).first().getAttribute('data-value'));
}
/** Runs the whole first step (the inspector then shows every quantity of that pass). */
async function runStep() {
  await app.page.waitForSelector('#view-step[data-phase="start"]');
  await app.page.getByRole('button', { name: 'Step', exact: true }).click();
  await app.page.waitForSelector('#view-step[data-phase="update"]:not([data-animating])');
}
async function pick(group, option) {
  await app.page.locator('dialog.inspector').getByRole('group', { name: group }).getByRole('button', { name: option, exact: true }).click();
}

test('seed 003: the sigmoid neuron of CS231n, value and gradient on every node', async () => {
  const page = app.page;
  await page.getByTestId('preset-select').selectOption('seed003');
  // The inspector shows what the phase has computed: at the update, all of the first pass.
  await runStep();
  await page.getByRole('button', { name: 'Inspect neuron unit 1 of layer 1' }).click();
  const dialog = page.locator('dialog.inspector');
  await dialog.waitFor();
  assert.match(await dialog.getByRole('heading', { level: 2 }).textContent(), /Neuron 1 of layer 1/);

  // By hand: w = [2, −3], b = −3, x = [−1, −2]: z = 2·(−1) + (−3)·(−2) − 3 = 1.
  const z = 2 * -1 + -3 * -2 + -3;
  const a = sig(z);
  const ds = a * (1 - a); // σ'(z) = ∂a/∂z
  // The preset opens with gradients of the activation (CS231n's numbers).
  assert.equal(await dialog.getByRole('button', { name: 'the activation', exact: true }).getAttribute('aria-pressed'), 'true');
  let n = await nodes();
  close(n.z.value, 1, 0, 'z');
  close(n.a.value, a, 1e-15, 'a = σ(z)');
  close(n['-z'].value, -1, 0, '−z');
  close(n['exp(-z)'].value, Math.exp(-1), 1e-15, 'exp(−z)');
  // The value the document's `1 / 1 + math.exp(-product)` computes is this node, not σ(z).
  close(n['1+exp(-z)'].value, 1 / 1 + Math.exp(-z), 1e-15, '1 + exp(−z)');
  close(n.a.grad, 1, 0, '∂a/∂a');
  close(n['1+exp(-z)'].grad, -1 / (1 + Math.exp(-1)) ** 2, 1e-15, '∂a/∂(1+e^−z)');
  close(n['exp(-z)'].grad, -1 / (1 + Math.exp(-1)) ** 2, 1e-15, '∂a/∂e^−z');
  close(n['-z'].grad, -Math.exp(-1) / (1 + Math.exp(-1)) ** 2, 1e-15, '∂a/∂(−z)');
  close(n.z.grad, ds, 1e-15, '∂a/∂z');
  close(n.w1.grad, -1 * ds, 1e-15, '∂a/∂w1 = x1 σ′');
  close(n.w2.grad, -2 * ds, 1e-15, '∂a/∂w2 = x2 σ′');
  close(n.b.grad, 1 * ds, 1e-15, '∂a/∂b = 1 · σ′ (the "1 *" of the document)');
  close(n.x1.grad, 2 * ds, 1e-15, '∂a/∂x1 = w1 σ′');
  close(n.x2.grad, -3 * ds, 1e-15, '∂a/∂x2 = w2 σ′');
  // CS231n's rounded numbers.
  assert.equal(n.w1.grad.toFixed(2), '-0.20');
  assert.equal(n.x1.grad.toFixed(2), '0.39');
  assert.equal(n.x2.grad.toFixed(2), '-0.59');
  // The wire labels carry the same numbers: value above, gradient below.
  const wireGrad = Number(await dialog.locator('[data-testid^="wire-7-"][data-testid$="-grad"]').first().getAttribute('data-value'));
  close(wireGrad, ds, 1e-15, 'gradient under the wire of b');
  await app.screenshot('inspector-seed003-activation');

  // Gradients of the loss: L = ½(a − 1)².
  await pick('Gradients of', 'the loss');
  n = await nodes();
  close(n.a.grad, a - 1, 1e-15, '∂L/∂a');
  close(n.w1.grad, (a - 1) * ds * -1, 1e-15, '∂L/∂w1');
  close(n.L.value, 0.5 * (a - 1) ** 2, 1e-15, 'L');
  close(await chainValue('link-dL_da'), a - 1, 1e-15, 'link 1');
  close(await chainValue('link-da_dz'), ds, 1e-15, 'link 2');
  close(await chainValue('link-delta'), (a - 1) * ds, 1e-15, 'link 3: δ');
  close(await chainValue('link-dL_dw-0'), (a - 1) * ds * -1, 1e-15, 'link 4: ∂L/∂w1');
  close(await chainValue('link-w_new-0'), 2 - 0.1 * ((a - 1) * ds * -1), 1e-15, 'link 4: new w1');
  close(await chainValue('link-b_new'), -3 - 0.1 * ((a - 1) * ds), 1e-15, 'new b');
  await app.screenshot('inspector-seed003-loss');

  // Grouped: one σ gate instead of −, exp, +1, 1/x.
  await pick('Sigmoid gates', 'Grouped');
  n = await nodes();
  assert.ok(!('exp(-z)' in n), 'no exp gate when grouped');
  close(n.a.value, a, 1e-15, 'a grouped');
  close(n.z.grad, (a - 1) * ds, 1e-15, '∂L/∂z grouped');
  await app.screenshot('inspector-seed003-grouped');

  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  app.assertClean();
});

test('seed 004: the chain of links, with the exact σ′ and the sign convention', async () => {
  const page = app.page;
  await page.getByTestId('preset-select').selectOption('seed004');
  await runStep(); // forward 1, loss, backward 1, update
  await page.getByRole('button', { name: 'Inspect neuron unit 1 of layer 1' }).click();
  const dialog = page.locator('dialog.inspector');
  await dialog.waitFor();
  const yhat = 0.981; // b = ln(0.981/0.019) − 0.38, z = 0.5 · 0.76 + b
  const n = await nodes();
  close(n.a.value, yhat, 1e-12, 'ŷ');
  close(await chainValue('link-dL_da'), yhat - 0, 1e-12, 'link 1: ŷ − y (prediction − target), +0.981');
  close(await chainValue('link-da_dz'), 0.981 * 0.019, 1e-12, 'link 2: 0.018639 (the document says 0.0183)');
  const delta = 0.981 * 0.981 * 0.019;
  close(await chainValue('link-delta'), delta, 1e-12, 'link 3: δ');
  close(await chainValue('link-dL_dw-0'), delta * 0.76, 1e-12, 'link 4: ∂L/∂w');
  close(await chainValue('link-w_new-0'), 0.5 - 0.1 * delta * 0.76, 1e-12, 'new w');
  assert.equal((0.5 - 0.1 * delta * 0.76).toFixed(4), '0.4986', 'the document\'s new weight, by the opposite sign convention');
  assert.match(await dialog.textContent(), /target − prediction/);
  await app.screenshot('inspector-seed004-chain');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });

  // The page's table: the engine's values against the document's (at the update).
  await page.waitForSelector('#view-step[data-phase="update"]');
  const row = page.locator('table.compare tr', { hasText: 'σ′(z)' });
  assert.match(await row.textContent(), /0\.0183.*0\.018639/);
  app.assertClean();
});

test('a hidden neuron of the XOR batch: inspector per example', async () => {
  const page = app.page;
  await page.getByTestId('preset-select').selectOption('xor');
  await runStep();
  await page.getByRole('button', { name: 'Inspect neuron unit 2 of layer 1' }).click();
  const dialog = page.locator('dialog.inspector');
  await dialog.waitFor();
  await dialog.getByRole('combobox', { name: 'Example' }).selectOption({ value: '3' });
  const n = await nodes();
  // Example 4 is x = [1, 1]; unit 2 has w = [−1.1, 1.0], b = −0.2; tanh hidden layer.
  close(n.z.value, -1.1 + 1.0 - 0.2, 1e-12, 'z of example 4');
  close(n.a.value, Math.tanh(-1.1 + 1.0 - 0.2), 1e-12, 'a = tanh(z)');
  assert.match(await dialog.textContent(), /average them over the 4 examples/);
  await app.screenshot('inspector-xor-hidden');
  await page.keyboard.press('Escape');
  app.assertClean();
});
