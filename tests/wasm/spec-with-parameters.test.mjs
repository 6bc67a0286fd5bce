// session.specWithParameters(): the spec with the current parameters as its explicit init.
// A new session of it computes the same numbers bit for bit (in JS, through JSON text, and
// as `bpx train --export` writes it); a diverged network is a DIVERGED error. And
// engine.pointData(spec): explicit 2-D examples as points with labels, decoded by the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BpxError } from 'backprop-explorer';
import { BPX, getEngine } from './support/engine.mjs';

const engine = await getEngine();

const TRAINED = {
  layers: [2, 4, 3, 1], activations: ['tanh', 'relu', 'sigmoid'], loss: 'bce',
  optimizer: { type: 'adam', learning_rate: 0.03 }, batch_size: 16, init: { scheme: 'he', seed: 7 },
  data: { dataset: 'circle', points: 120, noise: 0.1, train_fraction: 0.75, seed: 5 },
};

// The same doubles, bit for bit (a Float64Array's bytes).
function sameBits(a, b, what) {
  assert.equal(a.length, b.length, what);
  assert.ok(Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength)), what);
}

function assertSameNetwork(s, t) {
  for (let l = 1; l <= s.L; l++) {
    sameBits(s.W(l).data, t.W(l).data, `W[${l}]`);
    sameBits(s.b(l).data, t.b(l).data, `b[${l}]`);
  }
  const a = s.predictGrid(17, 13, -6, 6, -6, 6, { allUnits: true });
  const b = t.predictGrid(17, 13, -6, 6, -6, 6, { allUnits: true });
  assert.equal(a.maps.length, 4 + 3 + 1);
  a.maps.forEach((m, i) => sameBits(m.values, b.maps[i].values, `map of layer ${m.layer} unit ${m.unit}`));
  assert.deepEqual(t.evaluate('test'), s.evaluate('test'));
  assert.deepEqual(t.evaluate('train'), s.evaluate('train'));
}

test('a new session of the exported spec computes the same forward pass bit for bit', () => {
  engine.withSession(TRAINED, (s) => {
    assert.equal(s.train(40).divergence, null);
    const exported = s.specWithParameters();
    assert.ok(!('scheme' in exported.init), 'the scheme gives way to explicit values');
    assert.equal(exported.init.weights.length, 3);
    assert.equal(exported.init.weights[1].length, 3, 'W[2] has n_2 = 3 rows');
    assert.equal(exported.init.weights[1][0].length, 4, 'of n_1 = 4 columns');
    assert.equal(exported.init.weights[0][3][1], s.W(1).data[3 * 2 + 1], 'W[1] row 4, column 2');
    assert.equal(exported.data.dataset, 'circle');
    engine.withSession(exported, (t) => assertSameNetwork(s, t));
    // Through JSON text too (shortest round-trip decimals).
    engine.withSession(JSON.stringify(exported), (t) => assertSameNetwork(s, t));
  });
});

test('the live hyper-parameters travel with the parameters; spec() keeps the initial ones', () => {
  engine.withSession(TRAINED, (s) => {
    s.setLearningRate(0.0125);
    s.setBatchSize(30);
    s.train(3);
    const e = s.specWithParameters();
    assert.equal(e.optimizer.learning_rate, 0.0125);
    assert.equal(e.batch_size, 30);
    assert.deepEqual(s.spec().init, { scheme: 'he', seed: 7, bias: 0 });
  });
});

test('the same spec as bpx train --export writes it', () => {
  assert.ok(existsSync(BPX), `the native CLI ${BPX} is missing: build it with cmake --build build/native --target bpx`);
  const dir = mkdtempSync(join(tmpdir(), 'bpx-export-'));
  try {
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(TRAINED));
    const r = spawnSync(BPX, ['train', join(dir, 'spec.json'), '--steps', '25', '--every', '25', '--export', join(dir, 'out.json')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const cli = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    engine.withSession(TRAINED, (s) => {
      s.train(25);
      assert.deepEqual(cli, s.specWithParameters());
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a diverged network is a DIVERGED error naming the parameter; a deleted session DELETED', () => {
  const s = engine.session({ layers: [1, 1], activations: ['linear'], loss: 'mse', optimizer: { learning_rate: 100 },
    data: { inputs: [[1000]], targets: [[0]] } });
  assert.ok(s.train(100).divergence);
  // The loss overflows first; a few steps more and W itself does.
  for (let i = 0; i < 100 && Number.isFinite(s.W(1).data[0]); i++) s.train(1);
  assert.ok(!Number.isFinite(s.W(1).data[0]));
  assert.throws(() => s.specWithParameters(), (e) => e instanceof BpxError && e.code === 'DIVERGED' && e.path === 'init' && /W\[1\] is NaN or infinite/.test(e.message));
  s.delete();
  assert.throws(() => s.specWithParameters(), (e) => e instanceof BpxError && e.code === 'DELETED');
});

test('pointData: explicit 2-D examples as points, their targets decoded by the engine', () => {
  const oneHot = engine.pointData({ layers: [2, 3], activations: ['softmax'], loss: 'cross_entropy',
    data: { inputs: [[0.5, -1], [2, 3], [1, 1]], targets: [[0, 0, 1], [0.6, 0.3, 0.1], [0, 1, 0]] } });
  assert.deepEqual(oneHot, { points: [[0.5, -1], [2, 3], [1, 1]], labels: [2, 0, 1], features: ['x1', 'x2'], task: 'classification', classes: 3 });
  const tanh = engine.pointData({ layers: [2, 1], activations: ['tanh'], loss: 'mse', data: { inputs: [[0, 0], [1, 1]], targets: [[-1], [1]] } });
  assert.deepEqual([tanh.labels, tanh.task, tanh.classes], [[0, 1], 'classification', 2]);
  const values = engine.pointData({ layers: [2, 1], activations: ['linear'], loss: 'mse', data: { inputs: [[0, 0], [1, 1]], targets: [[0.25], [-3]] } });
  assert.deepEqual([values.labels, values.task], [[0.25, -1], 'regression'], 'regression values clipped to [-1, 1]');
  // The point form comes back as it is (defaults filled in).
  const points = { points: [[1, 2]], labels: [1] };
  assert.deepEqual(engine.pointData({ layers: [2, 1], activations: ['sigmoid'], loss: 'bce', data: points }),
    { ...points, features: ['x1', 'x2'], task: 'classification', classes: 2 });
});

test('pointData: what cannot be points is an error naming the field', () => {
  const bad = (spec, code, path) => assert.throws(() => engine.pointData(spec), (e) => e instanceof BpxError && e.code === code && e.path === path, `${code} ${path}`);
  bad({ layers: [3, 1], activations: ['sigmoid'], loss: 'bce', data: { inputs: [[0, 1, 2]], targets: [[1]] } }, 'INVALID_ARGUMENT', 'data.inputs');
  bad({ layers: [2, 1], activations: ['sigmoid'], loss: 'bce', data: { dataset: 'xor' } }, 'INVALID_ARGUMENT', 'data');
  bad({ layers: [2, 0], activations: ['sigmoid'], loss: 'bce', data: { dataset: 'xor' } }, 'INVALID_SPEC', 'layers[1]');
  assert.equal(engine.handleCount(), 0);
});

test('the catalogue gives each activation the fewest units of its layer', () => {
  const { activations } = engine.catalog();
  for (const a of activations) assert.equal(a.minUnits, a.name === 'softmax' ? 2 : 1, a.name);
  assert.throws(() => engine.session({ layers: [2, 1], activations: ['softmax'], loss: 'cross_entropy', data: { inputs: [[0, 0]], targets: [[1]] } }),
    (e) => e.path === 'activations[0]' && /at least 2 output units/.test(e.message));
});
