// Every method of Engine and Session, with the shapes of what they return checked and
// the numbers tied to each other (the batch inputs are columns of the data, the loss is
// the mean of the per-example losses, a grid cell is a forward pass of its point, ...).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { BpxError, Engine, Session } from 'backprop-explorer';
import { SEED002, getEngine, rows } from './support/engine.mjs';
import { close, forward } from './support/reference.mjs';

const engine = await getEngine();

// A 2-4-3-3 network on a 3-class data set with a test split, minibatches and adam, so
// that every matrix (optimizer moments too) and every reader has something to show.
const SPEC = {
  layers: [2, 4, 3, 3], activations: ['tanh', 'relu', 'softmax'], loss: 'cross_entropy',
  optimizer: { type: 'adam', learning_rate: 0.01 }, batch_size: 5, init: { scheme: 'xavier', seed: 3 },
  data: { dataset: 'gaussian', classes: 3, points: 30, train_fraction: 0.8, seed: 2, noise: 0.1 },
};
const LAYERS = SPEC.layers;
const L = LAYERS.length - 1;
const M = SPEC.batch_size;
const NAMES = ['W', 'b', 'Z', 'A', 'dA', 'dZ', 'dW', 'db', 'gprime', 'mW', 'mb', 'vW', 'vb'];

/** The shape each matrix has once a whole step has run (m = examples in the batch). */
function expectedShape(name, l, m) {
  const n = LAYERS[l];
  const p = LAYERS[l - 1];
  if (['W', 'dW', 'mW', 'vW'].includes(name)) return [n, p];
  if (['b', 'db', 'mb', 'vb'].includes(name)) return [n, 1];
  return [n, m]; // Z A dA dZ gprime
}

function checkMatrix(m, shape) {
  assert.deepEqual(m.shape, shape);
  assert.equal(m.rows, shape[0]);
  assert.equal(m.cols, shape[1]);
  assert.ok(m.data instanceof Float64Array);
  assert.equal(m.data.length, shape[0] * shape[1]);
}

function withApiSession(fn) {
  return engine.withSession(SPEC, fn);
}

describe('Engine', () => {
  test('is an Engine; session() gives a Session with L and layers', () => {
    assert.ok(engine instanceof Engine);
    withApiSession((s) => {
      assert.ok(s instanceof Session);
      assert.equal(s.L, L);
      assert.deepEqual(s.layers, LAYERS);
      s.layers.push(99); // a copy: the session is not changed
      assert.deepEqual(s.layers, LAYERS);
      assert.equal(s.deleted, false);
    });
  });

  test('session() takes JSON text as well as an object', () => {
    const s = engine.session(JSON.stringify(SEED002));
    assert.deepEqual(s.layers, [2, 2, 1]);
    s.delete();
  });

  test('withSession returns what fn returns and deletes the session', () => {
    let kept;
    const out = engine.withSession(SEED002, (s) => {
      kept = s;
      return s.L * 10;
    });
    assert.equal(out, 20);
    assert.equal(kept.deleted, true);
  });

  test('withSession deletes the session when fn throws, and rethrows', () => {
    let kept;
    assert.throws(() => engine.withSession(SEED002, (s) => {
      kept = s;
      throw new Error('boom');
    }), /boom/);
    assert.equal(kept.deleted, true);
  });

  test('withSession with an async fn deletes the session once the promise settles', async () => {
    let kept;
    const p = engine.withSession(SEED002, async (s) => {
      kept = s;
      await new Promise((r) => setTimeout(r, 5));
      assert.equal(s.deleted, false, 'alive while fn runs');
      return s.state().step;
    });
    assert.ok(p instanceof Promise);
    assert.equal(await p, 0);
    assert.equal(kept.deleted, true);
  });

  test('validate() fills in defaults or returns the error without throwing', () => {
    const good = engine.validate({ layers: [2, 1], activations: ['sigmoid'], loss: 'bce', data: SEED002.data });
    assert.equal(good.ok, true);
    assert.equal(good.spec.optimizer.type, 'sgd');
    assert.equal(good.spec.optimizer.learning_rate, 0.1);
    assert.equal(good.spec.seed, 1);
    assert.equal(good.spec.init.scheme, 'xavier');
    const bad = engine.validate({ layers: [2, 0, 1], activations: ['sigmoid', 'sigmoid'], loss: 'bce', data: SEED002.data });
    assert.equal(bad.ok, false);
    assert.ok(bad.error instanceof BpxError);
    assert.equal(bad.error.code, 'INVALID_SPEC');
    assert.equal(bad.error.path, 'layers[1]');
    assert.equal(engine.validate(42).error.code, 'INVALID_SPEC');
  });

  test('heapBytes, heapUsedBytes and handleCount are counts', () => {
    assert.ok(Number.isInteger(engine.heapBytes()) && engine.heapBytes() % 65536 === 0);
    assert.ok(Number.isInteger(engine.heapUsedBytes()) && engine.heapUsedBytes() > 0);
    assert.ok(engine.heapUsedBytes() < engine.heapBytes());
    assert.ok(Number.isInteger(engine.handleCount()) && engine.handleCount() >= 0);
    // A live session holds engine memory; deleting it gives it back.
    const before = engine.heapUsedBytes();
    const s = engine.session(SPEC);
    assert.ok(engine.heapUsedBytes() > before);
    s.delete();
    assert.equal(engine.heapUsedBytes(), before);
  });
});

describe('Session: the phase cursor', () => {
  test('state() of a fresh session', () => {
    withApiSession((s) => {
      const st = s.state();
      assert.deepEqual(st.layers, LAYERS);
      assert.equal(st.cursor, 0);
      const f = (kind, layer, label) => ({ kind, layer, label });
      assert.deepEqual(st.phases, [
        f('forward', 1, 'Forward 1'), f('forward', 2, 'Forward 2'), f('forward', 3, 'Forward 3'), f('loss', 0, 'Loss'),
        f('backward', 3, 'Backward 3'), f('backward', 2, 'Backward 2'), f('backward', 1, 'Backward 1'), f('update', 0, 'Update'),
      ]);
      assert.deepEqual(st.nextPhase, f('forward', 1, 'Forward 1'));
      assert.equal(st.lastPhase, null);
      assert.equal(st.step, 0);
      assert.equal(st.epoch, 0);
      assert.equal(st.loss, null, 'no loss before the first loss phase');
      assert.deepEqual(st.batch, []);
      assert.equal(st.batchSize, M);
      assert.equal(st.learningRate, 0.01);
      assert.equal(st.weightDecay, 0);
      assert.equal(st.fused, true, 'softmax + cross_entropy use the fused gradient');
      assert.equal(st.historySize, 0);
      assert.equal(st.trainExamples, 24);
      assert.equal(st.testExamples, 6);
      assert.equal(st.hasAccuracy, true);
      assert.equal(st.divergence, null);
    });
  });

  test('nextPhase() walks the phases in order and previousPhase() walks back', () => {
    withApiSession((s) => {
      assert.equal(s.previousPhase(), false, 'no history on a fresh session');
      const labels = s.state().phases;
      for (let k = 0; k < labels.length; k++) {
        const r = s.nextPhase();
        assert.deepEqual(r, { phase: labels[k], divergence: null });
        assert.deepEqual(s.state().lastPhase, labels[k]);
        assert.equal(s.state().cursor, (k + 1) % labels.length);
      }
      assert.equal(s.state().step, 1);
      assert.equal(s.state().historySize, labels.length);
      for (let k = labels.length - 1; k >= 0; k--) {
        assert.equal(s.previousPhase(), true);
        assert.equal(s.state().cursor, k);
      }
      assert.equal(s.state().step, 0);
      assert.equal(s.previousPhase(), false);
    });
  });

  test('forward(), backward(), update() run their phases; out of order they throw WRONG_PHASE', () => {
    withApiSession((s) => {
      assert.equal(s.forward(), null);
      assert.equal(s.state().cursor, L + 1);
      assert.equal(s.state().lastPhase.kind, 'loss');
      assert.throws(() => s.forward(), (e) => e instanceof BpxError && e.code === 'WRONG_PHASE');
      assert.throws(() => s.update(), (e) => e.code === 'WRONG_PHASE');
      assert.equal(s.backward(), null);
      assert.equal(s.state().cursor, 2 * L + 1);
      assert.deepEqual(s.state().lastPhase, { kind: 'backward', layer: 1, label: 'Backward 1' });
      assert.equal(s.update(), null);
      assert.equal(s.state().cursor, 0);
      assert.equal(s.state().step, 1);
    });
  });

  test('step() finishes a started step, or runs a whole one', () => {
    withApiSession((s) => {
      s.nextPhase();
      s.nextPhase();
      assert.equal(s.step(), null);
      assert.equal(s.state().cursor, 0);
      assert.equal(s.state().step, 1);
      assert.equal(s.step(), null);
      assert.equal(s.state().step, 2);
    });
  });

  test('train(n) runs n steps and counts epochs (24 examples in batches of 5: 5 batches an epoch)', () => {
    withApiSession((s) => {
      assert.deepEqual(s.train(0), { steps: 0, divergence: null });
      assert.deepEqual(s.train(12), { steps: 12, divergence: null });
      const st = s.state();
      assert.equal(st.step, 12);
      assert.equal(st.epoch, 2);
      assert.equal(st.historySize, 0, 'train keeps no history');
      assert.equal(s.lossHistory().length, 12);
    });
  });

  test('reset() returns to the initial parameters; reset({seed}) draws new ones', () => {
    withApiSession((s) => {
      const W0 = s.W(1).data;
      s.train(3);
      assert.notDeepEqual(s.W(1).data, W0);
      s.reset();
      assert.deepEqual(s.W(1).data, W0);
      assert.equal(s.state().step, 0);
      assert.equal(s.lossHistory().length, 0);
      s.reset({ seed: 4 });
      assert.notDeepEqual(s.W(1).data, W0);
      assert.equal(s.spec().init.seed, 4);
      s.reset({ seed: 3 });
      assert.deepEqual(s.W(1).data, W0, 'the spec\'s own seed gives the same weights');
    });
  });
});

describe('Session: live hyper-parameters', () => {
  test('setLearningRate, setWeightDecay and setBatchSize show in state() and spec()', () => {
    withApiSession((s) => {
      s.setLearningRate(0.05);
      s.setWeightDecay(0.001);
      s.setBatchSize(3);
      const st = s.state();
      assert.equal(st.learningRate, 0.05);
      assert.equal(st.weightDecay, 0.001);
      assert.equal(st.batchSize, 3);
      const spec = s.spec();
      assert.equal(spec.optimizer.learning_rate, 0.05);
      assert.equal(spec.optimizer.weight_decay, 0.001);
      assert.equal(spec.batch_size, 3);
      s.forward();
      assert.equal(s.state().batch.length, 3);
      assert.equal(s.A(0).cols, 3);
    });
  });

  test('the new learning rate drives the next sgd update: W <- W - lr dW', () => {
    engine.withSession(SEED002, (s) => {
      s.setLearningRate(0.5);
      const W = s.W(2).data;
      s.forward();
      s.backward();
      const dW = s.dW(2).data;
      s.update();
      const W1 = s.W(2).data;
      for (let k = 0; k < W.length; k++) assert.equal(W1[k], W[k] - 0.5 * dW[k]);
    });
  });
});

describe('Session: matrices', () => {
  test('every name at every layer, before any phase: parameters full, batch matrices empty', () => {
    withApiSession((s) => {
      for (let l = 1; l <= L; l++) {
        for (const name of NAMES) {
          const [n, c] = expectedShape(name, l, 0);
          checkMatrix(s.matrix(name, l), [n, c]);
        }
      }
      checkMatrix(s.matrix('A', 0), [2, 0]);
      checkMatrix(s.matrix('dA', 0), [2, 0]);
      checkMatrix(s.matrix('Y'), [3, 0]);
      checkMatrix(s.matrix('losses'), [1, 0]);
    });
  });

  test('every name at every layer after a whole step, and the shortcuts agree', () => {
    withApiSession((s) => {
      s.step();
      for (let l = 1; l <= L; l++) {
        for (const name of NAMES) checkMatrix(s.matrix(name, l), expectedShape(name, l, M));
        for (const name of ['W', 'b', 'Z', 'A', 'dA', 'dZ', 'dW', 'db', 'gprime']) {
          assert.deepEqual(s[name](l), s.matrix(name, l), `${name}(${l})`);
        }
      }
      checkMatrix(s.A(0), [2, M]);
      checkMatrix(s.dA(0), [2, M]);
      checkMatrix(s.Y(), [3, M]);
      checkMatrix(s.matrix('losses'), [1, M]);
      assert.deepEqual(s.Y(), s.matrix('Y'));
    });
  });

  test('A[0] and Y are the batch columns of the data; the loss is the mean of the losses', () => {
    withApiSession((s) => {
      s.forward();
      const { batch, loss } = s.state();
      assert.equal(batch.length, M);
      const d = s.data();
      const A0 = rows(s.A(0));
      const Y = rows(s.Y());
      const X = rows(d.X);
      const YT = rows(d.Y);
      batch.forEach((col, k) => {
        for (let i = 0; i < 2; i++) assert.equal(A0[i][k], X[i][col]);
        for (let i = 0; i < 3; i++) assert.equal(Y[i][k], YT[i][col]);
      });
      const losses = s.matrix('losses').data;
      const mean = losses.reduce((a, b) => a + b, 0) / losses.length;
      assert.ok(close(loss, mean, 1e-15), `${loss} vs ${mean}`);
      // Softmax columns sum to 1; cross-entropy of each example is -log of its class's a.
      const A = rows(s.A(L));
      for (let k = 0; k < M; k++) {
        const sum = A[0][k] + A[1][k] + A[2][k];
        assert.ok(close(sum, 1, 1e-15));
        const cls = [0, 1, 2].find((i) => Y[i][k] === 1);
        assert.ok(close(losses[k], -Math.log(A[cls][k]), 1e-13));
      }
    });
  });

  test('backward: dZ[L] = A - Y, dW = dZ A[l-1]^T / m, db = row means of dZ, dA[l-1] = W^T dZ', () => {
    withApiSession((s) => {
      s.forward();
      s.backward();
      const A = rows(s.A(L));
      const Y = rows(s.Y());
      const dZL = rows(s.dZ(L));
      for (let i = 0; i < 3; i++) for (let k = 0; k < M; k++) assert.equal(dZL[i][k], A[i][k] - Y[i][k]);
      for (let l = 1; l <= L; l++) {
        const dZ = rows(s.dZ(l));
        const Ap = rows(s.A(l - 1));
        const dW = rows(s.dW(l));
        const db = s.db(l).data;
        const W = rows(s.W(l));
        const dAp = rows(s.dA(l - 1));
        for (let i = 0; i < LAYERS[l]; i++) {
          let sb = 0;
          for (let k = 0; k < M; k++) sb += dZ[i][k];
          assert.ok(close(db[i], sb / M, 1e-14), `db[${l}]`);
          for (let j = 0; j < LAYERS[l - 1]; j++) {
            let sw = 0;
            for (let k = 0; k < M; k++) sw += dZ[i][k] * Ap[j][k];
            assert.ok(close(dW[i][j], sw / M, 1e-14), `dW[${l}]`);
          }
        }
        for (let j = 0; j < LAYERS[l - 1]; j++) {
          for (let k = 0; k < M; k++) {
            let sa = 0;
            for (let i = 0; i < LAYERS[l]; i++) sa += W[i][j] * dZ[i][k];
            assert.ok(close(dAp[j][k], sa, 1e-14), `dA[${l - 1}]`);
          }
        }
      }
      // g'(Z) of the relu layer is 1 where Z > 0, else 0.
      const Z2 = s.Z(2).data;
      s.gprime(2).data.forEach((g, k) => assert.equal(g, Z2[k] > 0 ? 1 : 0));
    });
  });

  test('copies, not live views: a matrix read before a step keeps its values', () => {
    withApiSession((s) => {
      const W = s.W(1);
      const copy = Float64Array.from(W.data);
      s.train(5);
      assert.deepEqual(W.data, copy);
      assert.notDeepEqual(s.W(1).data, copy);
    });
  });
});

describe('Session: history, evaluation and data', () => {
  test('lossHistory() holds one batch loss per step, the same as the trace', () => {
    withApiSession((s) => {
      assert.ok(s.lossHistory() instanceof Float64Array);
      assert.equal(s.lossHistory().length, 0);
      const trace = s.trace(4);
      const h = s.lossHistory();
      assert.equal(h.length, 4);
      trace.forEach((e, k) => assert.equal(h[k], e.loss));
    });
  });

  test('evaluate() on train and test', () => {
    withApiSession((s) => {
      for (const [which, n] of [['train', 24], ['test', 6]]) {
        const e = s.evaluate(which);
        assert.deepEqual(Object.keys(e).sort(), ['accuracy', 'examples', 'loss']);
        assert.equal(e.examples, n);
        assert.ok(e.loss > 0 && Number.isFinite(e.loss));
        assert.ok(e.accuracy >= 0 && e.accuracy <= 1);
        assert.equal(Math.round(e.accuracy * n), e.accuracy * n, 'a fraction of the examples');
      }
      assert.deepEqual(s.evaluate(), s.evaluate('train'));
    });
    // Explicit data has no test split: loss and accuracy are null (NaN in the engine).
    engine.withSession(SEED002, (s) => {
      assert.deepEqual(s.evaluate('test'), { loss: null, accuracy: null, examples: 0 });
      const e = s.evaluate('train');
      assert.equal(e.examples, 1);
      // bce of the one example at the initial weights, by hand: -log(sigmoid(z2)).
      const [, [yhat]] = forward(SEED002.init.weights, SEED002.init.biases, ['sigmoid', 'sigmoid'], SEED002.data.inputs[0]);
      assert.ok(close(e.loss, -Math.log(yhat), 1e-14));
    });
  });

  test('data(): features, targets, points and labels of both splits', () => {
    withApiSession((s) => {
      const d = s.data();
      checkMatrix(d.X, [2, 24]);
      checkMatrix(d.Y, [3, 24]);
      checkMatrix(d.XTest, [2, 6]);
      checkMatrix(d.YTest, [3, 6]);
      checkMatrix(d.points, [2, 24]);
      checkMatrix(d.pointsTest, [2, 6]);
      assert.ok(d.labels instanceof Float64Array && d.labels.length === 24);
      assert.ok(d.labelsTest instanceof Float64Array && d.labelsTest.length === 6);
      // Features x1, x2 are the points; Y is the one-hot of the label.
      assert.deepEqual(d.X.data, d.points.data);
      const Y = rows(d.Y);
      d.labels.forEach((c, k) => {
        assert.ok([0, 1, 2].includes(c));
        for (let i = 0; i < 3; i++) assert.equal(Y[i][k], i === c ? 1 : 0);
      });
    });
    engine.withSession(SEED002, (s) => {
      const d = s.data();
      assert.deepEqual(rows(d.X), [[1], [2]]);
      assert.deepEqual(rows(d.Y), [[1]]);
      checkMatrix(d.XTest, [2, 0]);
    });
  });
});

describe('Session: predictGrid', () => {
  test('output units only: one map of nx * ny values per output unit, softmax columns sum to 1', () => {
    withApiSession((s) => {
      s.train(20);
      const g = s.predictGrid(7, 5, -6, 6, -4, 4);
      assert.equal(g.nx, 7);
      assert.equal(g.ny, 5);
      assert.equal(g.maps.length, 3);
      g.maps.forEach((m, j) => {
        assert.deepEqual([m.layer, m.unit], [L, j]);
        assert.ok(m.values instanceof Float64Array);
        assert.equal(m.values.length, 35);
        for (const v of m.values) assert.ok(v >= 0 && v <= 1);
      });
      for (let c = 0; c < 35; c++) assert.ok(close(g.maps[0].values[c] + g.maps[1].values[c] + g.maps[2].values[c], 1, 1e-15));
    });
  });

  test('with allUnits: every unit of every layer, in range for its activation, units * nx * ny values', () => {
    withApiSession((s) => {
      s.train(20);
      const g = s.predictGrid(4, 3, -6, 6, -6, 6, { allUnits: true });
      assert.equal(g.maps.length, 4 + 3 + 3);
      assert.equal(g.maps.reduce((n, m) => n + m.values.length, 0), 10 * 4 * 3);
      assert.deepEqual(g.maps.map((m) => `${m.layer}:${m.unit}`), ['1:0', '1:1', '1:2', '1:3', '2:0', '2:1', '2:2', '3:0', '3:1', '3:2']);
      for (const m of g.maps) {
        for (const v of m.values) {
          if (m.layer === 1) assert.ok(v >= -1 && v <= 1, 'tanh');
          if (m.layer === 2) assert.ok(v >= 0, 'relu');
          if (m.layer === 3) assert.ok(v >= 0 && v <= 1, 'softmax');
        }
      }
      // Cell (c, r) is the point (xmin + c * dx, ymin + r * dy), row 0 at ymin: compare a
      // forward pass of that point in plain JS with the current parameters.
      const W = [1, 2, 3].map((l) => rows(s.W(l)));
      const b = [1, 2, 3].map((l) => Array.from(s.b(l).data));
      for (const [c, r] of [[0, 0], [3, 0], [1, 2], [3, 2]]) {
        const x = [-6 + c * 4, -6 + r * 6];
        const a = forward(W, b, SPEC.activations, x);
        for (const m of g.maps) assert.ok(close(m.values[r * 4 + c], a[m.layer - 1][m.unit], 1e-13), `cell ${c},${r} ${m.layer}:${m.unit}`);
      }
    });
  });

  test('precision "float": Float32Array maps close to the double ones', () => {
    withApiSession((s) => {
      s.train(20);
      const d = s.predictGrid(20, 10, -6, 6, -6, 6, { allUnits: true });
      const f = s.predictGrid(20, 10, -6, 6, -6, 6, { allUnits: true, precision: 'float' });
      assert.equal(f.maps.length, d.maps.length);
      f.maps.forEach((m, i) => {
        assert.ok(m.values instanceof Float32Array);
        assert.equal(m.values.length, 200);
        m.values.forEach((v, k) => assert.ok(Math.abs(v - d.maps[i].values[k]) < 1e-4, `${v} vs ${d.maps[i].values[k]}`));
      });
    });
  });

  test('the output range of sigmoid, tanh and linear outputs', () => {
    const base = { layers: [2, 3, 1], init: { scheme: 'he', seed: 5, bias: 0.5 }, data: { dataset: 'plane', points: 20 } };
    const cases = [
      ['sigmoid', { dataset: 'circle', points: 20 }, 'bce', (v) => v >= 0 && v <= 1],
      ['tanh', base.data, 'mse', (v) => v >= -1 && v <= 1],
      ['linear', base.data, 'mse', (v) => Number.isFinite(v)],
    ];
    for (const [out, data, loss, inRange] of cases) {
      engine.withSession({ ...base, activations: ['relu', out], loss, data }, (s) => {
        const g = s.predictGrid(30, 30, -6, 6, -6, 6);
        assert.equal(g.maps.length, 1);
        assert.equal(g.maps[0].values.length, 900);
        for (const v of g.maps[0].values) assert.ok(inRange(v), `${out}: ${v}`);
      });
    }
  });

  test('one row or one column: the grid starts at xmin and ymin', () => {
    engine.withSession({ ...SPEC, activations: ['linear', 'linear', 'softmax'] }, (s) => {
      const one = s.predictGrid(1, 1, 2, 99, 3, 99, { allUnits: true });
      const W = rows(s.W(1));
      const b = s.b(1).data;
      assert.ok(close(one.maps[0].values[0], W[0][0] * 2 + W[0][1] * 3 + b[0], 1e-15));
    });
  });
});

describe('Session: graph, trace, walkthrough, spec', () => {
  test('graph(): nodes with values and gradients; z and a agree with the layer matrices', () => {
    engine.withSession({ ...SPEC, batch_size: 24 }, (s) => {
      s.forward();
      s.backward();
      for (const [layer, unit] of [[1, 2], [2, 0], [3, 1]]) {
        const g = s.graph(layer, unit, { example: 0 });
        assert.deepEqual([g.layer, g.unit, g.example, g.root, g.expanded, g.is_output], [layer, unit, 0, 'loss', true, layer === L]);
        assert.ok(Array.isArray(g.nodes) && g.nodes.length > 3);
        g.nodes.forEach((n, i) => {
          assert.equal(n.id, i);
          assert.equal(typeof n.label, 'string');
          assert.equal(typeof n.op, 'string');
          assert.ok(n.inputs.every((k) => k < i), 'topological order');
          assert.equal(typeof n.value, 'number');
          assert.equal(typeof n.grad, 'number');
        });
        // Batch = all 24 examples in natural order: column 0 is example 0.
        assert.ok(close(g.nodes[g.z].value, rows(s.Z(layer))[unit][0], 1e-14));
        assert.ok(close(g.nodes[g.a].value, rows(s.A(layer))[unit][0], 1e-14));
        assert.ok(close(g.links.delta, rows(s.dZ(layer))[unit][0], 1e-13));
        assert.equal(g.links.learning_rate, 0.01);
        assert.equal(g.links.inputs.length, LAYERS[layer - 1]);
      }
      const grouped = s.graph(1, 0, { expanded: false, root: 'activation', example: 3 });
      assert.deepEqual([grouped.expanded, grouped.root, grouped.example], [false, 'activation', 3]);
      assert.equal(grouped.nodes[grouped.output].grad, 1, 'the root\'s own gradient is 1');
    });
  });

  test('trace(n) and traceText(n): n entries, and the session advances n steps', () => {
    withApiSession((s) => {
      const t = s.trace(2);
      assert.equal(t.length, 2);
      assert.deepEqual(Object.keys(t[0]), ['step', 'epoch', 'batch', 'forward', 'loss', 'backward', 'after']);
      assert.equal(t[0].forward.length, L);
      assert.deepEqual(Object.keys(t[0].forward[0]), ['z', 'a']);
      assert.deepEqual(Object.keys(t[0].backward[0]), ['dA', 'dZ', 'dW', 'db']);
      assert.deepEqual(Object.keys(t[0].after), ['weights', 'biases']);
      assert.equal(t[1].step, 2);
      assert.deepEqual(t[1].after.weights[0], rows(s.W(1)));
      assert.equal(s.state().step, 2);
      const text = s.traceText();
      assert.equal(typeof text, 'string');
      assert.equal(JSON.parse(text)[0].step, 3);
      assert.deepEqual(JSON.parse(text)[0].after.biases[2], Array.from(s.b(3).data));
    });
  });

  test('walkthrough(): Markdown and LaTeX, digits honoured, the session unchanged', () => {
    engine.withSession(SEED002, (s) => {
      const md = s.walkthrough();
      assert.ok(md.startsWith('# Worked example'));
      assert.ok(md.includes('$'));
      const tex = s.walkthrough({ format: 'tex' });
      assert.ok(tex.startsWith('\\'));
      assert.ok(!tex.includes('# Worked'));
      // z[1] = 0.51 exactly; yhat = sigmoid(0.8147964671035836...) shows to the digits asked.
      const short = s.walkthrough({ digits: 3 });
      const long = s.walkthrough({ digits: 12 });
      assert.ok(long.length > short.length);
      assert.ok(md.includes('0.51'));
      assert.equal(s.state().step, 0, 'a walkthrough runs on a fresh copy');
    });
  });

  test('spec(): the normalised spec, equal to validate()', () => {
    withApiSession((s) => {
      const spec = s.spec();
      assert.deepEqual(spec, engine.validate(SPEC).spec);
      assert.deepEqual(spec.layers, LAYERS);
      assert.equal(spec.data.train_fraction, 0.8);
    });
  });
});

describe('Session: ownership', () => {
  test('delete() frees the session, twice is harmless, and later calls throw DELETED', () => {
    const s = engine.session(SPEC);
    s.delete();
    assert.equal(s.deleted, true);
    s.delete();
    assert.throws(() => s.state(), (e) => e instanceof BpxError && e.code === 'DELETED');
    assert.equal(s.L, L, 'sizes stay readable');
  });

  test('Symbol.dispose deletes the session (for `using`)', () => {
    assert.equal(typeof Symbol.dispose, 'symbol');
    const s = engine.session(SPEC);
    assert.equal(typeof s[Symbol.dispose], 'function');
    s[Symbol.dispose]();
    assert.equal(s.deleted, true);
  });
});
