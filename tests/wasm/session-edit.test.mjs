// Live edits through the JS API: setParameter and replaceData keep what has been learnt.
// Known answers worked by hand for one linear unit with mse (dW = mean(dz x^T), SGD).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BpxError } from 'backprop-explorer';
import { getEngine } from './support/engine.mjs';

const engine = await getEngine();

const LINEAR = {
  layers: [2, 1], activations: ['linear'], loss: 'mse',
  optimizer: { type: 'sgd', learning_rate: 0.1 },
  init: { weights: [[[0, 0]]], biases: [[0]] },
  data: { points: [[1, 2]], labels: [0.5], test_points: [[0, 1]], test_labels: [0], task: 'regression' },
};
const GAUSSIAN = {
  layers: [2, 3, 2], activations: ['tanh', 'softmax'], loss: 'cross_entropy',
  optimizer: { type: 'adam', learning_rate: 0.05 }, batch_size: 7, seed: 9,
  init: { scheme: 'xavier', seed: 5 },
  data: { dataset: 'gaussian', classes: 2, points: 40, noise: 0.2, train_fraction: 0.5, seed: 3 },
};

/** Runs fn on a new session of spec, then frees it. */
function withSession(spec, fn) {
  const s = engine.session(spec);
  try {
    fn(s);
  } finally {
    s.delete();
  }
}

function throwsCode(fn, code, path) {
  assert.throws(fn, (e) => e instanceof BpxError && e.code === code && (path === undefined || e.path === path), `${code} ${path ?? ''}`);
}

/** Columns of a 2 x n matrix reply as [[x1, x2], ...]. */
function pointsOf(m) {
  const out = [];
  for (let k = 0; k < m.cols; k++) out.push([m.data[k], m.data[m.cols + k]]);
  return out;
}

test('setParameter: the next step starts from the edited values', () => withSession(LINEAR, (s) => {
  s.setParameter('W', 1, 0, 0, 0.3);
  s.setParameter('W', 1, 0, 1, -0.2);
  s.setParameter('b', 1, 0, 0, 0.1);
  assert.deepEqual(Array.from(s.W(1).data), [0.3, -0.2]);
  s.step();
  // z = 0.3 - 0.4 + 0.1 = 0, dz = -0.5: W -= 0.1 * dz * (1, 2), b -= 0.1 * dz.
  assert.ok(Math.abs(s.state().loss - 0.125) < 1e-15);
  assert.ok(Math.abs(s.W(1).data[0] - 0.35) < 1e-15);
  assert.ok(Math.abs(s.W(1).data[1] + 0.1) < 1e-15);
  assert.ok(Math.abs(s.b(1).data[0] - 0.15) < 1e-15);
}));

test('setParameter: bad arguments and mid-step calls throw, the session goes on', () => withSession(LINEAR, (s) => {
  throwsCode(() => s.setParameter('Z', 1, 0, 0, 1), 'INVALID_ARGUMENT', 'name');
  throwsCode(() => s.setParameter('W', 2, 0, 0, 1), 'INVALID_ARGUMENT', 'layer');
  throwsCode(() => s.setParameter('W', 1, 1, 0, 1), 'INVALID_ARGUMENT', 'row');
  throwsCode(() => s.setParameter('W', 1, 0, 2, 1), 'INVALID_ARGUMENT', 'col');
  throwsCode(() => s.setParameter('b', 1, 0, 1, 1), 'INVALID_ARGUMENT', 'col');
  throwsCode(() => s.setParameter('W', 1, 0, 0, NaN), 'INVALID_ARGUMENT', 'value');
  throwsCode(() => s.setParameter('W', 1, 0.5, 0, 1), 'INVALID_ARGUMENT', 'row');
  s.nextPhase();
  throwsCode(() => s.setParameter('W', 1, 0, 0, 1), 'WRONG_PHASE');
  s.step();
  assert.ok(Math.abs(s.W(1).data[1] - 0.1) < 1e-15);  // from 0: -0.1 * -0.5 * 2
  s.setParameter('W', 1, 0, 1, 2);
  assert.equal(s.W(1).data[1], 2);
  assert.equal(s.state().historySize, 0);
}));

test('replaceData keeps weights, step and epoch and trains on the new points', () => withSession(LINEAR, (s) => {
  s.setParameter('W', 1, 0, 0, 0.3);
  s.setParameter('W', 1, 0, 1, -0.2);
  s.setParameter('b', 1, 0, 0, 0.1);
  s.step();
  s.replaceData({ points: [[1, 2], [2, 0]], labels: [0.5, -0.5], test_points: [[0, 1]], test_labels: [0] });
  const st = s.state();
  assert.equal(st.step, 1);
  assert.equal(st.epoch, 1);
  assert.equal(st.trainExamples, 2);
  assert.equal(st.testExamples, 1);
  assert.ok(Math.abs(s.W(1).data[0] - 0.35) < 1e-15);
  s.step();
  // dz = (-0.2, 1.35): dW = (1.25, -0.2), db = 0.575.
  assert.ok(Math.abs(s.W(1).data[0] - 0.225) < 1e-15);
  assert.ok(Math.abs(s.W(1).data[1] + 0.08) < 1e-15);
  assert.ok(Math.abs(s.b(1).data[0] - 0.0925) < 1e-15);
  assert.equal(s.state().epoch, 2);
}));

test('replaceData of a generated set: one more training point, the test split and accuracy stay', () => withSession(GAUSSIAN, (s) => {
  s.train(9);
  const W1 = Array.from(s.W(1).data);
  const d = s.data();
  s.replaceData({
    points: [...pointsOf(d.points), [0.5, -0.25]], labels: [...d.labels, 1],
    test_points: pointsOf(d.pointsTest), test_labels: Array.from(d.labelsTest),
  });
  assert.deepEqual(Array.from(s.W(1).data), W1);
  const st = s.state();
  assert.equal(st.epoch, 3);
  assert.equal(st.trainExamples, 21);
  assert.equal(st.testExamples, 20);
  assert.equal(st.hasAccuracy, true);
  assert.ok(Number.isFinite(s.evaluate('train').accuracy));
  assert.ok(Number.isFinite(s.evaluate('test').loss));
  s.train(3);
  assert.equal(s.state().epoch, 4);
}));

test('replaceData: bad points throw with the path, the session goes on', () => withSession(GAUSSIAN, (s) => {
  throwsCode(() => s.replaceData(null), 'INVALID_ARGUMENT', 'data');
  throwsCode(() => s.replaceData([1, 2]), 'INVALID_ARGUMENT', 'data');
  throwsCode(() => s.replaceData({ points: [[0, 0]], labels: [2] }), 'INVALID_ARGUMENT', 'data.labels[0]');
  throwsCode(() => s.replaceData({ points: [[0, NaN]], labels: [0] }), 'INVALID_ARGUMENT', 'data.points[0][1]');
  // NaN is named as NaN (JSON would have written null), and data over the text limit says so.
  assert.throws(() => s.replaceData({ points: [[0, NaN]], labels: [0] }), /data\.points\[0\]\[1\]: expected a finite number, got NaN/);
  const many = 1.2e6; // [0.123456789,0.123456789] is 27 bytes: over 32 MiB of JSON in all
  const huge = { points: Array.from({ length: many }, () => [0.123456789, 0.123456789]), labels: new Array(many).fill(0) };
  assert.throws(() => s.replaceData(huge), (e) => e.code === 'INVALID_ARGUMENT' && /^the data is \d+ bytes long; the limit is \d+ bytes/.test(e.message), 'the size error names the data');
  throwsCode(() => s.replaceData({ points: [[0, 0]], labels: [0], classes: 3 }), 'INVALID_ARGUMENT', 'data.classes');
  throwsCode(() => s.replaceData({ dataset: 'circle' }), 'INVALID_ARGUMENT', 'data');
  s.nextPhase();
  throwsCode(() => s.replaceData({ points: [[0, 0]], labels: [0] }), 'WRONG_PHASE');
  s.step();
  assert.equal(s.state().trainExamples, 20);
  s.replaceData({ points: [[0, 0], [1, 1]], labels: [0, 1] });
  assert.equal(s.state().batchSize, 2);
  assert.equal(s.state().testExamples, 0);
  s.step();
  assert.equal(s.state().step, 2);
}));
