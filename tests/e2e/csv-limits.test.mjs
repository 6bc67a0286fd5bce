// CSV upload in the training view: a cell that is not a decimal number, or a value the URL
// cannot store, is refused naming its line and column; a million rows give the engine's own
// answer, not "Maximum call stack size exceeded".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { distDir, openBrowser, serve } from './embed-support.mjs';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>train</title><link rel="icon" href="data:,">
<script defer src="backprop-explorer.js"></script></head>
<body><backprop-explorer mode="train"></backprop-explorer></body></html>`;

let server;
let b;
before(async () => {
  server = await serve(distDir, { pages: { '/train.html': PAGE } });
  b = await openBrowser();
  await b.page.goto(server.url('train.html'));
  await b.page.evaluate(() => document.querySelector('backprop-explorer').ready);
});
after(async () => {
  await b?.close();
  await server?.close();
});

async function upload(text) {
  const input = b.page.getByLabel('Upload CSV (x1,x2,label)');
  await input.setInputFiles({ name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await b.page.waitForTimeout(500);
  return b.page.evaluate(() => document.querySelector('backprop-explorer').shadowRoot.textContent);
}

test('a hexadecimal cell is refused with its line and column', async () => {
  const text = await upload('x1,x2,label\n1,2,0\n0x10,2,1\n');
  assert.match(text, /line 3, column 1: "0x10" is not a decimal number/);
});

test('a value beyond what the URL stores is refused, not clamped', async () => {
  const text = await upload('1,2,0\n0.5,0.5,1e308\n');
  assert.match(text, /line 2, column 3: 1e308 is outside \[-32\.767, 32\.767\]/);
});

test('a million rows: no stack overflow', async () => {
  const rows = Array.from({ length: 1000000 }, (_, i) => `${(i % 13) / 7},${(i % 11) / 5},${i % 2}`).join('\n');
  const text = await upload(rows);
  assert.doesNotMatch(text, /call stack/);
  assert.match(text, /that is the limit/); // the engine names its own limit
});
