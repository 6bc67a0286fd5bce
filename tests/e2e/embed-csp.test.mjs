// Strict pages: dist/ served with
//   Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// by the test's own server. The full page (step through, inspector with its KaTeX chain, the
// training view), a page with two elements and no inline code, embed.html and the gallery run
// with no CSP violation (console and securitypolicyviolation events), reach "ready", run one full
// step of seed 002 with the numbers computed by hand, and no request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { STRICT_CSP, distDir, fullStepSeed002, openBrowser, outside, serve } from './embed-support.mjs';

const ELEMENTS = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Strict host</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="gallery.css">
<script defer src="backprop-explorer.js"></script></head>
<body>
  <backprop-explorer id="a" preset="seed002" controls="all"></backprop-explorer>
  <backprop-explorer id="b" mode="train" t.data="circle" t.hidden="3" height="700"></backprop-explorer>
</body></html>`;

let server;
let b;
before(async () => {
  server = await serve(distDir, { headers: { 'Content-Security-Policy': STRICT_CSP }, pages: { '/elements.html': ELEMENTS } });
  b = await openBrowser({ isForeign: outside(server.origin) });
});
after(async () => {
  await b?.close();
  await server?.close();
});

test('the header is really there, and really strict', async () => {
  const r = await fetch(server.url('index.html'));
  assert.equal(r.headers.get('content-security-policy'), STRICT_CSP);
  // A probe: an inline script in a page of this server must be refused.
  const probe = await serve(distDir, { headers: { 'Content-Security-Policy': STRICT_CSP }, pages: { '/probe.html': '<!doctype html><title>p</title><script>window.ran = true</script><p style="color: red">x</p>' } });
  const p = await b.context.newPage();
  const refused = [];
  p.on('console', (m) => refused.push(m.text()));
  await p.goto(probe.url('probe.html'));
  assert.equal(await p.evaluate(() => window.ran ?? false), false, 'inline script blocked');
  assert.equal(await p.evaluate(() => getComputedStyle(document.querySelector('p')).color), 'rgb(0, 0, 0)', 'inline style blocked');
  assert.ok(refused.some((t) => /Content Security Policy/.test(t)), 'and reported on the console');
  assert.ok((await p.evaluate(() => window.__cspViolations.length)) >= 2, 'and as securitypolicyviolation events');
  await p.close();
  await probe.close();
});

test('the full page under the strict CSP: a full step, the inspector, the training view', async () => {
  const page = b.page;
  await page.goto(server.url('index.html'));
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  const view = page.locator('#view-step');
  await fullStepSeed002(view, view);
  // KaTeX laid out: its inline styles (heights, offsets of super- and subscripts) went
  // through the CSSOM, so they are there although style attributes are refused.
  const katex = await page.evaluate(() => {
    const styled = [...document.querySelectorAll('.math .katex-html [style]')];
    const vlist = document.querySelector('.math .katex-html .vlist');
    return { styled: styled.length, vlist: vlist?.style.height ?? '', left: document.querySelectorAll('[data-katex-style]').length };
  });
  assert.ok(katex.styled > 20, `KaTeX elements keep their styles (${katex.styled})`);
  assert.match(katex.vlist, /em$/);
  assert.equal(katex.left, 0, 'no style left behind in data attributes');
  await b.shot('embed-csp-index');
  await page.keyboard.press('i');
  await page.getByTestId('inspector').waitFor();
  assert.ok(await page.evaluate(() => document.querySelector('.chain .katex-html [style]') !== null), 'the chain’s KaTeX has its styles');
  await b.shot('embed-csp-inspector');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Train' }).click();
  const train = page.locator('.bpx-train');
  await train.getByRole('button', { name: 'Epoch', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('.bpx-t-metric')?.textContent !== '–');
  await b.shot('embed-csp-train');
  await b.assertClean();
});

test('two elements and no inline code: a full step in one, the other trains', async () => {
  const page = b.page;
  await page.goto(server.url('elements.html'));
  await page.waitForFunction(() => ['a', 'b'].every((id) => document.getElementById(id).readyState === 'ready'), null, { timeout: 20000 });
  const a = page.locator('backprop-explorer#a');
  await fullStepSeed002(a, a.locator('.explorer'));
  const stepEvents = await page.evaluate(() => new Promise((resolve) => {
    const el = document.getElementById('b');
    const seen = [];
    el.addEventListener('step', (e) => seen.push(e.detail.step));
    el.shadowRoot.querySelector('.bpx-train').querySelectorAll('button').forEach((btn) => {
      if (btn.textContent.trim() === 'Epoch') btn.click();
    });
    setTimeout(() => resolve(seen), 200);
  }));
  assert.ok(stepEvents.length >= 1 && stepEvents[stepEvents.length - 1] > 0, `the training element reported steps: ${stepEvents}`);
  await b.shot('embed-csp-elements', { fullPage: true });
  await b.assertClean();
});

test('stricter still: default-src \'self\' (fonts, wasm and styles need no data: or inline)', async () => {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>default-src</title>
<script defer src="backprop-explorer.js"></script></head>
<body><backprop-explorer preset="seed002"></backprop-explorer></body></html>`;
  const strictest = await serve(distDir, {
    headers: { 'Content-Security-Policy': `default-src 'self'; ${STRICT_CSP}` },
    pages: { '/strictest.html': page },
  });
  const c = await openBrowser({ isForeign: outside(strictest.origin) });
  try {
    await c.page.goto(strictest.url('strictest.html'));
    await c.page.waitForFunction(() => document.querySelector('backprop-explorer').readyState === 'ready', null, { timeout: 20000 });
    const el = c.page.locator('backprop-explorer');
    await fullStepSeed002(el, el.locator('.explorer'));
    const main = await c.page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].find((f) => f.family === 'KaTeX_Main')?.status;
    });
    assert.equal(main, 'loaded', 'KaTeX_Main loaded without font-src data:');
    await c.assertClean();
  } finally {
    await c.close();
    await strictest.close();
  }
});

test('embed.html and the gallery under the strict CSP', async () => {
  const page = b.page;
  await page.goto(server.url('embed.html?preset=seed002'));
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  const el = page.locator('backprop-explorer');
  await fullStepSeed002(el, el.locator('.explorer'));
  await page.goto(server.url('gallery.html'));
  await page.waitForFunction(() => [...document.querySelectorAll('backprop-explorer')].every((e) => e.readyState === 'ready'), null, { timeout: 20000 });
  await page.frameLocator('iframe.g-frame').locator('body[data-ready="true"]').waitFor({ timeout: 20000 });
  await b.shot('embed-csp-gallery', { fullPage: true });
  await b.assertClean();
});
