// dist/ opened from disk (file://, no server): the full page, embed.html and the gallery load,
// reach "ready", and the full page and embed.html run one full step of seed 002 with the numbers
// computed by hand; the console stays clean and every request stays inside dist/ (or is data:).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { distDir, fullStepSeed002, openBrowser } from './embed-support.mjs';

const fileUrl = (p) => pathToFileURL(path.join(distDir, p)).href;
const distPrefix = pathToFileURL(distDir).href + '/';
let b;
before(async () => {
  b = await openBrowser({ isForeign: (u) => !u.startsWith(distPrefix) && !/^(data|blob|about):/.test(u) });
});
after(async () => {
  await b?.close();
});

test('file:// dist/index.html: ready, and one full step with the exact numbers', async () => {
  await b.page.goto(fileUrl('index.html'));
  await b.page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  const view = b.page.locator('#view-step');
  await fullStepSeed002(view, view);
  await b.shot('embed-file-index');
  // The training view too (built lazily in the page, same bundle).
  await b.page.getByRole('tab', { name: 'Train' }).click();
  await b.page.locator('.bpx-train').getByRole('button', { name: 'Step', exact: true }).click();
  await b.page.waitForFunction(() => document.querySelector('.bpx-train')?.textContent.includes('steps'));
  await b.assertClean();
  assert.ok(b.requests.every((u) => u.startsWith(distPrefix) || u.startsWith('data:')), b.requests.join('\n'));
});

test('file:// dist/embed.html?preset=seed002: ready, one full step', async () => {
  await b.page.goto(`${fileUrl('embed.html')}?preset=seed002&controls=all`);
  await b.page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  const el = b.page.locator('backprop-explorer');
  await fullStepSeed002(el, el.locator('.explorer'));
  await b.shot('embed-file-embed');
  await b.assertClean();
});

test('file:// dist/gallery.html: every example ready, the iframe too', async () => {
  await b.page.goto(fileUrl('gallery.html'));
  await b.page.waitForFunction(() => [...document.querySelectorAll('backprop-explorer')].every((e) => e.readyState === 'ready'), null, { timeout: 20000 });
  const frame = b.page.frameLocator('iframe.g-frame');
  await frame.locator('body[data-ready="true"]').waitFor({ timeout: 20000 });
  await b.page.waitForFunction(() => document.querySelector('iframe.g-frame').getBoundingClientRect().height > 300);
  await b.shot('embed-file-gallery');
  await b.assertClean();
  assert.ok(b.requests.every((u) => u.startsWith(distPrefix) || u.startsWith('data:')), b.requests.join('\n'));
});
