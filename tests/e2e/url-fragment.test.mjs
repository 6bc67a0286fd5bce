// State in the URL fragment as well as the query (web/src/url-state.ts): the page and embed.html
// read `#...` like `?...` (a key in the fragment wins), write their state to the fragment (the
// query's keys move there), and an iframe that reloads comes back to the same state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { distDir, openBrowser, outside, serve } from './embed-support.mjs';

const HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>frame host</title><link rel="icon" href="data:,">
<script defer src="iframe-resize.js"></script></head><body>
  <iframe id="step" src="embed.html#preset=seed002&amp;id=step" title="Backprop Explorer" style="width: 1000px; border: 0"></iframe>
  <iframe id="train" src="embed.html?mode=train&amp;id=train&amp;t.data=circle" title="Backprop Explorer: train" style="width: 1000px; border: 0"></iframe>
</body></html>`;

let server;
let b;
before(async () => {
  server = await serve(distDir, { pages: { '/host.html': HOST } });
  b = await openBrowser({ viewport: { width: 1200, height: 900 }, isForeign: outside(server.origin) });
});
after(async () => {
  await b?.close();
  await server?.close();
});

const fragment = (href) => new URLSearchParams(new URL(href).hash.slice(1));

async function openPage(path) {
  await b.page.goto('about:blank');
  await b.page.goto(server.url(path));
  await b.page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
}

test('the full page reads its state from the fragment; the fragment wins over the query', async () => {
  await openPage('index.html#preset=mazur');
  assert.equal(await b.page.getByTestId('preset-select').inputValue(), 'mazur');
  await openPage('index.html?preset=xor&mode=train#preset=softmax3');
  assert.equal(await b.page.getByRole('tab', { name: 'Train' }).getAttribute('aria-selected'), 'true', 'mode from the query');
  await b.page.getByRole('tab', { name: 'Step through' }).click();
  assert.equal(await b.page.getByTestId('preset-select').inputValue(), 'softmax3', 'preset from the fragment');
  // Written back: everything in the fragment, nothing left in the query (a removed key stays removed).
  const url = new URL(b.page.url());
  assert.equal(url.search, '');
  assert.equal(fragment(url).get('preset'), 'softmax3');
  assert.equal(fragment(url).get('mode'), null, 'step mode is the default: no mode key');
  await b.page.reload();
  await b.page.waitForSelector('body[data-ready="true"]');
  assert.equal(await b.page.getByRole('tab', { name: 'Step through' }).getAttribute('aria-selected'), 'true');
  await b.assertClean();
});

test('the training view writes its settings to the fragment and reads them back', async () => {
  await openPage('index.html#mode=train&t.data=spiral&t.hidden=3');
  const view = b.page.locator('.bpx-train');
  await view.getByRole('button', { name: 'Play', exact: true }).waitFor();
  assert.equal(await view.getByLabel('Data set').inputValue(), 'spiral');
  await view.getByLabel('Learning rate').selectOption('0.3');
  assert.equal(fragment(b.page.url()).get('t.lr'), '0.3');
  assert.equal(fragment(b.page.url()).get('t.hidden'), '3');
  await b.page.reload();
  await view.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 20000 });
  assert.equal(await view.getByLabel('Learning rate').inputValue(), '0.3');
  assert.equal(await view.getByLabel('Data set').inputValue(), 'spiral');
  await b.assertClean();
});

test('"Skip to content" leaves the state in the fragment', async () => {
  await openPage('index.html#preset=xor');
  await b.page.keyboard.press('Tab');
  await b.page.keyboard.press('Enter');
  assert.equal(fragment(b.page.url()).get('preset'), 'xor');
  assert.equal(await b.page.evaluate(() => document.activeElement?.id), 'main');
});

test('iframes: change the state inside, reload the frame, the same state comes back', async () => {
  await b.page.goto('about:blank');
  await b.page.goto(server.url('host.html'));
  const frame = (id) => b.page.frameLocator(`#${id}`);
  const frameOf = async (id) => (await b.page.locator(`#${id}`).elementHandle()).contentFrame();
  for (const id of ['step', 'train']) await frame(id).locator('body[data-ready="true"]').waitFor({ timeout: 20000 });

  // Step mode: the example picker (a default control), read from the fragment at first.
  const picker = frame('step').getByTestId('preset-select');
  assert.equal(await picker.inputValue(), 'seed002');
  await picker.selectOption('xor');
  assert.equal(fragment((await frameOf('step')).url()).get('preset'), 'xor');
  await (await frameOf('step')).evaluate(() => location.reload());
  await frame('step').locator('body[data-ready="true"]').waitFor({ timeout: 20000 });
  assert.equal(await frame('step').getByTestId('preset-select').inputValue(), 'xor');
  assert.equal(fragment((await frameOf('step')).url()).get('id'), 'step', 'the frame keeps its id');

  // Train mode, opened from the query: a setting changed in the frame survives its reload.
  const train = frame('train').locator('.bpx-train');
  await train.getByRole('button', { name: 'Play', exact: true }).waitFor();
  await train.getByLabel('Learning rate').selectOption('0.1');
  await train.getByLabel('Data set').selectOption('xor');
  await (await frameOf('train')).evaluate(() => location.reload());
  await frame('train').locator('body[data-ready="true"]').waitFor({ timeout: 20000 });
  await train.getByRole('button', { name: 'Play', exact: true }).waitFor();
  assert.equal(await train.getByLabel('Learning rate').inputValue(), '0.1');
  assert.equal(await train.getByLabel('Data set').inputValue(), 'xor');
  assert.equal(new URL((await frameOf('train')).url()).search, '', 'the query moved into the fragment');
  // The host page's own URL is left alone.
  assert.equal(new URL(b.page.url()).hash, '');
  await b.shot('url-fragment-frames');
  await b.assertClean();
});
