// The memory budget: the undo history of the largest network stays within its byte budget,
// sessions of that size can be opened until the 2 GB of WebAssembly memory run out, the one
// that does not fit gets OUT_OF_MEMORY (a BpxError, never a bare number or an abort), and
// the engine then gives the exact seed 002 numbers: equal to the hand derivation below and
// bit for bit equal to a freshly loaded engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from 'backprop-explorer';
import { SEED002, getEngine } from './support/engine.mjs';
import { sigmoid } from './support/reference.mjs';

const engine = await getEngine();

// 8 layers of 64 units over 2,000 points in one batch: the largest network the spec allows.
const BIG = {
  layers: [2, 64, 64, 64, 64, 64, 64, 64, 1],
  activations: [...Array(7).fill('relu'), 'sigmoid'],  // relu: the cheapest phases
  loss: 'bce',
  batch_size: 2000,
  init: { scheme: 'xavier', seed: 1 },
  data: { dataset: 'circle', points: 2000, train_fraction: 1, seed: 2 },
};

// Seed 002 by hand (x = [1, 2], y = 1, sigmoid, bce, lr 0.1): one step, then W and b.
function seed002ByHand() {
  const x = [1, 2], y = 1, lr = 0.1;
  const W1 = [[0.1, 0.2], [0.3, 0.4]], b1 = [0.01, 0.02], W2 = [0.5, 0.6], b2 = 0.05;
  const a1 = W1.map((row, i) => sigmoid(row[0] * x[0] + row[1] * x[1] + b1[i]));
  const a2 = sigmoid(W2[0] * a1[0] + W2[1] * a1[1] + b2);
  const loss = -Math.log(a2);
  const dZ2 = a2 - y;  // sigmoid + bce
  const dZ1 = a1.map((a, i) => W2[i] * dZ2 * a * (1 - a));
  return {
    loss,
    W1: W1.map((row, i) => row.map((w, j) => w - lr * dZ1[i] * x[j])),
    b1: b1.map((b, i) => b - lr * dZ1[i]),
    W2: W2.map((w, i) => w - lr * dZ2 * a1[i]),
    b2: b2 - lr * dZ2,
  };
}

function seed002Numbers(e) {
  return e.withSession(SEED002, (s) => {
    s.step();
    return { loss: s.state().loss, W1: s.W(1).data, b1: s.b(1).data, W2: s.W(2).data, b2: s.b(2).data };
  });
}

function assertSeed002(e) {
  const got = seed002Numbers(e);
  const want = seed002ByHand();
  const near = (a, b, what) => assert.ok(Math.abs(a - b) <= 1e-12, `${what}: ${a} vs ${b}`);
  near(got.loss, want.loss, 'loss');
  [want.W1[0][0], want.W1[0][1], want.W1[1][0], want.W1[1][1]].forEach((w, k) => near(got.W1[k], w, `W1[${k}]`));
  want.b1.forEach((b, k) => near(got.b1[k], b, `b1[${k}]`));
  want.W2.forEach((w, k) => near(got.W2[k], w, `W2[${k}]`));
  near(got.b2[0], want.b2, 'b2');
  return got;
}

test('the history of the largest network stays within its byte budget', () => {
  engine.withSession(BIG, (s) => {
    const { historyBudgetBytes, historyLimit } = s.state();
    assert.ok(historyBudgetBytes > 0 && historyLimit > 0);
    for (let i = 0; i < 60; i++) s.nextPhase();
    const st = s.state();
    assert.ok(st.historyBytes <= historyBudgetBytes, `${st.historyBytes} > ${historyBudgetBytes}`);
    assert.ok(st.historySize >= 1 && st.historySize < 60, `historySize ${st.historySize}`);
    // Time travel reaches exactly historySize phases back.
    for (let i = 0; i < st.historySize; i++) assert.equal(s.previousPhase(), true);
    assert.equal(s.previousPhase(), false);
    assert.equal(s.state().cursor, (60 - st.historySize) % st.phases.length);
  });
});

test('big sessions until memory runs out: OUT_OF_MEMORY, then the exact seed 002 numbers', () => {
  const sessions = [];
  let failure = null;
  try {
    // About 100 MB each (its matrices and a full history): 2 GB holds fewer than 40.
    for (let i = 0; i < 40 && !failure; i++) {
      let s;
      try {
        s = engine.session(BIG);
        sessions.push(s);
        for (let p = 0; p < 48; p++) s.nextPhase();
      } catch (e) {
        failure = e;
      }
    }
    assert.ok(failure, 'memory never ran out');
    assert.ok(failure instanceof Error && failure.name === 'BpxError', `not a BpxError: ${failure}`);
    assert.equal(failure.code, 'OUT_OF_MEMORY', failure.message);
    assert.match(failure.message, /out of memory|no room/);
    assert.equal(engine.lost, false, 'the engine recovered');
    console.log(`# ${sessions.length} big sessions, then: ${failure.message}`);
  } finally {
    for (const s of sessions) s.delete();
  }
  const stressed = assertSeed002(engine);
  return createEngine().then((fresh) => {
    const clean = seed002Numbers(fresh);
    assert.deepEqual(stressed, clean, 'bit for bit the numbers of a fresh engine');
  });
});

test('train(1e9) on a small net ends with a clear answer, never an abort', () => {
  engine.withSession(SEED002, (s) => {
    let out, error;
    try {
      out = s.train(1e9);
    } catch (e) {
      error = e;
    }
    if (error) {
      assert.equal(error.name, 'BpxError', String(error));
      assert.equal(error.code, 'INVALID_ARGUMENT');
      assert.match(error.message, /^steps: expected an integer between 0 and \d+ per call/);
      // The most one call allows does complete.
      const most = Number(/and (\d+) per call/.exec(error.message)[1]);
      assert.deepEqual(s.train(most), { steps: most, divergence: null });
      assert.equal(s.state().step, most);
    } else {
      assert.equal(out.steps, 1e9);
    }
    assert.equal(engine.lost, false);
  });
  assertSeed002(engine);
});

test('NaN and Infinity in a spec object are named as such, with their path', () => {
  for (const [bad, word] of [[NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity']]) {
    const spec = structuredClone(SEED002);
    spec.data.inputs[0][1] = bad;
    const r = engine.validate(spec);
    assert.equal(r.ok, false);
    assert.equal(r.error.code, 'INVALID_SPEC');
    assert.equal(r.error.path, 'data.inputs[0][1]');
    assert.equal(r.error.message, `data.inputs[0][1]: expected a finite number, got ${word}`);
  }
  // A null that was written as null stays the engine's to judge.
  const spec = structuredClone(SEED002);
  spec.data.inputs[0][1] = null;
  assert.match(engine.validate(spec).error.message, /got null/);
});
