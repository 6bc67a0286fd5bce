// Recipe: the standalone file (dist/backprop-explorer-standalone.html) opened from disk. It makes
// no request but the document itself (engine, fonts, styles and icon are inside), runs one full
// step of seed 002 with the numbers computed by hand, and opens the training view. "Download for
// offline use" saves it with the state built in: from the served page (the script read from the
// server) and from a saved file itself (the inline script's text); each saved file, opened from
// disk, shows that state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, screenshot, watchPage } from './browser.mjs';
import { distDir, fullStepSeed002, serve } from './embed-support.mjs';

const STANDALONE = path.join(distDir, 'backprop-explorer-standalone.html');
let browser;
let server;
let tmp;
before(async () => {
  browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
  server = await serve(distDir);
  tmp = mkdtempSync(path.join(tmpdir(), 'bpx-standalone-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A fresh page that records every request and every console problem. */
async function watched() {
  const page = await browser.context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const { problems } = watchPage(page, '');
  return { page, requests, problems };
}

/** Opens `file` from disk and waits for the page; checks it asked for nothing but itself. */
async function openFromDisk(file, viewport = { width: 1440, height: 900 }) {
  const w = await watched();
  await w.page.setViewportSize(viewport);
  const href = pathToFileURL(file).href;
  await w.page.goto(href);
  await w.page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  w.assertOnlyItself = () => {
    assert.deepEqual(w.requests, [href], 'no request but the document itself');
    assert.deepEqual(w.problems, [], 'no console errors or warnings');
  };
  return w;
}

/** Clicks "Download for offline use" and saves the file it offers into tmp/. */
async function download(page, name) {
  const [saved] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download for offline use' }).click(),
  ]);
  assert.equal(saved.suggestedFilename(), 'backprop-explorer-standalone.html');
  const file = path.join(tmp, name);
  await saved.saveAs(file);
  return file;
}

test('the built file holds everything: one inline script, no file reference', () => {
  const html = readFileSync(STANDALONE, 'utf8');
  assert.equal((html.match(/<script\b/g) ?? []).length, 1, 'one script element');
  assert.match(html, /<script data-bpx-app>/);
  const outside = html.replace(/<script data-bpx-app>[^]*<\/script>/, '');
  assert.ok(outside.length < 5000, 'the markup around the script is the page shell');
  assert.doesNotMatch(outside, /\s(src|href)="(?!data:|#)/, 'no src or href that would be fetched');
  assert.ok(statSync(STANDALONE).size > statSync(path.join(distDir, 'backprop-explorer.js')).size, 'the bundle is inside');
});

test('from file://: no request but itself, one full step by hand, the training view', async () => {
  for (const width of [390, 1440]) {
    const w = await openFromDisk(STANDALONE, { width, height: 900 });
    const view = w.page.locator('#view-step');
    await fullStepSeed002(view, view);
    await screenshot(w.page, `recipe-standalone-${width}`);
    await w.page.getByRole('tab', { name: 'Train' }).click();
    await w.page.locator('.bpx-train').getByRole('button', { name: 'Step', exact: true }).click();
    await w.page.waitForFunction(() => document.querySelector('.bpx-train')?.textContent.includes('steps'));
    w.assertOnlyItself();
    await w.page.close();
  }
});

test('Download for offline use from the served page: the saved file opens from disk in the same state', async () => {
  const w = await watched();
  await w.page.goto(server.url('index.html?preset=seed002'));
  await w.page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  // A state of the step-through view (another example) and of the training view (settings).
  await w.page.getByTestId('preset-select').selectOption('xor');
  await w.page.getByRole('tab', { name: 'Train' }).click();
  const train = w.page.locator('.bpx-train');
  await train.getByLabel('Data set').selectOption('spiral');
  await train.getByLabel('Learning rate').selectOption('0.01');
  await w.page.getByRole('combobox', { name: 'Colour theme' }).selectOption('dark');
  const file = await download(w.page, 'from-server.html');
  assert.deepEqual(w.problems, []);
  await w.page.close();

  const saved = await openFromDisk(file);
  const page = saved.page;
  assert.equal(await page.getByRole('tab', { name: 'Train' }).getAttribute('aria-selected'), 'true');
  const view = page.locator('.bpx-train');
  await view.getByRole('button', { name: 'Play', exact: true }).waitFor();
  assert.equal(await view.getByLabel('Data set').inputValue(), 'spiral');
  assert.equal(await view.getByLabel('Learning rate').inputValue(), '0.01');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.getByRole('tab', { name: 'Step through' }).click();
  assert.equal(await page.getByTestId('preset-select').inputValue(), 'xor');
  await screenshot(page, 'recipe-standalone-saved-xor');
  saved.assertOnlyItself();

  // The saved file saves itself again (from its inline script), with a newer state.
  await page.getByTestId('preset-select').selectOption('softmax3');
  const again = await download(page, 'from-file.html');
  await page.close();
  const second = await openFromDisk(again);
  assert.equal(await second.page.getByTestId('preset-select').inputValue(), 'softmax3');
  assert.equal(await second.page.getByRole('tab', { name: 'Step through' }).getAttribute('aria-selected'), 'true');
  second.assertOnlyItself();
  await second.page.close();
});

test('the address wins over the state built in; without one the built-in state counts', async () => {
  const w = await watched();
  await w.page.goto(server.url('index.html#preset=mazur'));
  await w.page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  const file = await download(w.page, 'mazur.html');
  await w.page.close();
  const plain = await openFromDisk(file);
  assert.equal(await plain.page.getByTestId('preset-select').inputValue(), 'mazur');
  await plain.page.goto(`${pathToFileURL(file).href}#preset=xor`);
  await plain.page.reload();
  await plain.page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  assert.equal(await plain.page.getByTestId('preset-select').inputValue(), 'xor');
  assert.deepEqual(plain.problems, []);
  await plain.page.close();
});

test('from disk, dist/index.html says where to save from (its script cannot be read there)', async () => {
  const w = await watched();
  await w.page.goto(pathToFileURL(path.join(distDir, 'index.html')).href);
  await w.page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await w.page.getByRole('button', { name: 'Download for offline use' }).click();
  await w.page.getByText(/serve its folder over HTTP .* or use backprop-explorer-standalone\.html as it is/).waitFor();
  await w.page.close();
});
