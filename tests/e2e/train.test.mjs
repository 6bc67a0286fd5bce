// Browser tests of the training view (issue 5): the built page in Debian's Chromium via
// playwright-core. Screenshots go to test-results/train-*.png; frame times measured
// during play are printed, not asserted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { trainHelpers } from './train-support.mjs';
import { openApp } from './browser.mjs';
import { createEngine } from '../../bindings/wasm/index.js';

// BPX_TRAIN_DIST serves another build (a harness) instead of dist/.
const root = process.env.BPX_TRAIN_DIST || 'dist';
let app;

before(async () => {
  app = await openApp({ root });
});
after(async () => {
  await app?.close();
});

const { page, view, text, number } = trainHelpers(() => app);

async function openTrain(query = '', { valid = true } = {}) {
  await app.load(`?mode=train${query ? `&${query}` : ''}`);
  await view().getByRole('button', { name: 'Play', exact: true }).waitFor();
  if (valid) await page().waitForFunction(() => document.querySelector('.bpx-t-metric')?.textContent !== '–');
}

async function playUntil(predicate, timeout = 15000) {
  await view().getByRole('button', { name: 'Play', exact: true }).click();
  await page().waitForFunction(predicate, null, { timeout, polling: 100 });
  await view().getByRole('button', { name: 'Pause', exact: true }).click();
}

function percentile(values, p) {
  const a = [...values].sort((x, y) => x - y);
  return a.length ? a[Math.min(a.length - 1, Math.floor(a.length * p))] : NaN;
}

test('spiral with one more layer: Play lowers the loss and advances the epoch counter', async () => {
  await openTrain();
  await view().getByLabel('Data set').selectOption('spiral');
  await view().getByRole('button', { name: 'Add layer' }).click();
  assert.match(await view().locator('.bpx-t-net-top').textContent(), /3 hidden layers/);
  const before = await number('Train loss');
  assert.equal(await number('Epoch'), 0);
  await app.screenshot('train-spiral-before');
  await playUntil(() => Number(document.querySelector('.bpx-t-epoch')?.textContent) >= 60);
  const after = await number('Train loss');
  const epoch = await number('Epoch');
  assert.ok(epoch >= 60, `epoch ${epoch}`);
  assert.ok(after < before, `train loss ${before} → ${after}`);
  assert.match(page().url(), /t\.data=spiral/);
  assert.match(page().url(), /t\.hidden=4%2C2%2C2|t\.hidden=4,2,2/);
  assert.match(page().url(), /mode=train/);
  await app.screenshot('train-spiral-after');
  app.assertClean();
});

test('clicking on the plot adds a point, the remove tool takes it away', async () => {
  await openTrain('t.data=circle&t.points=200');
  assert.equal(await text('Point count'), '200 points (100 train, 100 test)');
  const plot = view().locator('.bpx-t-overlay');
  await plot.click({ position: { x: 40, y: 40 } });
  await page().waitForFunction(() => document.querySelector('.bpx-t-count')?.textContent?.startsWith('201'));
  assert.equal(await text('Point count'), '201 points (101 train, 100 test)');
  assert.match(page().url(), /t\.pts=/);
  await view().getByLabel('add class 1').check();
  await plot.click({ position: { x: 60, y: 40 } });
  await page().waitForFunction(() => document.querySelector('.bpx-t-count')?.textContent?.startsWith('202'));
  await app.screenshot('train-points-added');
  await view().getByLabel('remove a point').check();
  await plot.click({ position: { x: 40, y: 40 } });
  await page().waitForFunction(() => document.querySelector('.bpx-t-count')?.textContent?.startsWith('201'));
  // The edited points survive a reload through the URL.
  await app.page.reload(); // the URL keeps them in its fragment (web/src/url-state.ts)
  await page().waitForSelector('body[data-ready="true"]');
  await view().getByLabel('Point count').waitFor();
  await page().waitForFunction(() => document.querySelector('.bpx-t-count')?.textContent?.startsWith('201'));
  // Keyboard: arrows move the cursor on the focused plot, Enter adds a point there.
  await view().getByLabel('add class 0').check();
  await plot.focus();
  await page().keyboard.press('ArrowUp');
  await page().keyboard.press('Enter');
  await page().waitForFunction(() => document.querySelector('.bpx-t-count')?.textContent?.startsWith('202'));
  app.assertClean();
});

const FULL_STATE = {
  't.data': 'xor',
  't.noise': '0.2',
  't.points': '300',
  't.split': '0.6',
  't.dseed': '42',
  't.features': 'x1,x2,x1_x2',
  't.hidden': '5,3',
  't.act': 'relu,tanh',
  't.out': 'sigmoid',
  't.loss': 'bce',
  't.opt': 'adam',
  't.lr': '0.01',
  't.batch': '7',
  't.l2': '0.001',
  't.init': 'he',
  't.iseed': '9',
  't.seed': '3',
  't.test': '1',
};

test('a URL with the full state gives the same settings and the same first loss on every load', async () => {
  const query = new URLSearchParams(FULL_STATE).toString();
  const seen = [];
  for (let load = 0; load < 2; load++) {
    await openTrain(query);
    const p = page();
    assert.equal(await view().getByLabel('Data set').inputValue(), 'xor');
    assert.equal(await view().getByLabel('Noise').inputValue(), '0.2');
    assert.equal(await view().getByLabel('Points', { exact: true }).inputValue(), '300');
    assert.equal(await view().getByLabel('Learning rate').inputValue(), '0.01');
    assert.equal(await view().getByLabel('Optimizer').inputValue(), 'adam');
    assert.equal(await view().getByLabel('Batch size').inputValue(), '7');
    assert.equal(await view().getByLabel('L2 (weight decay)').inputValue(), '0.001');
    assert.equal(await view().getByLabel('Initialisation').inputValue(), 'he');
    assert.equal(await view().getByLabel('Output activation').inputValue(), 'sigmoid');
    assert.equal(await view().getByLabel('Loss', { exact: true }).inputValue(), 'bce');
    assert.equal(await view().getByLabel('Activation of layer 1').inputValue(), 'relu');
    assert.equal(await view().getByLabel('Feature x₁x₂').getAttribute('aria-pressed'), 'true');
    assert.equal(await view().getByLabel('Feature x₁²').getAttribute('aria-pressed'), 'false');
    assert.ok(await view().getByLabel('Show test data').isChecked());
    assert.equal(await text('Point count'), '300 points (180 train, 120 test)');
    const first = { train: await text('Train loss'), test: await text('Test loss') };
    // The state stays in the URL, next to the mode.
    const url = new URLSearchParams(new URL(p.url()).hash.slice(1)); // written to the fragment
    for (const [k, v] of Object.entries(FULL_STATE)) assert.equal(url.get(k), v, k);
    assert.equal(url.get('mode'), 'train');
    await view().getByRole('button', { name: 'Step', exact: true }).click();
    await view().getByRole('button', { name: 'Epoch', exact: true }).click();
    seen.push({ ...first, afterEpoch: await text('Train loss'), epoch: await text('Epoch') });
    if (load === 0) await app.screenshot('train-url-state');
  }
  assert.deepEqual(seen[1], seen[0]);
  assert.equal(seen[0].epoch, '1');
  // The displayed first loss is the engine's, for the same spec.
  const engine = await createEngine();
  const expected = engine.withSession(
    {
      layers: [3, 5, 3, 1],
      activations: ['relu', 'tanh', 'sigmoid'],
      loss: 'bce',
      optimizer: { type: 'adam', learning_rate: 0.01, weight_decay: 0.001 },
      batch_size: 7,
      seed: 3,
      init: { scheme: 'he', seed: 9 },
      data: { dataset: 'xor', points: 300, noise: 0.2, train_fraction: 0.6, seed: 42, features: ['x1', 'x2', 'x1_x2'] },
    },
    (s) => s.evaluate('train').loss,
  );
  assert.equal(seen[0].train, expected.toFixed(4));
  app.assertClean();
});

test('learning rate 10 on a sigmoid network: training pauses with a divergence message; Reset recovers', async () => {
  await openTrain('t.data=circle&t.hidden=4,4&t.act=sigmoid,sigmoid&t.out=linear&t.loss=mse');
  await view().getByLabel('Learning rate').selectOption('10');
  assert.match(page().url(), /t\.lr=10/);
  await view().getByRole('button', { name: 'Play', exact: true }).click();
  const alert = view().locator('.bpx-t-alert');
  await alert.waitFor({ state: 'visible', timeout: 15000 });
  const message = await alert.textContent();
  assert.match(message, /Training diverged/);
  assert.match(message, /NaN or infinite/);
  assert.match(message, /lower learning rate/);
  // Paused: the toggle offers Play again.
  await view().getByRole('button', { name: 'Play', exact: true }).waitFor();
  await app.screenshot('train-diverged');
  await view().getByRole('button', { name: 'Reset', exact: true }).first().click();
  await alert.waitFor({ state: 'hidden' });
  assert.equal(await number('Epoch'), 0);
  assert.ok(Number.isFinite(await number('Train loss')));
  app.assertClean();
});

test('validation errors from the engine appear next to the control', async () => {
  await openTrain('t.data=circle');
  await view().getByLabel('Loss', { exact: true }).selectOption('bce');
  const err = page().locator('[data-err="loss"]');
  await err.waitFor({ state: 'visible' });
  assert.match(await err.textContent(), /bce needs a sigmoid output layer/);
  assert.ok(await view().getByRole('button', { name: 'Step', exact: true }).isDisabled());
  await app.screenshot('train-validation-error');
  await view().getByLabel('Output activation').selectOption('sigmoid');
  await err.waitFor({ state: 'hidden' });
  assert.ok(!(await view().getByRole('button', { name: 'Step', exact: true }).isDisabled()));
  // A bad value in a shared link: the page says which field, and fixing it recovers.
  await openTrain('t.points=5', { valid: false });
  const pointsErr = view().locator('[data-err="points"]');
  await pointsErr.waitFor({ state: 'visible' });
  assert.match(await pointsErr.textContent(), /data\.points/);
  assert.ok(await view().getByRole('button', { name: 'Play', exact: true }).isDisabled());
  await view().getByLabel('Points', { exact: true }).fill('50');
  await view().getByLabel('Points', { exact: true }).dispatchEvent('change');
  await pointsErr.waitFor({ state: 'hidden' });
  assert.equal(await text('Point count'), '50 points (25 train, 25 test)');
  app.assertClean();
});

test('keyboard: S steps, E trains an epoch, Space plays and pauses', async () => {
  await openTrain('t.data=gaussian&t.points=100&t.batch=10');
  await view().locator('.bpx-t-epoch').click(); // focus inside the view, not in a control
  await page().keyboard.press('s');
  assert.equal(await text('Steps'), '1');
  await page().keyboard.press('e');
  assert.equal(await text('Epoch'), '1');
  await page().keyboard.press(' ');
  await view().getByRole('button', { name: 'Pause', exact: true }).waitFor();
  await page().keyboard.press(' ');
  await view().getByRole('button', { name: 'Play', exact: true }).waitFor();
  app.assertClean();
});

test('gradient view, a neuron enlarged on hover, and the neuron inspector on click', async () => {
  await openTrain('t.data=circle&t.hidden=6,6,6,6&t.act=sigmoid,sigmoid,sigmoid,sigmoid&t.out=tanh&t.loss=mse');
  await view().getByRole('button', { name: 'Step', exact: true }).click();
  await view().getByLabel('Edges show').selectOption('gradients');
  assert.match(page().url(), /t\.edges=gradients/);
  const norms = await view().locator('.bpx-t-normtext').allTextContents();
  assert.equal(norms.length, 5);
  assert.ok(norms.every((n) => n !== '–' && Number(n.replace('−', '-')) > 0), norms.join(' '));
  // Deep sigmoid stacks: the first layer's gradient is far smaller than the last one's.
  const first = Number(norms[0].replace('−', '-'));
  const last = Number(norms[4].replace('−', '-'));
  assert.ok(first < last / 10, `‖dW[1]‖ ${first} vs ‖dW[5]‖ ${last}`);
  assert.match(await view().locator('.bpx-t-gradnote').textContent(), /Vanishing gradients/);
  const neuron = view().getByRole('button', { name: /Neuron 2 of layer 1/ });
  await neuron.hover();
  const preview = view().locator('.bpx-t-preview');
  await preview.waitFor({ state: 'visible' });
  assert.match(await preview.textContent(), /Layer 1, neuron 2 \(sigmoid\)/);
  await app.screenshot('train-gradients-hover');
  // Example 0 unless a point is picked with the inspector tool.
  await neuron.click();
  const dialog = page().locator('dialog[data-testid="inspector"]');
  await dialog.waitFor({ state: 'visible' });
  assert.match(await dialog.textContent(), /layer 1/i);
  await app.screenshot('train-inspector');
  await page().keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  app.assertClean();
});

test('three classes: softmax output with cross-entropy; a CSV of points replaces the data', async () => {
  await openTrain('t.data=spiral&t.hidden=8,8&t.features=x1,x2,sin_x1,sin_x2');
  await view().getByLabel('Classes').selectOption('3');
  assert.equal(await view().getByLabel('Output activation').inputValue(), 'softmax');
  assert.equal(await view().getByLabel('Loss', { exact: true }).inputValue(), 'cross_entropy');
  assert.equal(await view().getByRole('button', { name: /Output unit/ }).count(), 3);
  const before = await number('Train loss');
  for (let i = 0; i < 5; i++) await view().getByRole('button', { name: 'Epoch', exact: true }).click();
  assert.ok((await number('Train loss')) < before);
  assert.match(await text('Train accuracy'), /%$/);
  await app.screenshot('train-three-classes');
  const csv = 'x1,x2,label\n' + Array.from({ length: 60 }, (_, i) => {
    const c = i % 3;
    const a = (2 * Math.PI * c) / 3;
    return `${(3 * Math.cos(a) + ((i * 7) % 10) / 10).toFixed(2)},${(3 * Math.sin(a) + ((i * 3) % 10) / 10).toFixed(2)},${c}`;
  }).join('\n');
  await view().getByLabel('Upload CSV (x1,x2,label)').setInputFiles({ name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page().waitForFunction(() => document.querySelector('.bpx-t-count')?.textContent?.startsWith('60 '));
  assert.match(await view().locator('.bpx-t-status').textContent(), /Loaded 60 points \(1 lines skipped\)/);
  assert.equal(await view().getByLabel('Classes').inputValue(), '3');
  await view().getByRole('button', { name: 'Epoch', exact: true }).click();
  await app.screenshot('train-csv');
  app.assertClean();
});

test('teachers hide controls with hide=…; panels shown are part of the URL', async () => {
  await openTrain('hide=dataset,features,newweights&t.features=x1,x2,x1_sq');
  assert.ok(!(await view().locator('[data-ctl="dataset"]').isVisible()));
  assert.equal(await view().getByRole('button', { name: 'New weights' }).count(), 0);
  const x1sq = view().getByRole('button', { name: 'Feature x₁²' });
  assert.ok(await x1sq.isDisabled());
  assert.equal(await view().getByRole('button', { name: 'Feature sin x₁' }).count(), 0);
  await view().getByRole('checkbox', { name: 'Loss curves' }).uncheck();
  assert.ok(!(await view().locator('.bpx-t-curves').isVisible()));
  assert.match(page().url(), /t\.panels=data%2Cnetwork%2Coutput|t\.panels=data,network,output/);
  assert.match(page().url(), /hide=dataset%2Cfeatures%2Cnewweights|hide=dataset,features,newweights/);
  await app.page.reload();
  await page().waitForSelector('body[data-ready="true"]');
  await view().getByRole('button', { name: 'Play', exact: true }).waitFor();
  assert.ok(!(await view().locator('.bpx-t-curves').isVisible()));
  await app.screenshot('train-teacher-hidden');
  app.assertClean();
});

test('stop at an epoch count; New weights and Regenerate draw new seeds into the URL', async () => {
  await openTrain('t.data=xor&t.points=100');
  const stop = view().getByLabel('Stop at epoch');
  await stop.fill('7');
  await stop.dispatchEvent('change');
  await view().getByRole('button', { name: 'Play', exact: true }).click();
  await view().getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 15000 });
  assert.equal(await number('Epoch'), 7);
  assert.match(await view().locator('.bpx-t-status').textContent(), /Stopped: reached epoch 7/);
  const seeds = () => {
    const u = new URLSearchParams(new URL(page().url()).hash.slice(1));
    return [u.get('t.iseed'), u.get('t.dseed')];
  };
  const [iseed, dseed] = seeds();
  await view().getByRole('button', { name: 'New weights' }).click();
  assert.notEqual(seeds()[0], iseed);
  assert.equal(await number('Epoch'), 0);
  await view().getByRole('button', { name: 'Regenerate' }).click();
  assert.notEqual(seeds()[1], dseed);
  app.assertClean();
});

test('frame times while playing a 6×8 network on 500 points (printed, not asserted)', async () => {
  const hidden = '8,8,8,8,8,8';
  await openTrain(`t.data=spiral&t.points=500&t.noise=0.1&t.hidden=${hidden}&t.act=tanh,tanh,tanh,tanh,tanh,tanh&t.speed=epoch`);
  await view().getByRole('button', { name: 'Play', exact: true }).click();
  await page().waitForTimeout(1500); // warm-up: resolution adapts
  await page().evaluate(() => window.__bpxTrainPerf.clear());
  await page().waitForTimeout(6000);
  const perf = await page().evaluate(() => {
    const p = window.__bpxTrainPerf;
    return { work: p.work(), interval: p.interval(), kinds: p.kinds(), parts: p.parts(), grid: document.querySelector('.bpx-t-heat').width };
  });
  await view().getByRole('button', { name: 'Pause', exact: true }).click();
  await app.screenshot('train-6x8-playing');
  const f = (v) => v.toFixed(2);
  console.log(
    `training view, 2-${hidden.replace(/,/g, '-')}-1 tanh, 500 points (250 train), batch 10, 1 epoch per frame, headless Chromium:\n` +
      `  frames ${perf.work.length}; JS work per frame p50 ${f(percentile(perf.work, 0.5))} ms, p95 ${f(percentile(perf.work, 0.95))} ms; ` +
      `frame interval p50 ${f(percentile(perf.interval, 0.5))} ms, p95 ${f(percentile(perf.interval, 0.95))} ms\n` +
      `  mean ms per part: ${Object.entries(perf.parts).map(([k, v]) => `${k} ${f(v)}`).join(', ')}\n` +
      `  unit maps ${perf.grid}×${perf.grid} while playing; frames that trained and drew: ${[...perf.kinds].filter((k) => k === 'b').length}, only trained: ${[...perf.kinds].filter((k) => k === 't').length}, only drew: ${[...perf.kinds].filter((k) => k === 'v').length}`,
  );
  assert.ok(perf.work.length > 0);
  app.assertClean();
});
