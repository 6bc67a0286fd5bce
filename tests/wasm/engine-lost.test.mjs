// A module that cannot be saved is discarded: its static data is damaged (as an unguarded
// allocation failure once overwrote it), then an allocation fails. The wrapper's health probe
// (a small spec normalizes to the text it gave at start-up) finds the damage, the engine is
// marked lost, every later call throws ENGINE_LOST, and a fresh createEngine() gives the exact
// seed 002 numbers (derived by hand below).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createEngine } from 'backprop-explorer';
import factory from '../../bindings/wasm/dist/bpx_wasm.mjs';
import { createEngineWith } from '../../bindings/wasm/engine.js';
import { DIST, SEED002 } from './support/engine.mjs';

const sig = (z) => 1 / (1 + Math.exp(-z));

// Seed 002 by hand: x = [1, 2], y = 1, W1 = [[0.1, 0.2], [0.3, 0.4]], b1 = [0.01, 0.02],
// W2 = [0.5, 0.6], b2 = 0.05, sigmoid, bce, learning rate 0.1: the loss and the new b2.
function seed002ByHand() {
  const a1 = [sig(0.1 + 0.4 + 0.01), sig(0.3 + 0.8 + 0.02)];
  const a2 = sig(0.5 * a1[0] + 0.6 * a1[1] + 0.05);
  return { loss: -Math.log(a2), b2: 0.05 - 0.1 * (a2 - 1) };
}

function seed002(engine) {
  return engine.withSession(SEED002, (s) => {
    s.step();
    return { loss: s.state().loss, b2: s.b(2).data[0] };
  });
}

// Every copy of `word` in the module's memory (its static data included) with its first
// letter changed.
function damage(heap, word) {
  const bytes = new TextEncoder().encode(word);
  let found = 0;
  for (let i = heap.indexOf(bytes[0]); i >= 0 && i + bytes.length <= heap.length; i = heap.indexOf(bytes[0], i + 1)) {
    let same = true;
    for (let k = 1; k < bytes.length && same; k++) same = heap[i + k] === bytes[k];
    if (same) {
      heap[i] ^= 0x20; // "targets" -> "Targets"
      found++;
    }
  }
  return found;
}

test('a damaged module is discarded on its next allocation failure; a fresh engine works', async () => {
  let raw = null;
  const engine = await createEngineWith(async (options) => (raw = await factory(options)), {
    wasmBinary: readFileSync(`${DIST}bpx_wasm.wasm`),
  });
  const want = seed002ByHand();
  const before = seed002(engine);
  const session = engine.session(SEED002); // open across the loss
  assert.ok(Math.abs(before.loss - want.loss) < 1e-15 && Math.abs(before.b2 - want.b2) < 1e-15);

  // Damage: the key "targets", which the health probe's spec uses (the spec below does not).
  assert.ok(damage(raw.HEAPU8, 'targets') >= 1, 'the key is in the module\'s static data');
  assert.equal(engine.lost, false, 'nothing noticed yet: no allocation failed');
  // onLost: told once, after the failing call has thrown; a cancelled subscription is not told.
  const told = [];
  engine.onLost((e) => told.push(e));
  engine.onLost(() => told.push('cancelled'))();
  // Memory filled to the last 64 KB, then a spec whose matrices need more.
  const held = [];
  for (let size = 256 << 20; size >= 64 << 10; size >>= 1) {
    for (let p = raw._malloc(size); p; p = raw._malloc(size)) held.push(p);
  }
  const big = {
    layers: [2, 64, 1], activations: ['relu', 'sigmoid'], loss: 'bce', batch_size: 2000,
    data: { dataset: 'circle', points: 2000, train_fraction: 1, seed: 2 },
  };
  let failure;
  try {
    engine.session(big).delete();
  } catch (e) {
    failure = e;
  }
  assert.ok(failure, 'the allocation failed');
  assert.equal(failure.name, 'BpxError', String(failure));
  assert.equal(failure.code, 'OUT_OF_MEMORY', failure.message);
  assert.match(failure.message, /the engine was discarded: load a new one \(createEngine\)$/);
  assert.equal(engine.lost, true);
  assert.deepEqual(told, [], 'no listener runs inside the engine call');
  for (const p of held) raw._free(p);
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(told.length, 1, 'the listener was told once; the cancelled one not at all');
  assert.equal(told[0].code, 'ENGINE_LOST');
  const late = await new Promise((resolve) => engine.onLost(resolve));
  assert.equal(late.code, 'ENGINE_LOST', 'a listener that subscribes after the loss is told too');
  assert.throws(() => engine.onLost('x'), (e) => e.code === 'INVALID_ARGUMENT');

  // Every later call: ENGINE_LOST, not numbers from a damaged module.
  const lostError = (e) => e.name === 'BpxError' && e.code === 'ENGINE_LOST' &&
    /ran out of memory and its state was damaged; this engine can no longer be used: load a new one/.test(e.message);
  for (const call of [() => engine.session(SEED002), () => engine.withSession(SEED002, () => 0)]) assert.throws(call, lostError);
  // validate answers with an error value instead of throwing, as it does for any bad spec.
  const v = engine.validate(SEED002);
  assert.equal(v.ok, false);
  assert.ok(lostError(v.error), v.error.message);

  // The sessions of a lost engine: delete() calls nothing in the module and never throws.
  assert.doesNotThrow(() => session.delete());
  assert.equal(session.deleted, true);

  const fresh = await createEngine();
  assert.equal(fresh.lost, false);
  assert.deepEqual(seed002(fresh), before, 'a fresh engine: the numbers of before, bit for bit');
});

test('memory full to its last bytes: a new session is OUT_OF_MEMORY, not a raw exception; the full module is discarded, a fresh one works', async () => {
  let raw = null;
  const engine = await createEngineWith(async (options) => (raw = await factory(options)), {
    wasmBinary: readFileSync(`${DIST}bpx_wasm.wasm`),
  });
  const want = seed002ByHand();
  for (let size = 256 << 20; size >= 16; size >>= 1) {
    for (let p = raw._malloc(size); p; p = raw._malloc(size));
  }
  let failure;
  try {
    engine.session(SEED002);
  } catch (e) {
    failure = e;
  }
  assert.equal(failure?.name, 'BpxError', `a BpxError the page can word, not ${failure}`);
  assert.equal(failure.code, 'OUT_OF_MEMORY', failure.message);
  // Not even the health probe fits: the module is discarded, and says why (not "damaged").
  assert.equal(engine.lost, true);
  assert.throws(() => engine.session(SEED002), (e) => e.code === 'ENGINE_LOST' && /so full that it could not check its state/.test(e.message));
  const fresh = seed002(await createEngine());
  assert.ok(Math.abs(fresh.loss - want.loss) < 1e-15 && Math.abs(fresh.b2 - want.b2) < 1e-15, 'a fresh engine: seed 002 as by hand');
});
