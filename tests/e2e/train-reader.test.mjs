// The training view as a new reader meets it (issue 12, "Also"): after divergence no
// accuracy stands beside a NaN loss, and the Classes picker is off for regression data.
// BPX_TRAIN_DIST serves another build (for instance the page before a fix).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './browser.mjs';

const root = process.env.BPX_TRAIN_DIST || 'dist';
let app;
before(async () => {
  app = await openApp({ root });
});
after(async () => {
  await app?.close();
});

const view = () => app.page.locator('.bpx-train');
const text = async (label) => (await view().getByLabel(label, { exact: true }).textContent()).trim();

async function openTrain(query) {
  await app.load(`?mode=train&${query}`);
  await view().getByRole('button', { name: 'Play', exact: true }).waitFor();
  await app.page.waitForFunction(() => document.querySelector('.bpx-t-metric')?.textContent !== '–');
}

test('after divergence the accuracy is a dash beside the NaN loss, at 390, 768 and 1440 px', async () => {
  for (const width of [390, 768, 1440]) {
    await app.page.setViewportSize({ width, height: 900 });
    await openTrain('t.data=circle&t.hidden=4,4&t.act=sigmoid,sigmoid&t.out=linear&t.loss=mse&t.lr=10');
    assert.match(await text('Train accuracy'), /%$/); // a finite network has an accuracy
    await view().getByRole('button', { name: 'Play', exact: true }).click();
    await view().locator('.bpx-t-alert').waitFor({ state: 'visible', timeout: 15000 });
    assert.equal(await text('Train loss'), 'NaN');
    assert.equal(await text('Train accuracy'), '–');
    assert.equal(await text('Test accuracy'), '–');
    await app.screenshot(`train-diverged-metrics-${width}`);
  }
  app.assertClean();
});

test('the Classes picker is off for regression data, also for points uploaded over a gaussian set', async () => {
  await app.page.setViewportSize({ width: 1440, height: 900 });
  await openTrain('t.data=gaussian');
  const classes = view().getByLabel('Classes');
  assert.ok(await classes.isEnabled());
  await view().getByLabel('Data set').selectOption('plane');
  assert.ok(await classes.isDisabled());
  await view().getByLabel('Data set').selectOption('gaussian');
  assert.ok(await classes.isEnabled());
  // Values that are not class numbers make the upload a regression set.
  const csv = 'x1,x2,y\n' + Array.from({ length: 20 }, (_, i) => `${(i % 5) - 2},${Math.floor(i / 5) - 2},${((i % 7) - 3) / 4}`).join('\n');
  await view().getByLabel('Upload CSV (x1,x2,label)').setInputFiles({ name: 'values.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await app.page.waitForFunction(() => document.querySelector('.bpx-t-count')?.textContent?.startsWith('20 '));
  assert.equal(await view().getByLabel('Data set').inputValue(), 'gaussian');
  assert.ok(await classes.isDisabled(), 'Classes is still offered for regression points');
  await app.screenshot('train-regression-classes');
  app.assertClean();
});
