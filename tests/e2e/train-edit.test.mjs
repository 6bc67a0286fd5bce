// Browser test of live edits in the training view: a point added by clicking on the plot joins
// the training set of the running session (epoch, weights and test split kept, accuracy shown),
// and a weight is edited from its edge, by click and by keyboard, without resetting training.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { trainHelpers } from './train-support.mjs';
import { openApp, repoRoot } from './browser.mjs';

const AXE = readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

let app;
before(async () => {
  app = await openApp({ root: process.env.BPX_TRAIN_DIST || 'dist' });
});
after(async () => {
  await app?.close();
});

const { page, view, text, number } = trainHelpers(() => app);
/** The n-th edge's keyboard twin names its weight with the value the engine holds. */
const twinLabel = (n) => view().locator('.bpx-t-edgekey').nth(n).getAttribute('aria-label');

async function openTrain(query) {
  await app.load(`?mode=train&${query}`);
  await view().getByRole('button', { name: 'Play', exact: true }).waitFor();
  await page().waitForFunction(() => document.querySelector('.bpx-t-metric')?.textContent !== '–');
}

/** Focuses the n-th twin (its label is read on focus) and returns that label. */
async function weightLabel(n) {
  await view().locator('.bpx-t-edgekey').nth(n).focus();
  return twinLabel(n);
}

test('a point added on the plot trains on: epoch, weights and test split stay, accuracy shows', async () => {
  await openTrain('t.data=circle&t.points=200');
  for (let k = 0; k < 3; k++) await view().getByRole('button', { name: 'Epoch', exact: true }).click();
  await page().waitForFunction(() => document.querySelector('.bpx-t-epoch')?.textContent === '3');
  const steps = await number('Steps');
  const weight = await weightLabel(0);
  assert.match(weight, /^Weight W\[1\] 1,1 = [−-]?\d/);
  // A person clicks on the plot, a little up and left of its middle.
  const plot = view().locator('.bpx-t-overlay');
  const box = await plot.boundingBox();
  await plot.click({ position: { x: box.width * 0.3, y: box.height * 0.35 } });
  await page().waitForFunction(() => document.querySelector('.bpx-t-count')?.textContent?.startsWith('201'));
  assert.equal(await text('Point count'), '201 points (101 train, 100 test)');
  assert.equal(await number('Epoch'), 3);
  assert.equal(await number('Steps'), steps);
  assert.equal(await weightLabel(0), weight);
  assert.match(await text('Test loss'), /^\d/);
  assert.match(await text('Train accuracy'), /^\d+(\.\d+)?\s?%$/);
  assert.match(await text('Test accuracy'), /^\d+(\.\d+)?\s?%$/);
  // The link carries the points, test points included: a reload shows the same split.
  await page().reload();
  await page().waitForSelector('body[data-ready="true"]');
  await page().waitForFunction(() => document.querySelector('.bpx-t-count')?.textContent?.startsWith('201'));
  assert.equal(await text('Point count'), '201 points (101 train, 100 test)');
  // Training goes on from there, and a removed point leaves the epoch as it is.
  await view().getByRole('button', { name: 'Epoch', exact: true }).click();
  await page().waitForFunction(() => document.querySelector('.bpx-t-epoch')?.textContent === '1');
  await view().getByLabel('remove a point').check();
  await plot.click({ position: { x: box.width * 0.3, y: box.height * 0.35 } });
  await page().waitForFunction(() => document.querySelector('.bpx-t-count')?.textContent?.startsWith('200'));
  assert.equal(await number('Epoch'), 1);
  assert.equal(await view().getByLabel('Noise').isDisabled(), false);
  app.assertClean();
});

test('a weight is edited from its edge by click and by keyboard; training is not reset', async () => {
  await openTrain('t.data=xor&t.hidden=3');
  await view().getByRole('button', { name: 'Epoch', exact: true }).click();
  await page().waitForFunction(() => document.querySelector('.bpx-t-epoch')?.textContent === '1');
  const steps = await number('Steps');
  // Click on the first edge's stroke, a third of the way along it (not on its twin).
  const at = await page().evaluate(() => {
    const path = document.querySelector('.bpx-train .bpx-t-edges path');
    const p = path.getPointAtLength(path.getTotalLength() / 3);
    const m = path.getScreenCTM();
    return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
  });
  await page().mouse.click(at.x, at.y);
  const editor = view().getByRole('dialog', { name: 'Edit a weight' });
  await editor.waitFor();
  assert.equal((await editor.locator('.bpx-t-wedit-title').textContent()).trim(), 'W[1]1,1');
  const input = editor.getByLabel('Value', { exact: true });
  // A value the engine refuses: its message shows, the editor stays open.
  await input.fill('abc');
  await editor.getByRole('button', { name: 'Apply' }).click();
  assert.match(await editor.getByRole('alert').textContent(), /finite number/);
  await input.fill('1.25');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await editor.waitFor({ state: 'hidden' });
  assert.equal(await twinLabel(0), 'Weight W[1] 1,1 = 1.2500; Enter to edit');
  assert.equal(await number('Epoch'), 1);
  assert.equal(await number('Steps'), steps);

  // Keyboard: Tab reaches the edges (one tab stop), an arrow moves to the next, Enter edits.
  await view().getByRole('button', { name: 'Add layer' }).focus();
  let reached = false;
  for (let k = 0; k < 40 && !reached; k++) {
    await page().keyboard.press('Tab');
    reached = await page().evaluate(() => document.activeElement?.classList.contains('bpx-t-edgekey') ?? false);
  }
  assert.ok(reached, 'Tab reaches the edges');
  await page().keyboard.press('ArrowRight');
  assert.match(await page().evaluate(() => document.activeElement.getAttribute('aria-label')), /^Weight W\[1\] 1,2 = /);
  const before = await twinLabel(1);
  await page().keyboard.press('Enter');
  await editor.waitFor();
  await page().keyboard.press('Escape');
  await editor.waitFor({ state: 'hidden' });
  assert.equal(await twinLabel(1), before, 'Escape leaves the weight');
  await page().keyboard.press('Enter');
  await editor.waitFor();
  await page().keyboard.type('-0.5');
  await page().keyboard.press('Enter');
  await editor.waitFor({ state: 'hidden' });
  assert.equal(await page().evaluate(() => document.activeElement.getAttribute('aria-label')), 'Weight W[1] 1,2 = −0.5000; Enter to edit');
  // Training goes on from the edited weights.
  await view().getByRole('button', { name: 'Step', exact: true }).click();
  await page().waitForFunction((n) => document.querySelector('.bpx-t-steps')?.textContent === String(n + 1), steps);
  assert.equal(await number('Epoch'), 1);
  assert.notEqual(await weightLabel(1), 'Weight W[1] 1,2 = −0.5000; Enter to edit');
  app.assertClean();
});

test('at 390 px, dark: the last edge\'s editor stays inside the diagram and passes axe', async () => {
  await page().setViewportSize({ width: 390, height: 844 });
  await openTrain('t.data=xor&t.hidden=3&theme=dark');
  const twins = view().locator('.bpx-t-edgekey');
  await twins.nth((await twins.count()) - 1).focus();
  await page().keyboard.press('Enter');
  const editor = view().getByRole('dialog', { name: 'Edit a weight' });
  await editor.waitFor();
  const [right, frame] = await editor.evaluate((e) => [e.getBoundingClientRect().right, e.offsetParent.getBoundingClientRect().right]);
  assert.ok(right <= frame + 0.5, `the editor ends at ${right} px, the diagram at ${frame} px`);
  await page().evaluate(AXE);
  const result = await page().evaluate(() => window.axe.run('.bpx-t-wedit', { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  await page().keyboard.press('Escape');
  app.assertClean();
});
