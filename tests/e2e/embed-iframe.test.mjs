// dist/embed.html in an iframe: options from the URL, "ready", one full step of seed 002 with the
// numbers computed by hand, its height posted to the parent ({source, type: 'resize', id, height})
// and applied by iframe-resize.js, the element's events forwarded, a fixed height honoured;
// the console stays clean and no request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { close, distDir, fullStepSeed002, openBrowser, outside, seed002, serve } from './embed-support.mjs';

const HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>iframe host</title><link rel="icon" href="data:,">
<script>
  window.__messages = [];
  addEventListener('message', (e) => window.__messages.push(e.data));
</script>
<script defer src="iframe-resize.js"></script>
</head><body style="margin: 0; font: 40px serif">
  <p>A course page with two frames.</p>
  <iframe id="f1" src="embed.html?preset=seed002&amp;controls=playback,phases,summary,math,numbers&amp;id=f1" title="Backprop Explorer" style="width: 900px; height: 150px; border: 0"></iframe>
  <iframe id="f2" src="embed.html?preset=xor&amp;height=400&amp;theme=dark&amp;id=f2" title="Backprop Explorer, XOR" style="width: 700px; height: 150px; border: 0"></iframe>
</body></html>`;

let server;
let b;
before(async () => {
  server = await serve(distDir, { pages: { '/host.html': HOST } });
  b = await openBrowser({ isForeign: outside(server.origin) });
  await b.page.goto(server.url('host.html'));
  for (const id of ['f1', 'f2']) {
    await b.page.frameLocator(`#${id}`).locator('body[data-ready="true"]').waitFor({ timeout: 20000 });
  }
});
after(async () => {
  await b?.close();
  await server?.close();
});

const messages = () => b.page.evaluate(() => window.__messages);

test('the frame posts ready and its height; iframe-resize.js fits the iframe to it', async () => {
  const page = b.page;
  await page.waitForFunction(() => {
    const f = document.getElementById('f1');
    const last = window.__messages.filter((m) => m.id === 'f1' && m.type === 'resize').pop();
    return last && Math.abs(f.getBoundingClientRect().height - last.height) < 1;
  }, null, { timeout: 10000 });
  const ms = await messages();
  assert.ok(ms.every((m) => m.source === 'backprop-explorer'), 'every message names its source');
  assert.ok(ms.some((m) => m.id === 'f1' && m.type === 'ready' && m.detail.mode === 'step'));
  const resize = ms.filter((m) => m.id === 'f1' && m.type === 'resize').pop();
  assert.ok(resize.height > 400 && resize.height < 3000, `a plausible height: ${resize.height}`);
  const inner = await page.frame({ url: /id=f1/ }).evaluate(() => ({
    scroll: document.documentElement.scrollHeight - document.documentElement.clientHeight,
    font: getComputedStyle(document.querySelector('backprop-explorer').shadowRoot.querySelector('.bpx-root')).fontSize,
  }));
  assert.ok(inner.scroll <= 1, `no scrollbar inside the fitted frame (${inner.scroll})`);
  assert.equal(inner.font, '16px');
  await b.assertClean();
});

test('one full step inside the frame, with its events posted to the parent', async () => {
  const frame = b.page.frameLocator('#f1');
  const el = frame.locator('backprop-explorer');
  await fullStepSeed002(el, el.locator('.explorer'));
  const ms = (await messages()).filter((m) => m.id === 'f1');
  assert.deepEqual(ms.filter((m) => m.type === 'phase').map((m) => m.detail.phase), ['forward 1', 'forward 2', 'loss', 'backward 2', 'backward 1', 'update']);
  const steps = ms.filter((m) => m.type === 'step');
  assert.equal(steps.length, 1);
  close(steps[0].detail.loss, seed002.loss, 1e-12, 'loss posted with the step');
  // The frame grew (the numbers panel fills in): the iframe followed.
  await b.page.waitForFunction(() => {
    const last = window.__messages.filter((m) => m.id === 'f1' && m.type === 'resize').pop();
    return Math.abs(document.getElementById('f1').getBoundingClientRect().height - last.height) < 1;
  });
  await b.shot('embed-iframe-host', { fullPage: true });
  await b.assertClean();
});

test('height=400 gives a 400px frame that scrolls inside; theme=dark', async () => {
  const page = b.page;
  await page.waitForFunction(() => Math.abs(document.getElementById('f2').getBoundingClientRect().height - 400) < 1, null, { timeout: 10000 });
  const inner = await page.frame({ url: /id=f2/ }).evaluate(() => {
    const root = document.querySelector('backprop-explorer').shadowRoot.querySelector('.bpx-root');
    return { h: root.getBoundingClientRect().height, scroll: root.scrollHeight > root.clientHeight, theme: root.dataset.theme, bg: getComputedStyle(root).backgroundColor };
  });
  assert.equal(inner.h, 400);
  assert.ok(inner.scroll, 'the content scrolls inside the element');
  assert.equal(inner.theme, 'dark');
  assert.equal(inner.bg, 'rgb(21, 23, 27)');
  await b.page.locator('#f2').screenshot({ path: 'test-results/embed-iframe-dark.png' });
  await b.assertClean();
});
