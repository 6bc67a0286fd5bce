// The step-through view's edits use the engine's own answers: an edit after a step starts from
// the trained parameters (session.specWithParameters()), and the structure editor keeps the
// loss and the output activation compatible by the catalogue's rule (losses[].outputs, the
// fused pair first). At 1440 px and on a 390 px phone.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './browser.mjs';

const sig = (z) => 1 / (1 + Math.exp(-z));

let app;
after(async () => {
  await app?.close();
});

const value = async (id) => Number(await app.page.getByTestId(id).first().getAttribute('data-value'));
const phase = (p) => app.page.waitForSelector(`#view-step[data-phase="${p}"]`, { timeout: 5000 });
const settle = () => app.page.waitForSelector('#view-step:not([data-animating])', { timeout: 10000 });

test('1440 px: an edit after a step keeps the trained parameters', async () => {
  app = await openApp({ viewport: { width: 1440, height: 900 } });
  await app.load();
  const page = app.page;
  await page.getByTestId('preset-select').selectOption('seed002');
  await phase('start');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await phase('update');
  await settle();
  // By hand (seed002: x = (1, 2), y = 1, bce on a sigmoid, sgd 0.1): v2 <- 0.6 - 0.1 (ŷ - 1) a2.
  const a1 = [sig(0.51), sig(1.12)];
  const yhat = sig(0.5 * a1[0] + 0.6 * a1[1] + 0.05);
  const v2 = 0.6 - 0.1 * (yhat - 1) * a1[1];
  const c = 0.05 - 0.1 * (yhat - 1);
  await page.getByRole('button', { name: /^Edit weight W\[2\] row 1, column 1/ }).click();
  const editor = page.getByRole('dialog', { name: /Edit Weight W\[2\] row 1, column 1/ });
  await editor.getByRole('textbox').fill('1');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await editor.waitFor({ state: 'detached' });
  await phase('start');
  assert.equal(await value('m-W-2-0-0'), 1, 'the edited weight');
  assert.ok(Math.abs((await value('m-W-2-0-1')) - v2) < 1e-15, `W[2] row 1, column 2 is the trained ${v2}`);
  assert.ok(Math.abs((await value('m-b-2-0-0')) - c) < 1e-15, `b[2] is the trained ${c}`);
  // The network starts again from there: its forward pass uses the trained W[1] too.
  const spec = JSON.parse(await page.evaluate(() => document.querySelector('textarea[aria-label="Spec JSON"]').value));
  assert.equal(spec.init.weights[1][0][0], 1);
  assert.equal(spec.init.weights[1][0][1], v2);
  assert.notEqual(spec.init.weights[0][0][0], 0.1, 'W[1] moved in the step');
  await app.screenshot('structure-edit-after-step');
  app.assertClean();
  await app.close();
  app = null;
});

test('390 px: loss and output activation follow the catalogue\'s rule', async () => {
  app = await openApp({ viewport: { width: 390, height: 844 } });
  await app.load();
  const page = app.page;
  await page.getByText('Spec (JSON)').click();
  await page.getByRole('textbox', { name: 'Spec JSON' }).fill(JSON.stringify({
    layers: [2, 2, 2], activations: ['tanh', 'sigmoid'], loss: 'bce', data: { inputs: [[1, 2]], targets: [[1, 0]] },
  }));
  await page.getByRole('button', { name: 'Apply spec' }).click();
  const loss = page.getByRole('combobox', { name: 'Loss' });
  const out = page.getByRole('combobox', { name: 'Activation 2' });
  const expectPair = async (l, a, what) => {
    await page.waitForFunction(([l2, a2]) => {
      const selects = [...document.querySelectorAll('form.structure select')];
      const byLabel = (t) => selects.find((s) => s.closest('label')?.textContent?.startsWith(t));
      return byLabel('Loss')?.value === l2 && byLabel('Activation 2')?.value === a2;
    }, [l, a], { timeout: 5000 });
    assert.equal(await loss.inputValue(), l, what);
    assert.equal(await out.inputValue(), a, what);
    assert.equal((await page.locator('.edit-error').textContent())?.trim() ?? '', '', `${what}: the engine took the spec`);
  };
  await expectPair('bce', 'sigmoid', 'as given');
  // cross_entropy takes softmax only: the output becomes its fused softmax.
  await loss.selectOption('cross_entropy');
  await expectPair('cross_entropy', 'softmax', 'cross_entropy');
  // linear: cross_entropy does not take it and no loss is fused with it: mse takes every output.
  await out.selectOption('linear');
  await expectPair('mse', 'linear', 'a linear output');
  // mse takes sigmoid too: the loss stays.
  await out.selectOption('sigmoid');
  await expectPair('mse', 'sigmoid', 'a sigmoid output under mse');
  // softmax under bce: bce does not take it; cross_entropy is fused with it.
  await loss.selectOption('bce');
  await expectPair('bce', 'sigmoid', 'bce');
  await out.selectOption('softmax');
  await expectPair('cross_entropy', 'softmax', 'a softmax output');
  await app.screenshot('structure-reconcile-390');
  app.assertClean();
});
