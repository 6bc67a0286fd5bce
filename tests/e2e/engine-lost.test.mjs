// A lost engine in a page of elements: the shared module is damaged (as in
// tests/wasm/engine-lost.test.mjs) and its memory filled, then one element's new network fails
// to allocate. The wrapper's health probe marks the engine lost, Engine.onLost tells every
// element, and each loads again with one fresh shared engine: a working diagram or training view
// again, the step-through position kept, a status that says so in the element's language, and
// the hand-derived seed 002 numbers when stepping on. The raw module comes from the documented
// test hook window.__bpxTestModules (web/src/engine.ts), damaged by tests/e2e/engine-damage.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { distDir, openBrowser, outside, seed002, serve, close } from './embed-support.mjs';
import { catalogue } from './i18n-support.mjs';
import { largestSpec } from './largest-network.mjs';
import { installEngineDamage } from './engine-damage.mjs';

const HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lost engine</title><link rel="icon" href="data:,"></head>
<body>
<backprop-explorer id="a" preset="seed002"></backprop-explorer>
<backprop-explorer id="b" preset="xor" mode="train"></backprop-explorer>
<backprop-explorer id="c" preset="seed002" lang="de"></backprop-explorer>
<backprop-explorer id="d" preset="seed002"></backprop-explorer>
<script src="backprop-explorer.js"></script></body></html>`;

const IDS = ['a', 'b', 'c', 'd'];
let server;
let b;
before(async () => {
  server = await serve(distDir, { pages: { '/lost.html': HOST } });
  b = await openBrowser({ isForeign: outside(server.origin), viewport: { width: 1000, height: 900 } });
  await installEngineDamage(b.page);
  await b.page.goto(server.url('lost.html'));
  await b.page.waitForFunction(() => customElements.get('backprop-explorer') !== undefined);
});
after(async () => {
  await b?.close();
  await server?.close();
});

test('every element loads again with a fresh engine after the shared one is lost', async () => {
  const page = b.page;
  const lost = await page.evaluate(async ({ ids, big }) => {
    const els = ids.map((id) => document.getElementById(id));
    await Promise.all(els.map((el) => el.ready));
    const a = els[0];
    for (let k = 0; k < 3; k++) a.nextPhase(); // forward 1, forward 2, loss
    const engine = a.engine;
    const shared = els.every((el) => el.engine === engine);
    const modules = window.__bpxTestModules;
    // The module damaged and its memory filled (engine-damage.mjs), then element d asks for the largest network the engine allows.
    const damaged = window.__bpxDamageEngine();
    const d = els[3];
    const failed = new Promise((resolve) => d.addEventListener('error', (e) => resolve(e.detail), { once: true }));
    d.setAttribute('spec', JSON.stringify(big));
    const error = await failed;
    modules.length = 0; // the test lets go of the damaged module too
    const lostNow = engine.lost;
    // Every element hears of the loss and loads again: wait for all of them to be ready.
    await new Promise((r) => setTimeout(r, 0));
    await Promise.all(els.map((el) => el.ready));
    const fresh = a.engine;
    return {
      shared,
      damaged,
      error,
      lostNow,
      freshShared: els.every((el) => el.engine === fresh),
      freshWorks: fresh !== engine && !fresh.lost,
      states: els.map((el) => el.readyState),
      status: els.map((el) => el.shadowRoot.querySelector('.bpx-embed-status').textContent),
      cursor: a.session.state().cursor,
      dLayers: d.session.state().layers.length,
      views: els.map((el) => !!el.shadowRoot.querySelector(el.mode === 'train' ? '.bpx-train' : '.diagram svg')),
    };
  }, { ids: IDS, big: largestSpec() });
  assert.equal(lost.shared, true, 'one engine for the page');
  assert.ok(lost.damaged >= 1, 'the key is in the module\'s memory');
  assert.match(`${lost.error.code} ${lost.error.message}`, /OUT_OF_MEMORY|memory/i, 'd: the allocation failed, as its error says');
  assert.equal(lost.lostNow, true, 'the probe found the damage');
  assert.equal(lost.freshShared, true, 'the elements share the fresh engine');
  assert.equal(lost.freshWorks, true, 'a fresh engine, not the lost one');
  assert.deepEqual(lost.states, ['ready', 'ready', 'ready', 'ready']);
  assert.deepEqual(lost.views, [true, true, true, true], 'a diagram or a training view in every element');
  assert.equal(lost.cursor, 3, 'a: back at the phase it showed');
  assert.equal(lost.dLayers, 9, 'd: the network of its new attribute, on the fresh engine');
  const en = catalogue('en');
  const de = catalogue('de');
  assert.deepEqual(lost.status, [
    en['embed.reloadedAt'].replace('{phases}', '3'),
    en['embed.reloaded'],
    de['embed.reloaded'],
    en['embed.reloaded'],
  ]);

  // Element a goes on from the loss phase: the numbers of seed 002 by hand.
  const a = page.locator('#a');
  const value = async (testid) => Number(await a.getByTestId(testid).first().getAttribute('data-value'));
  close(await value('loss'), seed002.loss, 1e-12, 'loss, run again');
  const next = a.getByRole('button', { name: 'Next phase', exact: true });
  for (const phase of ['backward 2', 'backward 1', 'update']) {
    await next.click();
    await page.waitForFunction(([p]) => document.getElementById('a').shadowRoot.querySelector('.explorer').dataset.phase === p, [phase]);
  }
  close(await value('m-W-2-0-0'), seed002.W2new[0], 1e-12, 'W[2]₁ after the update');
  close(await value('m-W-2-0-1'), seed002.W2new[1], 1e-12, 'W[2]₂ after the update');
  close(await value('m-b-2-0-0'), seed002.b2new, 1e-12, 'b[2] after the update');
  assert.equal((await a.getByTestId('step-count').first().textContent()).trim(), '1');
  await b.assertClean();
});
