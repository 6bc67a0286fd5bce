// The rest of the explorer in Chromium: every preset runs a step, editing values and the
// structure, export (walkthrough = `bpx walkthrough`, SVG, PNG, spec JSON), keyboard and help,
// the mode switch, a 768 px wide window, and prefers-reduced-motion.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, openApp, repoRoot, startServer, watchPage } from './browser.mjs';

const sig = (z) => 1 / (1 + Math.exp(-z));
const close = (actual, expected, tol, what) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: page shows ${actual}, expected ${expected}`);

let app;
before(async () => {
  app = await openApp();
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await app.load();
});
after(async () => {
  await app?.close();
});

const value = async (id) => Number(await app.page.getByTestId(id).first().getAttribute('data-value'));
const phase = (p) => app.page.waitForSelector(`#view-step[data-phase="${p}"]`, { timeout: 5000 });
const settle = () => app.page.waitForSelector('#view-step:not([data-animating])', { timeout: 10000 });

test('every preset loads and runs a whole step with finite numbers', async () => {
  const page = app.page;
  const ids = await page.getByTestId('preset-select').locator('option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v !== 'custom'));
  assert.deepEqual(ids, ['seed002', 'seed003', 'seed004', 'seed002-mse', 'xor', 'softmax3', 'mazur', 'mlcc']);
  for (const id of ids) {
    await page.getByTestId('preset-select').selectOption(id);
    await phase('start');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await phase('update');
    await settle();
    const loss = await value('loss');
    assert.ok(Number.isFinite(loss) && loss > 0, `${id}: loss ${loss}`);
    await app.screenshot(`preset-${id}-after-step`);
  }
  // MSE vs BCE on the same network: dZ[2] = (ŷ − y) σ′(z) instead of ŷ − y.
  await page.getByTestId('preset-select').selectOption('seed002-mse');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await phase('update');
  const yhat = await value('yhat');
  close(await value('m-dZ-2-0-0'), (yhat - 1) * yhat * (1 - yhat), 1e-12, 'MSE dZ[2]');
  // The 3-class softmax: three columns of ŷ that each sum to one.
  await page.getByTestId('preset-select').selectOption('softmax3');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await phase('update');
  for (let k = 0; k < 3; k++) {
    const col = [0, 1, 2].map((i) => page.getByTestId(`m-A-2-${i}-${k}`).getAttribute('data-value'));
    const sum = (await Promise.all(col)).map(Number).reduce((a, b) => a + b, 0);
    close(sum, 1, 1e-12, `softmax column ${k + 1} sums to 1`);
  }
  app.assertClean();
});

test('edit a weight, an input and the structure; the numbers follow', async () => {
  const page = app.page;
  await page.getByTestId('preset-select').selectOption('seed002');
  await phase('start');
  await page.getByRole('button', { name: /^Edit weight W\[2\] row 1, column 1/ }).click();
  const editor = page.getByRole('dialog', { name: /Edit Weight W\[2\] row 1, column 1/ });
  await editor.getByRole('textbox').fill('1');
  await app.screenshot('edit-weight-popover');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await editor.waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('preset-select').inputValue(), 'custom');
  close(await value('m-W-2-0-0'), 1, 0, 'edited W[2]₁');
  await page.getByRole('button', { name: 'Next phase', exact: true }).click();
  await page.getByRole('button', { name: 'Next phase', exact: true }).click();
  await phase('forward 2');
  const a1 = [sig(0.51), sig(1.12)];
  close(await value('yhat'), sig(1 * a1[0] + 0.6 * a1[1] + 0.05), 1e-12, 'ŷ with W[2]₁ = 1');

  // An input: x2 = 0 → z[1] = [0.1 + 0.01, 0.3 + 0.02].
  await page.getByRole('button', { name: /^Edit input x2 of example 1/ }).click();
  const inputEditor = page.getByRole('dialog', { name: /Edit Input x2/ });
  await inputEditor.getByRole('textbox').fill('abc');
  await inputEditor.getByRole('button', { name: 'Apply' }).click();
  assert.match(await inputEditor.getByRole('alert').textContent(), /finite number/);
  await inputEditor.getByRole('textbox').fill('0');
  await inputEditor.getByRole('button', { name: 'Apply' }).click();
  await phase('start');
  await page.getByRole('button', { name: 'Next phase', exact: true }).click();
  await phase('forward 1');
  close(await value('m-Z-1-0-0'), 0.1 + 0.01, 1e-15, 'z[1]₁ with x2 = 0');
  close(await value('m-Z-1-1-0'), 0.3 + 0.02, 1e-15, 'z[1]₂ with x2 = 0');

  // Structure: three hidden units; the diagram follows the spec.
  await page.getByRole('spinbutton', { name: 'Layer 1 units' }).fill('3');
  await page.getByRole('spinbutton', { name: 'Layer 1 units' }).dispatchEvent('change');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="diagram"] [data-node^="1:"]').length === 3);
  close(await value('m-W-2-0-0'), 1, 0, 'kept W[2]₁ after resizing');
  // Add a hidden layer, then the loss: MSE.
  await page.getByRole('button', { name: 'Add hidden layer' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="diagram"] [data-node^="3:"]').length === 1);
  await page.getByRole('combobox', { name: 'Loss' }).selectOption('mse');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await phase('update');
  await settle();
  await app.screenshot('edit-structure-2-3-3-1');
  // A bad spec names the field.
  await page.getByText('Spec (JSON)').click();
  await page.getByRole('textbox', { name: 'Spec JSON' }).fill('{"layers": [2, 100, 1], "activations": ["tanh", "sigmoid"], "loss": "mse"}');
  await page.getByRole('button', { name: 'Apply spec' }).click();
  assert.match(await page.locator('.edit-error').textContent(), /layers\[1\]/);
  app.assertClean();
});

test('export: the walkthrough is the engine\'s (as bpx walkthrough), SVG, PNG, spec JSON', async () => {
  const page = app.page;
  await page.getByTestId('preset-select').selectOption('seed002');
  await phase('start');
  await page.getByRole('button', { name: 'Copy walkthrough (Markdown)' }).click();
  await page.getByText('Walkthrough (Markdown with LaTeX) copied').waitFor();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /^# Worked example: a 2-2-1 network/);
  assert.match(md, /0\.814796/);
  const bpx = path.join(repoRoot, 'build/native/bpx');
  if (existsSync(bpx)) {
    const cli = execFileSync(bpx, ['walkthrough', path.join(repoRoot, 'examples/seed002.json')], { encoding: 'utf8' });
    assert.equal(md.trim(), cli.trim(), 'the page copies the same text as `bpx walkthrough`');
  }
  const svgDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download SVG' }).click();
  const svg = readFileSync(await (await svgDownload).path(), 'utf8');
  assert.match(svg, /^<\?xml/);
  assert.match(svg, /<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /w 0\.5/);
  const pngDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PNG' }).click();
  const png = readFileSync(await (await pngDownload).path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  assert.ok(png.length > 10000, `PNG of ${png.length} bytes`);
  await page.getByRole('button', { name: 'Copy spec JSON' }).click();
  await page.getByText('Spec JSON copied').waitFor();
  const spec = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  assert.deepEqual(spec.layers, [2, 2, 1]);
  assert.deepEqual(spec.init.weights, [[[0.1, 0.2], [0.3, 0.4]], [[0.5, 0.6]]]);
  // The link reproduces the network.
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('Link to this network copied').waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /\/#preset=seed002$/); // in the fragment (web/src/url-state.ts)
  app.assertClean();
});

test('keyboard: shortcuts, the help overlay and focus', async () => {
  const page = app.page;
  await page.getByTestId('preset-select').selectOption('seed002');
  await phase('start');
  await page.locator('#view-step h2').first().click(); // focus off the select
  await page.keyboard.press('ArrowRight');
  await phase('forward 1');
  await page.keyboard.press('n');
  await phase('forward 2');
  await page.keyboard.press('ArrowLeft');
  await phase('forward 1');
  await page.keyboard.press('s');
  await phase('update');
  await page.keyboard.press('r');
  await phase('start');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  assert.match(await help.textContent(), /Next phase/);
  await app.screenshot('help-overlay');
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'hidden' });
  // Tab reaches the step controls with a visible focus ring.
  await page.getByRole('button', { name: 'Next phase', exact: true }).focus();
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  // Neurons are reachable and open the inspector with Enter.
  await page.getByRole('button', { name: 'Inspect neuron unit 1 of layer 2' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('dialog.inspector').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('dialog.inspector').waitFor({ state: 'hidden' });
  app.assertClean();
});

test('mode switch: Train and back without losing the phase; ?mode=train opens training', async () => {
  const page = app.page;
  await page.getByTestId('preset-select').selectOption('seed002');
  await page.getByRole('button', { name: 'Next phase', exact: true }).click();
  await phase('forward 1');
  await page.getByRole('tab', { name: 'Train' }).click();
  assert.equal(await page.getByRole('tab', { name: 'Train' }).getAttribute('aria-selected'), 'true');
  assert.ok(await page.locator('#view-step').isHidden());
  await page.waitForURL(/mode=train/);
  await page.getByRole('tab', { name: 'Step through' }).click();
  assert.ok(await page.locator('#view-step').isVisible());
  await phase('forward 1');
  await page.goto(app.url('?mode=train'));
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getByRole('tab', { name: 'Train' }).getAttribute('aria-selected'), 'true');
  assert.ok(await page.locator('#view-train').isVisible());
  await page.goto(app.url('?preset=seed004'));
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getByTestId('preset-select').inputValue(), 'seed004');
  assert.deepEqual(app.foreign, [], 'requests to another origin');
});

test('768 px wide tablet: no horizontal scrolling, everything visible', async () => {
  const page = app.page;
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto(app.url('?preset=seed002'));
  await page.waitForSelector('body[data-ready="true"]');
  for (let k = 0; k < 4; k++) await page.getByRole('button', { name: 'Next phase', exact: true }).click();
  await phase('backward 2');
  await settle();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 768, `page is ${width} px wide`);
  await app.screenshot('tablet-768-backward-2');
  await app.screenshot('tablet-768-full', { fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  app.assertClean();
});

test('prefers-reduced-motion: the end state at once, no pulses', async () => {
  const page = app.page;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(app.url('?preset=seed002'));
  await page.waitForSelector('body[data-ready="true"]');
  await page.getByRole('button', { name: 'Next phase', exact: true }).click();
  await phase('forward 1');
  assert.equal(await page.locator('[data-layer="pulses"] > *').count(), 0);
  assert.equal(await page.locator('#view-step').getAttribute('data-animating'), null);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  // With motion, pulses travel during the phase.
  await page.getByRole('button', { name: 'Next phase', exact: true }).click();
  await page.waitForSelector('[data-layer="pulses"] > circle');
  await app.screenshot('animation-forward-2-midway');
  await settle();
  assert.equal(await page.locator('[data-layer="pulses"] > *').count(), 0);
  app.assertClean();
});

test('the built page works from a sub-path of a server (relative URLs only)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bpx-subpath-'));
  cpSync(path.join(repoRoot, 'dist'), path.join(dir, 'course/explorer'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>course</title>');
  const server = await startServer(dir);
  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const watch = watchPage(page, server.origin);
    await page.goto(server.url('course/explorer/?preset=seed003'));
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.waitForSelector('#view-step[data-phase="update"]');
    close(Number(await page.getByTestId('yhat').getAttribute('data-value')), sig(1), 1e-15, 'ŷ of seed 003');
    assert.deepEqual(watch.foreign, []);
    assert.deepEqual(watch.problems, []);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
