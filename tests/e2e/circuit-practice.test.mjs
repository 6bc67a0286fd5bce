// Practice on circuits in the Circuit view, by keyboard only at 390 px: CS231n's
// f = (x + y) z at x = -2, y = 5, z = -4. By hand: q = x + y = 3, f = q z = -12; going back
// through the multiply, q receives 1 x z = -4 and z receives 1 x q = 3; through the add, x and
// y receive -4 each. A learner who answers q's gradient with q's own value (1 x 3 = 3) has not
// swapped the multiply gate's inputs, and the check says so. Screenshots: test-results/circuit-practice-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './browser.mjs';

let app;
before(async () => {
  app = await openApp({ root: 'dist', viewport: { width: 390, height: 844 } });
});
after(async () => {
  await app?.close();
});

const page = () => app.page;
const view = () => page().locator('.circuit-view');
const card = () => view().locator('.circuit-practice');
const feedback = () => card().locator('.circuit-practice-feedback');
const focusedText = () => page().evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.textContent ?? ''}`);

/** Presses Tab until the focused element is the button named `name` (as a keyboard user would). */
async function tabTo(name) {
  for (let k = 0; k < 80; k++) {
    await page().keyboard.press('Tab');
    if ((await focusedText()) === `BUTTON:${name}`) return;
  }
  assert.fail(`Tab never reached the ${name} button`);
}

/** Types an answer into the focused box and presses Enter. */
async function answer(text) {
  assert.equal(await page().evaluate(() => document.activeElement?.className), 'circuit-practice-input', 'the answer box has the focus');
  await page().keyboard.press('Control+A');
  await page().keyboard.type(text);
  await page().keyboard.press('Enter');
}
const question = async () => (await card().locator('.circuit-practice-label').textContent()).trim();
const indicator = async () => (await view().locator('.circuit-indicator').textContent()).trim();

test('a wrong gradient at the multiply gate is named, the right one moves on (keyboard, 390 px)', async () => {
  await app.load('?mode=circuit');
  await view().getByRole('button', { name: 'Next gate', exact: true }).waitFor();
  assert.equal(await view().getByLabel('Preset').inputValue(), 'cs231n-add-mul');
  await tabTo('Practice');
  await page().keyboard.press('Enter');
  assert.equal(await view().getByRole('button', { name: 'Practice', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.equal(await view().getByRole('button', { name: 'Next gate', exact: true }).isDisabled(), true, 'Next waits for the answers');

  // Forward: each gate's value before it fires.
  assert.equal(await question(), 'Value of q = x + y');
  await answer('3');
  assert.match(await feedback().textContent(), /^Right: /);
  assert.match(await indicator(), /Forward: step 1 of 4/);
  assert.equal(await question(), 'Value of f = q * z');
  await answer('-4 * 3'); // arithmetic works: -12
  assert.match(await indicator(), /Forward: step 2 of 4/);

  // Backward through the multiply gate: q's gradient answered with q itself.
  assert.equal(await question(), 'Gradient f passes to q (df/dq along this wire)');
  await answer('3');
  assert.equal(await feedback().getAttribute('data-result'), 'wrong');
  assert.equal(await feedback().getAttribute('data-diagnosis'), 'multiply_no_swap');
  const text = await feedback().textContent();
  assert.match(text, /^Not yet: The multiply gate swaps its inputs: each input gets upstream × the other input\. /);
  assert.match(text, /your 3 multiplies the upstream gradient by q itself .*the multiply gate swaps its inputs: q gets upstream x the other input z, 1 x \(-4\) = -4/);
  assert.match(await indicator(), /Forward: step 2 of 4/, 'nothing is revealed after a wrong answer');
  assert.equal(await view().locator('.circuit-right > .circuit-graph .circuit-grad').count(), 0, 'no gradient is shown yet');
  await app.screenshot('circuit-practice-mistake-390');
  await answer('-4');
  assert.match(await feedback().textContent(), /^Right: .*= 1 x \(-4\) = -4 \(to the 1 digits you typed\)\./);
  assert.equal(await question(), 'Gradient f passes to z (df/dz along this wire)');
  await answer('3');
  assert.match(await indicator(), /Backward: step 3 of 4/, 'the multiply gate passed its gradients back');
  assert.deepEqual((await view().locator('.circuit-right > .circuit-graph .circuit-grad').allTextContents()).sort(), ['−4', '1', '3'].sort());

  // Through the add gate: x and y receive -4 each (a comma decimal is read as well).
  assert.equal(await question(), 'Gradient q passes to x (df/dx along this wire)');
  await answer('-4,0');
  assert.equal(await question(), 'Gradient q passes to y (df/dy along this wire)');
  await answer('-4');
  assert.match(await indicator(), /Backward: step 4 of 4/);
  assert.match(await card().textContent(), /Every gate done: 5 of 6 right first time/);
  assert.equal(await card().locator('.circuit-practice-input').isHidden(), true);

  // No horizontal overflow at 390 px.
  assert.equal(await page().evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
  await app.screenshot('circuit-practice-done-390');
  app.assertClean();
});

test('time travel in practice asks the gate again; Practice off gives Next back', async () => {
  await app.load('?mode=circuit');
  const practice = view().getByRole('button', { name: 'Practice', exact: true });
  await practice.click();
  await answer('3');
  await view().getByRole('button', { name: 'Previous gate', exact: true }).click();
  assert.match(await indicator(), /Start \(0 of 4\)/);
  assert.equal(await question(), 'Value of q = x + y');
  await card().getByRole('button', { name: 'Reveal', exact: true }).click();
  assert.match(await feedback().textContent(), /^Revealed: 3$/);
  assert.match(await indicator(), /Forward: step 1 of 4/);
  await practice.click();
  assert.equal(await card().isHidden(), true);
  assert.equal(await view().getByRole('button', { name: 'Next gate', exact: true }).isDisabled(), false);
  app.assertClean();
});
