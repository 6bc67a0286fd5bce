// Recipe: embed.html in an iframe with sandbox="allow-scripts" only (docs/embedding.md). The frame
// has an opaque origin: no localStorage, no same-origin fetch. The explorer still runs one full
// step of seed 002 with the numbers by hand, its resize message still reaches the parent (and
// iframe-resize.js fits the iframe), and the training view trains.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { distDir, fullStepSeed002, openBrowser, outside, repoRoot, serve } from './embed-support.mjs';

// The snippet of docs/embedding.md, "A sandboxed iframe", as the host page holds it.
const SNIPPET = `<script defer src="iframe-resize.js"></script>
<iframe sandbox="allow-scripts" src="embed.html?preset=seed002&controls=playback,phases,summary,math,numbers"
        title="Backprop Explorer" style="width: 100%; border: 0"></iframe>`;

const HOST = (snippet) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sandbox host</title><link rel="icon" href="data:,">
<script>
  window.__messages = [];
  addEventListener('message', (e) => window.__messages.push({ origin: e.origin, data: e.data }));
</script>
</head><body style="margin: 0 1rem">
<h1>A course page</h1>
${snippet}
</body></html>`;

let server;
let b;
before(async () => {
  const train = SNIPPET.replace('preset=seed002&controls=playback,phases,summary,math,numbers', 'mode=train&t.data=xor');
  server = await serve(distDir, { pages: { '/host.html': HOST(SNIPPET), '/host-train.html': HOST(train) } });
  b = await openBrowser({ viewport: { width: 1100, height: 900 }, isForeign: outside(server.origin) });
});
after(async () => {
  await b?.close();
  await server?.close();
});

test('docs/embedding.md shows the snippet as the host page holds it', () => {
  assert.ok(readFileSync(path.join(repoRoot, 'docs/embedding.md'), 'utf8').includes(SNIPPET));
});

test('sandbox="allow-scripts": opaque origin, one full step by hand, resize reaches the parent', async () => {
  const page = b.page;
  await page.goto(server.url('host.html'));
  const frame = page.frameLocator('iframe');
  await frame.locator('body[data-ready="true"]').waitFor({ timeout: 30000 });
  const inner = await (await page.locator('iframe').elementHandle()).contentFrame();
  const facts = await inner.evaluate(async () => {
    let storage = 'available';
    try {
      localStorage.getItem('x');
    } catch (e) {
      storage = e.name;
    }
    let fetched = 'fetched';
    try {
      await fetch('embed.html');
    } catch (e) {
      fetched = e.name;
    }
    return { origin: self.origin, storage, fetched };
  });
  assert.deepEqual(facts, { origin: 'null', storage: 'SecurityError', fetched: 'TypeError' }, 'an opaque origin without storage or same-origin fetch');
  b.problems.length = 0; // the probe's own refused fetch is logged; the explorer's run must log nothing
  const el = frame.locator('backprop-explorer');
  await fullStepSeed002(el, el.locator('.explorer'));
  // The frame's height reached the parent and iframe-resize.js applied it.
  await page.waitForFunction(() => {
    const last = window.__messages.filter((m) => m.data?.type === 'resize').pop();
    return last && Math.abs(document.querySelector('iframe').getBoundingClientRect().height - last.data.height) < 1 && last.data.height > 400;
  }, null, { timeout: 10000 });
  const messages = await page.evaluate(() => window.__messages);
  assert.ok(messages.every((m) => m.origin === 'null' && m.data.source === 'backprop-explorer'));
  assert.ok(messages.some((m) => m.data.type === 'ready'));
  assert.ok(messages.some((m) => m.data.type === 'phase' && m.data.detail.phase === 'update'));
  await b.shot('recipe-sandbox-step');
  await b.assertClean();
});

test('sandbox="allow-scripts": the training view trains', async () => {
  const page = b.page;
  await page.goto(server.url('host-train.html'));
  const view = page.frameLocator('iframe').locator('.bpx-train');
  await view.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 30000 });
  assert.equal(await view.getByLabel('Data set').inputValue(), 'xor');
  await view.getByRole('button', { name: 'Epoch', exact: true }).click();
  await page.waitForFunction(() => window.__messages.some((m) => m.data?.type === 'step' && m.data.detail.epoch >= 1), null, { timeout: 20000 });
  // The state goes into the frame's own fragment there too, and comes back after a reload.
  await view.getByLabel('Learning rate').selectOption('0.1');
  const inner = await (await page.locator('iframe').elementHandle()).contentFrame();
  assert.equal(new URLSearchParams(new URL(inner.url()).hash.slice(1)).get('t.lr'), '0.1');
  await inner.evaluate(() => location.reload());
  await page.frameLocator('iframe').locator('body[data-ready="true"]').waitFor({ timeout: 30000 });
  await view.getByRole('button', { name: 'Play', exact: true }).waitFor();
  assert.equal(await view.getByLabel('Learning rate').inputValue(), '0.1');
  await b.shot('recipe-sandbox-train');
  await b.assertClean();
});

