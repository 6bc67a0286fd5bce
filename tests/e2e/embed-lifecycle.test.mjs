// Elements that come and go: removing a <backprop-explorer> frees its engine sessions, its
// keys and its DOM. 200 elements (step-through and train, alternately) are added, readied and
// removed; the engine's allocated bytes and value handles come back to what they were after
// the first one, and the page holds no more nodes than before. A moved element keeps working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { distDir, openBrowser, outside, serve } from './embed-support.mjs';

const HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Many elements</title><link rel="icon" href="data:,"></head>
<body><main id="slot"></main><aside id="other"></aside><script src="backprop-explorer.js"></script></body></html>`;

let server;
let b;
before(async () => {
  server = await serve(distDir, { pages: { '/many.html': HOST } });
  b = await openBrowser({ isForeign: outside(server.origin), viewport: { width: 1000, height: 900 } });
  await b.page.goto(server.url('many.html'));
  await b.page.waitForFunction(() => customElements.get('backprop-explorer') !== undefined);
});
after(async () => {
  await b?.close();
  await server?.close();
});

/** In the page: adds an element of `mode`, waits until ready, removes it; returns the engine. */
const CYCLE = `async (mode) => {
  const el = document.createElement('backprop-explorer');
  el.setAttribute('preset', mode === 'train' ? 'xor' : 'seed002');
  el.setAttribute('mode', mode);
  document.getElementById('slot').append(el);
  await el.ready;
  if (mode === 'step') el.nextPhase();
  const engine = el.engine;
  el.remove();
  await new Promise((r) => setTimeout(r, 0));
  return engine;
}`;

test('200 elements added and removed leave no sessions, handles or nodes behind', async () => {
  const page = b.page;
  const measure = () => page.evaluate(`(async () => {
    const cycle = ${CYCLE};
    const engine = await cycle('step');
    await cycle('train');
    return { used: engine.heapUsedBytes(), handles: engine.handleCount(), nodes: document.querySelectorAll('*').length };
  })()`);
  const first = await measure();
  const after200 = await page.evaluate(`(async () => {
    const cycle = ${CYCLE};
    let engine;
    for (let i = 0; i < 100; i++) {
      engine = await cycle('step');
      await cycle('train');
    }
    return { used: engine.heapUsedBytes(), handles: engine.handleCount(), nodes: document.querySelectorAll('*').length };
  })()`);
  assert.equal(after200.handles, first.handles, 'embind value handles');
  assert.equal(after200.used, first.used, `engine bytes in use: ${first.used} after 2 elements, ${after200.used} after 202`);
  assert.equal(after200.nodes, first.nodes, 'DOM nodes of the page');
  assert.deepEqual(b.problems, [], 'console and page errors');
});

test('an element moved to another place keeps its session and state', async () => {
  const page = b.page;
  const result = await page.evaluate(async () => {
    const el = document.createElement('backprop-explorer');
    el.setAttribute('preset', 'seed002');
    document.getElementById('slot').append(el);
    await el.ready;
    el.nextPhase();
    el.nextPhase();
    const before = el.session.state().cursor;
    document.getElementById('other').append(el); // disconnected and connected in one task
    await new Promise((r) => setTimeout(r, 0));
    const out = { before, after: el.session?.state().cursor ?? null, ready: el.readyState };
    el.remove();
    return out;
  });
  assert.deepEqual(result, { before: 2, after: 2, ready: 'ready' });
});
