// KaTeX (its code, styles and faces) is a chunk of its own (backprop-explorer-math.js beside the
// script): the step-through page and a step-through element request it once, before their first
// equations; a training or circuit element does not, until its inspector is opened; when the
// file cannot be loaded, the view still comes, its equations as TeX text, and says why (no page
// error, no blank panel).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './browser.mjs';

const CHUNK = /\/backprop-explorer-math\.js$/;
let app;
const requested = [];
const mathRequests = () => requested.filter((u) => CHUNK.test(u)).length;
before(async () => {
  app = await openApp({ viewport: { width: 1440, height: 900 } });
  app.page.on('request', (r) => requested.push(r.url()));
});
after(async () => {
  await app?.close();
});

const elementReady = () =>
  app.page.waitForFunction(() => document.querySelector('backprop-explorer')?.readyState === 'ready', null, { timeout: 20000 });

test('the step-through page requests the equations once and typesets them with KaTeX faces', async () => {
  requested.length = 0;
  await app.load('');
  await app.page.getByRole('button', { name: 'Next phase', exact: true }).first().waitFor();
  assert.equal(mathRequests(), 1, 'the math chunk, once');
  const math = app.page.locator('#view-step .math');
  await math.locator('.katex').first().waitFor();
  assert.equal(await math.locator('.tex-source').count(), 0, 'no TeX left as text');
  // KaTeX's rules are in force (its .katex-html spans are laid out, its MathML hidden).
  const looks = await app.page.evaluate(async () => {
    await document.fonts.ready;
    const mathml = document.querySelector('#view-step .math .katex-mathml');
    return {
      mathmlClipped: getComputedStyle(mathml).position === 'absolute',
      mainFace: document.fonts.check('16px KaTeX_Main'),
    };
  });
  assert.deepEqual(looks, { mathmlClipped: true, mainFace: true });
  await app.page.getByRole('button', { name: 'Next phase', exact: true }).first().click();
  await app.page.getByRole('tab', { name: 'Train', exact: true }).click();
  await app.page.locator('.bpx-train').waitFor();
  assert.equal(mathRequests(), 1, 'still one request');
  app.assertClean();
});

test('a training element loads the equations only when its inspector opens', async () => {
  requested.length = 0;
  await app.page.goto(app.url('embed.html?mode=train'));
  await elementReady();
  const el = app.page.locator('backprop-explorer');
  await el.locator('.bpx-train').waitFor();
  assert.equal(mathRequests(), 0, 'no request for the math chunk');
  await el.getByRole('button', { name: /Neuron 1 of layer 1/ }).click();
  const dialog = el.getByTestId('inspector');
  await dialog.waitFor({ state: 'visible' });
  assert.equal(mathRequests(), 1, 'requested by the inspector');
  await dialog.locator('.chain .katex').first().waitFor();
  assert.equal(await dialog.locator('.tex-source').count(), 0);
  await app.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  requested.length = 0;
  await app.page.goto(app.url('embed.html?mode=circuit'));
  await elementReady();
  assert.equal(mathRequests(), 0, 'the circuit view needs no KaTeX');
  app.assertClean();
});

test('without the equations file the views show the TeX and say why', async () => {
  await app.page.route(CHUNK, (route) => route.abort());
  const errors = [];
  const onError = (e) => errors.push(e.message);
  app.page.on('pageerror', onError);
  try {
    await app.load('');
    const next = app.page.getByRole('button', { name: 'Next phase', exact: true }).first();
    await next.waitFor();
    const status = app.page.locator('#app-status');
    assert.ok(await status.isVisible(), 'the page says so');
    assert.match(await status.textContent(), /equations are shown as TeX: their file backprop-explorer-math\.js did not load/);
    const source = app.page.locator('#view-step .math .tex-source').first();
    await source.waitFor();
    assert.match(await app.page.locator('#view-step .math .tex-missing').textContent(), /equations are shown as TeX/, 'said in the panel too');
    assert.match(await source.textContent(), /Z\^\{\[l\]\} = W\^\{\[l\]\} A\^\{\[l-1\]\} \+ b\^\{\[l\]\}/);
    // The view still steps: the first forward phase's equations, as TeX.
    await next.click();
    await app.page.locator('#view-step .math').getByText(/Z\^\{\[1\]\}/).first().waitFor();
    assert.equal(await app.page.locator('#view-step .math .katex').count(), 0);
    await app.screenshot('math-fallback-1440');

    await app.page.setViewportSize({ width: 390, height: 844 });
    await app.page.goto(app.url('embed.html?lang=de&theme=dark'));
    await elementReady();
    const el = app.page.locator('backprop-explorer');
    await el.getByRole('button', { name: 'Nächste Phase', exact: true }).waitFor();
    assert.match(await el.getByRole('status').first().textContent(), /Die Gleichungen stehen als TeX da/);
    assert.ok(await el.locator('.math .tex-source').count() > 0, 'the TeX as text');
    await el.getByRole('tab', { name: 'Formeln' }).click();
    await el.locator('.math .tex-source').first().waitFor();
    await app.screenshot('math-fallback-de-390-dark');
    assert.deepEqual(errors, [], 'no page error');
  } finally {
    app.page.off('pageerror', onError);
    await app.page.unroute(CHUNK);
  }
  // The file back: a new page load typesets again.
  await app.page.setViewportSize({ width: 1440, height: 900 });
  requested.length = 0;
  await app.load('');
  await app.page.locator('#view-step .math .katex').first().waitFor();
  assert.equal(mathRequests(), 1);
});
