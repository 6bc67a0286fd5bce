// The step-through view's phase cursor (web/src/explorer/controller.ts) against the real
// engine: one call into the module per Next phase (issue 16: one crossing of the JS/wasm
// boundary per phase), counted on the module's session class, and the numbers the views get
// are seed 002's, derived by hand. Compiled by `npm run test:web` into build/web-settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import factory from '../../bindings/wasm/dist/bpx_wasm.mjs';
import { createEngineWith } from '../../bindings/wasm/engine.js';
import { useCatalogOf } from '../../build/web-settings/catalog.js';
import { Stepper } from '../../build/web-settings/explorer/controller.js';

const ROOT = new URL('../../', import.meta.url);
const SEED002 = JSON.parse(readFileSync(new URL('examples/seed002.json', ROOT), 'utf8'));
const calls = [];
const engine = await createEngineWith(async (options) => {
  const module = await factory(options);
  // Every method of the module's session class records its name when called.
  const proto = module.RawSession.prototype;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const f = proto[name];
    if (typeof f !== 'function' || name === 'constructor') continue;
    proto[name] = function (...args) {
      calls.push(name);
      return f.apply(this, args);
    };
  }
  // So does the plain export that Session.nextPhase() calls. The glue replaces its export with
  // the raw wasm function on the first call: the setter keeps that one behind the counter.
  let exported = module._bpx_next_phase;
  const counted = (address) => {
    calls.push('_bpx_next_phase');
    return exported(address);
  };
  Object.defineProperty(module, '_bpx_next_phase', { get: () => counted, set: (f) => { exported = f; } });
  return module;
}, { wasmBinary: readFileSync(new URL('bindings/wasm/dist/bpx_wasm.wasm', ROOT)) });
useCatalogOf(engine);

const sig = (z) => 1 / (1 + Math.exp(-z));

test('Next phase makes one call into the engine, with every number the views draw', () => {
  const stepper = new Stepper(engine);
  stepper.load(SEED002);
  const seen = [];
  stepper.onChange((e) => seen.push(e));
  const phases = stepper.snapshot.state.phases.length;
  for (let k = 0; k < phases; k++) {
    calls.length = 0;
    stepper.next();
    assert.deepEqual(calls, ['advance'], `phase ${k}: the calls into the module`);
  }
  assert.equal(seen.length, phases, 'every phase told the views');

  // Seed 002 by hand: x = [1, 2], z[1] = W1 x + b1 = [0.51, 1.12], ŷ = σ(W2 a1 + b2), bce.
  const a1 = [sig(0.51), sig(1.12)];
  const yhat = sig(0.5 * a1[0] + 0.6 * a1[1] + 0.05);
  const s = stepper.snapshot;
  assert.equal(s.phase.kind, 'update');
  assert.deepEqual(Array.from(s.before.W[2].data), [0.5, 0.6], 'old W[2] for the view\'s old → new');
  const dZ2 = yhat - 1;
  const W2new = [0.5 - 0.1 * dZ2 * a1[0], 0.6 - 0.1 * dZ2 * a1[1]];
  Array.from(s.W[2].data).forEach((w, i) => assert.ok(Math.abs(w - W2new[i]) < 1e-15, `new W[2]${i}: ${w} vs ${W2new[i]}`));
  assert.ok(Math.abs(s.state.loss + Math.log(yhat)) < 1e-15, 'the loss of pass 1');

  // A whole step: one call per phase it runs, then one read for the views.
  calls.length = 0;
  stepper.step();
  assert.deepEqual(calls, [...Array(phases).fill('advance'), 'view']);
  assert.equal(stepper.snapshot.state.step, 2);
  assert.deepEqual(Array.from(stepper.snapshot.before.W[2].data), Array.from(s.W[2].data), 'pass 2 replaced pass 1\'s weights');
  stepper.dispose();
});

test('Session.nextPhase() crosses once per phase, through the plain export, and reports the phase it ran', () => {
  const session = engine.session(SEED002);
  const phases = session.state().phases;
  // Two steps: the undo ring wraps within the first step's phases.
  for (let k = 0; k < 2 * phases.length; k++) {
    calls.length = 0;
    const ran = session.nextPhase();
    assert.deepEqual(calls, ['_bpx_next_phase'], `phase ${k}: the calls into the module`);
    assert.deepEqual(ran.phase, phases[k % phases.length], `phase ${k}: the phase it ran`);
    assert.equal(ran.divergence, null);
  }
  const st = session.state();
  assert.equal(st.step, 2, 'two whole steps ran');
  assert.equal(st.cursor, 0, 'the cursor is back at a step\'s start');
  assert.ok(session.previousPhase(), 'the last phase can be undone');
  assert.equal(session.state().cursor, phases.length - 1);
  session.delete();
  assert.throws(() => session.nextPhase(), { code: 'DELETED' }, 'a deleted session is not called at its old address');
});
