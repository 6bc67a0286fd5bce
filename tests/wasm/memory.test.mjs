// Memory: 100,000 training steps and 10,000 calls of every reader leave the wasm memory
// size and the embind handle count where warm-up left them, and the bytes in use by the
// allocator within 1 KB of it. Each workload runs twice from the same state (reset
// first): the first run warms up (buffers reach their size), the second must end with
// the same figures. The 1 KB allows for where the allocator and the undo deque happen to
// place their blocks (measured: 8 and 232 bytes either way); a leak of even the smallest
// block (16 bytes) per call over 10,000 calls would be 160 KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED002, getEngine } from './support/engine.mjs';

const engine = await getEngine();

// Small but complete: a hidden layer, minibatches, adam, a test split, a data set.
const SPEC = {
  layers: [2, 3, 2], activations: ['tanh', 'softmax'], loss: 'cross_entropy',
  optimizer: { type: 'adam', learning_rate: 0.01 }, batch_size: 4, init: { scheme: 'xavier', seed: 1 },
  data: { dataset: 'xor', points: 20, train_fraction: 0.8, seed: 3 },
};
const SLACK = 1024;
const NAMES = ['W', 'b', 'Z', 'A', 'dA', 'dZ', 'dW', 'db', 'gprime', 'mW', 'mb', 'vW', 'vb'];

function figures() {
  return { heapBytes: engine.heapBytes(), handles: engine.handleCount(), used: engine.heapUsedBytes() };
}

/**
 * Runs work(n) for a warm-up of n = warmup, then again for n = count (each after
 * `prepare`); the figures after the second run equal those after the first.
 */
function steady(name, prepare, work, count = 10000, warmup = count / 10) {
  prepare();
  work(warmup);
  const warm = figures();
  prepare();
  work(count);
  const after = figures();
  const what = `${name}: ${JSON.stringify(warm)} after warm-up, ${JSON.stringify(after)} after the run`;
  assert.equal(after.heapBytes, warm.heapBytes, what);
  assert.equal(after.handles, warm.handles, what);
  assert.ok(Math.abs(after.used - warm.used) <= SLACK, what);
  assert.equal(after.handles, 0, 'no embind handle outlives a call');
  return after;
}

test('100,000 training steps in chunks of 1,000', () => {
  const s = engine.session(SPEC);
  let steps = 0;
  // Warm-up with the same 100,000 steps: the loss history keeps one double per step.
  const report = steady('train', () => s.reset(), (chunks) => {
    for (let i = 0; i < chunks; i++) steps += s.train(1000).steps;
    assert.equal(s.state().step, 1000 * chunks);
    assert.equal(s.lossHistory().length, 1000 * chunks);
  }, 100, 100);
  assert.equal(steps, 200000);
  s.delete();
  console.log(`# after 2 x 100,000 steps: wasm memory ${report.heapBytes} bytes, ${report.used} bytes in use`);
});

test('10,000 calls of every reader', () => {
  const s = engine.session(SPEC);
  const L = s.L;
  const readers = {
    state: () => s.state(),
    matrix: () => {
      for (const n of NAMES) for (let l = 1; l <= L; l++) s.matrix(n, l);
      s.matrix('A', 0);
      s.matrix('dA', 0);
      s.matrix('Y');
      s.matrix('losses');
    },
    shortcuts: () => [s.W(1), s.b(1), s.Z(2), s.A(0), s.dA(0), s.dZ(2), s.dW(2), s.db(1), s.gprime(1), s.Y()],
    lossHistory: () => s.lossHistory(),
    evaluate: () => [s.evaluate('train'), s.evaluate('test')],
    data: () => s.data(),
    predictGrid: () => [
      s.predictGrid(20, 20, -6, 6, -6, 6),
      s.predictGrid(20, 20, -6, 6, -6, 6, { allUnits: true }),
      s.predictGrid(20, 20, -6, 6, -6, 6, { allUnits: true, precision: 'float' }),
    ],
    graph: () => [s.graph(1, 0), s.graph(2, 1, { expanded: false, root: 'activation', example: 3 })],
    walkthrough: () => s.walkthrough(),
    walkthroughTex: () => s.walkthrough({ format: 'tex', digits: 3 }),
    spec: () => s.spec(),
    validate: () => [engine.validate(SPEC), engine.validate({ layers: [] })],
  };
  const start = () => {
    s.reset();
    s.train(10);
    s.forward(); // mid-step: the batch matrices are full
    s.backward();
  };
  for (const [name, read] of Object.entries(readers)) {
    steady(name, start, (n) => {
      for (let i = 0; i < n; i++) read();
    });
  }
  s.delete();
});

test('10,000 phase steps back and forth, traces and steps', () => {
  // These add to the loss history (a double per step): warm up with as many steps.
  const s = engine.session(SPEC);
  steady('nextPhase/previousPhase', () => s.reset(), (n) => {
    for (let i = 0; i < n; i++) {
      s.nextPhase();
      if (i % 3 === 2) s.previousPhase();
    }
  }, 10000, 10000);
  steady('step/forward/backward/update', () => s.reset(), (n) => {
    for (let i = 0; i < n / 4; i++) {
      s.step();
      s.forward();
      s.backward();
      s.update();
    }
  }, 10000, 10000);
  steady('trace', () => s.reset(), (n) => {
    for (let i = 0; i < n; i++) s.trace(1);
  }, 10000, 10000);
  steady('live hyper-parameters', () => s.reset(), (n) => {
    for (let i = 0; i < n; i++) {
      s.setLearningRate(0.01 + (i % 7) * 0.001);
      s.setWeightDecay((i % 3) * 0.001);
      s.setBatchSize(1 + (i % 16));
    }
  });
  s.delete();
});

test('10,000 sessions created and deleted (by delete, withSession and Symbol.dispose)', () => {
  steady('sessions', () => {}, (n) => {
    for (let i = 0; i < n * 0.4; i++) engine.session(SPEC).delete();
    for (let i = 0; i < n * 0.3; i++) engine.withSession(SEED002, (s) => s.state());
    for (let i = 0; i < n * 0.3; i++) engine.session(SEED002)[Symbol.dispose]();
  });
});

test('50,000 bad calls answered by the engine leak nothing and leave it working', () => {
  // These reach the engine (not stopped by the wrapper's argument checks): before the
  // binding returned errors as values, each one leaked its C++ stack frame and ~30,000
  // of them crashed the module.
  const s = engine.session(SPEC);
  const bad = [
    () => s.setLearningRate(1000),
    () => s.setWeightDecay(50),
    () => s.setBatchSize(999),
    () => s.graph(1, 0, { example: 999 }),
    () => engine.session({ layers: [2, 1], activations: ['relu'], loss: 'bce', data: SEED002.data }),
  ];
  steady('bad calls', () => s.reset(), (n) => {
    for (let i = 0; i < n; i++) {
      assert.throws(bad[i % bad.length], (e) => e.code === 'INVALID_ARGUMENT' || e.code === 'INVALID_SPEC');
    }
  }, 50000);
  assert.equal(s.train(5).steps, 5);
  assert.equal(s.state().learningRate, 0.01);
  s.delete();
});
