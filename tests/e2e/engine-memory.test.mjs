// The out-of-memory guard in Chromium, through the one-tag script: the engine's C++ exceptions
// are WebAssembly's own (-fwasm-exceptions), so a failed allocation must be caught inside the
// module there as in Node (tests/wasm/memory-budget.test.mjs). Big sessions are opened until the
// 2 GB of WebAssembly memory run out; the one that does not fit gets OUT_OF_MEMORY (a BpxError,
// not an abort), the engine is not lost, and seed 002 then gives the numbers computed by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { close, distDir, openBrowser, outside, seed002, SEED002_SPEC, serve } from './embed-support.mjs';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Memory</title><link rel="icon" href="data:,"></head>
<body><backprop-explorer id="a" preset="seed002"></backprop-explorer>
<script src="backprop-explorer.js"></script></body></html>`;

// 8 layers of 64 units over 2,000 points in one batch: the largest network the spec allows,
// about 100 MB with its full history.
const BIG = {
  layers: [2, 64, 64, 64, 64, 64, 64, 64, 1],
  activations: [...Array(7).fill('relu'), 'sigmoid'],
  loss: 'bce',
  batch_size: 2000,
  init: { scheme: 'xavier', seed: 1 },
  data: { dataset: 'circle', points: 2000, train_fraction: 1, seed: 2 },
};


let server;
let b;
before(async () => {
  server = await serve(distDir, { pages: { '/memory.html': PAGE } });
  b = await openBrowser({ isForeign: outside(server.origin) });
  await b.page.goto(server.url('memory.html'));
  await b.page.waitForFunction(() => document.getElementById('a').readyState === 'ready', null, { timeout: 20000 });
});
after(async () => {
  await b?.close();
  await server?.close();
});

test('big sessions until memory runs out: OUT_OF_MEMORY, then seed 002 by hand', async () => {
  const got = await b.page.evaluate(
    ({ big, small }) => {
      const engine = document.getElementById('a').engine;
      const sessions = [];
      let failure = null;
      for (let i = 0; i < 40 && !failure; i++) {
        try {
          const s = engine.session(big);
          sessions.push(s);
          for (let p = 0; p < 48; p++) s.nextPhase();
        } catch (e) {
          failure = { name: e.name, code: e.code, message: e.message };
        }
      }
      for (const s of sessions) s.delete();
      const after = engine.withSession(small, (s) => {
        s.step();
        return { loss: s.state().loss, W2: s.W(2).data, b2: s.b(2).data };
      });
      return { opened: sessions.length, failure, lost: engine.lost, after };
    },
    { big: BIG, small: SEED002_SPEC },
  );
  assert.ok(got.failure, `memory never ran out (${got.opened} sessions)`);
  assert.equal(got.failure.name, 'BpxError', got.failure.message);
  assert.equal(got.failure.code, 'OUT_OF_MEMORY', got.failure.message);
  assert.ok(got.opened > 1 && got.opened < 40, `${got.opened} big sessions fit in 2 GB`);
  assert.equal(got.lost, false, 'the engine recovered');
  close(got.after.loss, seed002.loss, 1e-12, 'loss');
  got.after.W2.forEach((w, k) => close(w, seed002.W2new[k], 1e-12, `W2[${k}]`));
  close(got.after.b2[0], seed002.b2new, 1e-12, 'b2');
  await b.assertClean();
});
