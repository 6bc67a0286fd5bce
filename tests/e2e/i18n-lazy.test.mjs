// The German catalogue is a chunk of its own (backprop-explorer-de.js beside the script):
// English pages never request it; a German page or element requests it before its first view
// and speaks German at once; when the file cannot be loaded, the view still comes, in English,
// and says why in its status line (no page error, no blank view).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './browser.mjs';

const CHUNK = /\/backprop-explorer-de\.js$/;
let app;
const requested = [];
before(async () => {
  app = await openApp({ viewport: { width: 1440, height: 900 } });
  app.page.on('request', (r) => requested.push(r.url()));
});
after(async () => {
  await app?.close();
});

test('an English page does not request the German texts; a German page does, and speaks German', async () => {
  requested.length = 0;
  await app.load('?lang=en');
  await app.page.getByRole('button', { name: 'Next phase', exact: true }).first().waitFor();
  await app.page.getByRole('tab', { name: 'Train', exact: true }).click();
  await app.page.locator('.bpx-train').waitFor();
  assert.deepEqual(requested.filter((u) => CHUNK.test(u)), [], 'no request for the German chunk');

  requested.length = 0;
  await app.load('?lang=de');
  assert.equal(requested.filter((u) => CHUNK.test(u)).length, 1, 'the German chunk, once');
  await app.page.getByRole('button', { name: 'Nächste Phase', exact: true }).first().waitFor();
  assert.equal(await app.page.getByRole('button', { name: 'Next phase', exact: true }).count(), 0);
  assert.equal(await app.page.locator('#app-status').isVisible(), false, 'nothing to say');
  app.assertClean();
});

test('a German element on a page of English elements loads the chunk and speaks German from its first view', async () => {
  requested.length = 0;
  await app.page.goto(app.url('embed.html?lang=de'));
  const el = app.page.locator('backprop-explorer');
  await app.page.waitForFunction(() => document.querySelector('backprop-explorer')?.readyState === 'ready', null, { timeout: 20000 });
  assert.equal(requested.filter((u) => CHUNK.test(u)).length, 1);
  await el.getByRole('button', { name: 'Nächste Phase', exact: true }).waitFor();
  // Switched to English and back: the catalogue is loaded already, no second request.
  await el.evaluate((e) => e.setAttribute('lang', 'en'));
  await el.getByRole('button', { name: 'Next phase', exact: true }).waitFor();
  await el.evaluate((e) => e.setAttribute('lang', 'de'));
  await el.getByRole('button', { name: 'Nächste Phase', exact: true }).waitFor();
  assert.equal(requested.filter((u) => CHUNK.test(u)).length, 1, 'still one request');
  app.assertClean();
});

test('without the German file the views come in English and say why', async () => {
  await app.page.route(CHUNK, (route) => route.abort());
  const errors = [];
  const onError = (e) => errors.push(e.message);
  app.page.on('pageerror', onError);
  try {
    await app.load('?lang=de');
    await app.page.getByRole('button', { name: 'Next phase', exact: true }).first().waitFor();
    const status = app.page.locator('#app-status');
    assert.ok(await status.isVisible(), 'the page says so');
    assert.match(await status.textContent(), /The texts in German could not be loaded .*showing English/);

    await app.page.goto(app.url('embed.html?lang=de'));
    await app.page.waitForFunction(() => document.querySelector('backprop-explorer')?.readyState === 'ready', null, { timeout: 20000 });
    const el = app.page.locator('backprop-explorer');
    await el.getByRole('button', { name: 'Next phase', exact: true }).waitFor();
    assert.match(await el.getByRole('status').first().textContent(), /The texts in German could not be loaded/);
    assert.equal(await el.evaluate((e) => e.shadowRoot.querySelector('.bpx-root').lang), 'en', 'marked as English');
    assert.deepEqual(errors, [], 'no page error');
  } finally {
    app.page.off('pageerror', onError);
    await app.page.unroute(CHUNK);
  }
});
