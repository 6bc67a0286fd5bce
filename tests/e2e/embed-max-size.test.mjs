// Four of the largest networks the engine allows (its catalogue's limits: the most layers, the
// most units each, every example of the largest data set in one batch) on one page, each stepped
// through 300 phases with the element's JS API: the page does not crash, an element that runs out
// of memory says so in the catalogue's words (never a bare number or an abort), and afterwards a
// seed 002 element gives the hand-derived numbers. The phases run on each element's session
// (el.session.nextPhase(): a few milliseconds each); the view, which takes about a second to
// show a phase of a network this size, shows the last ones (el.nextPhase()).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { distDir, fullStepSeed002, openBrowser, outside, serve } from './embed-support.mjs';
import { catalogue } from './i18n-support.mjs';
import { LIMITS, largestSpec } from './largest-network.mjs';

const HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Largest networks</title><link rel="icon" href="data:,"></head>
<body><main id="slot"><backprop-explorer id="seed" preset="seed002"></backprop-explorer></main>
<script src="backprop-explorer.js"></script></body></html>`;

const ELEMENTS = 4;
const PHASES = 300;
const VIEW_PHASES = 2; // of the PHASES, the last ones run through the view

let server;
let b;
before(async () => {
  server = await serve(distDir, { pages: { '/max.html': HOST } });
  b = await openBrowser({ isForeign: outside(server.origin), viewport: { width: 1000, height: 900 } });
  await b.page.goto(server.url('max.html'));
  await b.page.waitForFunction(() => customElements.get('backprop-explorer') !== undefined);
});
after(async () => {
  await b?.close();
  await server?.close();
});

test(`${ELEMENTS} largest networks stepped ${PHASES} phases each, then seed 002 by hand`, async () => {
  const page = b.page;
  const run = await page.evaluate(async ({ count, phases, viewPhases, spec }) => {
    const seed = document.getElementById('seed');
    await seed.ready;
    const els = [];
    for (let k = 0; k < count; k++) {
      const el = document.createElement('backprop-explorer');
      el.id = `big${k}`;
      el.setAttribute('spec', JSON.stringify(spec));
      document.getElementById('slot').append(el);
      els.push(el);
    }
    const loaded = await Promise.allSettled(els.map((el) => el.ready));
    const out = els.map((el, k) => ({ state: loaded[k].status, layers: 0, ran: 0, thrown: null, said: '', status: '' }));
    // Round robin, a phase per element at a time: the four sessions grow their histories together.
    for (let p = 0; p < phases; p++) {
      els.forEach((el, k) => {
        if (el.readyState !== 'ready' || out[k].thrown) return;
        try {
          if (p < phases - viewPhases) el.session.nextPhase();
          else el.nextPhase();
          out[k].ran++;
        } catch (e) {
          out[k].thrown = `${e.name}: ${e.message}`;
        }
      });
      if (p % 25 === 0) await new Promise((r) => setTimeout(r, 0)); // let the page breathe
    }
    els.forEach((el, k) => {
      out[k].layers = el.session?.state().layers.length ?? 0;
      out[k].step = el.session?.state().step ?? null;
      out[k].perStep = el.session?.state().phases.length ?? null;
      out[k].said = el.shadowRoot.querySelector('[aria-live]').textContent;
      out[k].status = el.shadowRoot.querySelector('.bpx-embed-status').textContent;
      out[k].shown = el.shadowRoot.querySelector('.explorer')?.dataset.phase ?? null;
      out[k].last = el.session?.state().lastPhase?.label.toLowerCase() ?? null;
    });
    return { out, heap: seed.engine.heapBytes() };
  }, { count: ELEMENTS, phases: PHASES, viewPhases: VIEW_PHASES, spec: largestSpec('tanh', { init: { scheme: 'xavier', seed: 1 } }) });

  const en = catalogue('en');
  for (const [k, e] of run.out.entries()) {
    const what = `element ${k}: ${JSON.stringify(e)}`;
    if (e.state !== 'fulfilled') {
      assert.match(e.status, new RegExp(`^${en['embed.failed']}.*${en['error.outOfMemory'].slice(0, 30)}`), what);
      continue;
    }
    assert.equal(e.layers, LIMITS.maxLayers + 1, what);
    assert.equal(e.thrown, null, what);
    if (e.ran === PHASES) {
      assert.equal(e.step, Math.floor(PHASES / e.perStep), what);
      assert.equal(e.shown, e.last, `the view shows the phase last run: ${what}`);
    } else {
      assert.ok(e.said.includes(en['error.outOfMemory']), `a phase that did not run says why: ${what}`);
    }
  }
  console.log(`# phases run: ${run.out.map((e) => e.ran).join(', ')}; wasm memory ${run.heap} bytes`);
  const seed = page.locator('#seed');
  await fullStepSeed002(seed, seed.locator('.explorer'));
  assert.deepEqual(b.problems, [], 'console and page errors');
});
