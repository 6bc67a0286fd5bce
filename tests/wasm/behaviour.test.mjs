// The behaviours of the GoogleTest suite (tests/core), run through the wasm module and
// the JS API so that wasm-only bugs are caught: seed 002 and seed 003 known answers
// derived here by plain arithmetic, central finite differences over every parameter,
// the optimizers' formulas, time travel bit for bit, numerical stability, the seeded
// generator (a BigInt PCG32 regenerates data sets, weights and minibatch order), and
// validator errors that name the path.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { SEED002, getEngine, rows } from './support/engine.mjs';
import { Pcg32 } from './support/pcg32.mjs';
import { close, sigmoid } from './support/reference.mjs';
import { DATASET_SPECS, explicitSpec, makeRng } from './support/specs.mjs';

const engine = await getEngine();
const NAMES = ['W', 'b', 'Z', 'A', 'dA', 'dZ', 'dW', 'db', 'gprime', 'mW', 'mb', 'vW', 'vb'];

function near(actual, expected, rel, what) {
  assert.ok(close(actual, expected, rel), `${what}: ${actual} vs ${expected}`);
}

function nearAll(actual, expected, rel, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let k = 0; k < expected.length; k++) near(actual[k], expected[k], rel, `${what}[${k}]`);
}

/** Everything a session shows, as bytes (doubles bit for bit) and the state. */
function snapshot(s, { withHistory = true } = {}) {
  const arrays = [];
  for (let l = 0; l <= s.L; l++) {
    for (const name of NAMES) {
      if (l === 0 && name !== 'A' && name !== 'dA') continue;
      const m = s.matrix(name, l);
      arrays.push(Float64Array.of(m.rows, m.cols), m.data);
    }
  }
  for (const name of ['Y', 'losses']) {
    const m = s.matrix(name);
    arrays.push(Float64Array.of(m.rows, m.cols), m.data);
  }
  arrays.push(s.lossHistory());
  const bytes = Buffer.concat(arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));
  const state = s.state();
  if (!withHistory) {
    delete state.historySize;
    delete state.historyBytes;
  }
  return { bytes: bytes.toString('base64'), state };
}

describe('seed 002: every phase equals the scalar derivation', () => {
  // By hand: x = (1, 2), y = 1, sigmoid hidden and output, bce, sgd at 0.1.
  const x = [1, 2];
  const [[w11, w12], [w21, w22]] = SEED002.init.weights[0];
  const [[v1, v2]] = SEED002.init.weights[1];
  const [[b1, b2], [c]] = SEED002.init.biases;
  const z1 = [w11 * x[0] + w12 * x[1] + b1, w21 * x[0] + w22 * x[1] + b2];
  const a1 = z1.map(sigmoid);
  const z2 = v1 * a1[0] + v2 * a1[1] + c;
  const yhat = sigmoid(z2);
  const loss = -Math.log(yhat);
  const dA2 = -1 / yhat; // d/da of -[y log a + (1 - y) log(1 - a)] at y = 1
  const dZ2 = yhat - 1;
  const dW2 = [dZ2 * a1[0], dZ2 * a1[1]];
  const dA1 = [v1 * dZ2, v2 * dZ2];
  const dZ1 = [dA1[0] * a1[0] * (1 - a1[0]), dA1[1] * a1[1] * (1 - a1[1])];
  const dW1 = [dZ1[0] * x[0], dZ1[0] * x[1], dZ1[1] * x[0], dZ1[1] * x[1]];
  const dA0 = [w11 * dZ1[0] + w21 * dZ1[1], w12 * dZ1[0] + w22 * dZ1[1]];

  test('the numbers are the seed document\'s: z = (0.51, 1.12), y^ = 0.693, loss = 0.367', () => {
    assert.deepEqual(z1, [0.51, 1.12]);
    assert.equal(yhat.toFixed(4), '0.6931');
    assert.equal(loss.toFixed(4), '0.3665');
  });

  test('phase by phase', () => {
    engine.withSession(SEED002, (s) => {
      const labels = [];
      const phase = () => {
        const r = s.nextPhase();
        assert.equal(r.divergence, null);
        labels.push(r.phase.label);
      };
      phase(); // forward 1
      assert.deepEqual(Array.from(s.Z(1).data), z1, 'Z[1] is exact');
      nearAll(s.A(1).data, a1, 1e-15, 'A[1]');
      assert.deepEqual(Array.from(s.A(0).data), x);
      phase(); // forward 2
      near(s.Z(2).data[0], z2, 1e-15, 'Z[2]');
      near(s.A(2).data[0], yhat, 1e-15, 'y^');
      phase(); // loss
      near(s.state().loss, loss, 1e-15, 'loss');
      near(s.matrix('losses').data[0], loss, 1e-15, 'losses');
      near(s.dA(2).data[0], dA2, 1e-15, 'dA[2] (chained, for display)');
      phase(); // backward 2
      near(s.dZ(2).data[0], dZ2, 1e-15, 'dZ[2]');
      nearAll(s.dW(2).data, dW2, 1e-15, 'dW[2]');
      near(s.db(2).data[0], dZ2, 1e-15, 'db[2]');
      nearAll(s.dA(1).data, dA1, 1e-15, 'dA[1]');
      // The chained gradient dA[2] g'(Z[2]) equals the fused one, A - Y.
      near(s.dA(2).data[0] * s.gprime(2).data[0], s.dZ(2).data[0], 1e-15, 'chained = fused');
      phase(); // backward 1
      nearAll(s.dZ(1).data, dZ1, 1e-14, 'dZ[1]');
      nearAll(s.dW(1).data, dW1, 1e-14, 'dW[1]');
      nearAll(s.db(1).data, dZ1, 1e-14, 'db[1]');
      nearAll(s.dA(0).data, dA0, 1e-14, 'dA[0]');
      nearAll(s.gprime(1).data, a1.map((a) => a * (1 - a)), 1e-15, 'g\'(Z[1])');
      phase(); // update
      nearAll(s.W(2).data, [v1 - 0.1 * dW2[0], v2 - 0.1 * dW2[1]], 1e-15, 'W[2] after');
      near(s.b(2).data[0], c - 0.1 * dZ2, 1e-15, 'b[2] after');
      nearAll(s.W(1).data, [w11 - 0.1 * dW1[0], w12 - 0.1 * dW1[1], w21 - 0.1 * dW1[2], w22 - 0.1 * dW1[3]], 1e-15, 'W[1] after');
      nearAll(s.b(1).data, [b1 - 0.1 * dZ1[0], b2 - 0.1 * dZ1[1]], 1e-15, 'b[1] after');
      assert.deepEqual(labels, ['Forward 1', 'Forward 2', 'Loss', 'Backward 2', 'Backward 1', 'Update']);
      assert.deepEqual(labels, s.state().phases.map((p) => p.label));
      const st = s.state();
      assert.deepEqual([st.cursor, st.step, st.epoch, st.lastPhase.kind], [0, 1, 1, 'update']);
      assert.deepEqual(Array.from(s.lossHistory()), [s.state().loss]);
    });
  });

  test('the second step lowers the loss (gradient descent on one example)', () => {
    engine.withSession(SEED002, (s) => {
      const t = s.trace(2);
      assert.ok(t[1].loss < t[0].loss);
      near(t[0].loss, loss, 1e-15, 'trace loss');
    });
  });
});

describe('seed 003: the sigmoid neuron of CS231n, gate by gate', () => {
  const SEED003 = {
    layers: [2, 1], activations: ['sigmoid'], loss: 'mse',
    init: { weights: [[[2.0, -3.0]]], biases: [[-3.0]] },
    data: { inputs: [[-1.0, -2.0]], targets: [[1.0]] },
  };
  test('expanded, gradients of the neuron\'s output', () => {
    engine.withSession(SEED003, (s) => {
      const g = s.graph(1, 0, { root: 'activation' });
      const node = (label) => {
        const n = g.nodes.find((m) => m.label === label);
        assert.ok(n, `a node labelled ${label}`);
        return n;
      };
      // z = 2(-1) + (-3)(-2) + (-3) = 1; a = 1/(1 + e^-1); da/dz = a(1 - a).
      const e = Math.exp(-1);
      const a = 1 / (1 + e);
      const dz = a * (1 - a);
      assert.equal(node('z').value, 1);
      near(node('a').value, a, 1e-15, 'a');
      assert.equal(node('-z').value, -1);
      near(node('exp(-z)').value, e, 1e-15, 'exp(-z)');
      near(node('1+exp(-z)').value, 1 + e, 1e-15, '1+exp(-z)');
      near(node('1+exp(-z)').grad, -1 / ((1 + e) * (1 + e)), 1e-14, 'd(1/x)/dx');
      near(node('exp(-z)').grad, -1 / ((1 + e) * (1 + e)), 1e-14, '+1 passes');
      near(node('-z').grad, -e / ((1 + e) * (1 + e)), 1e-14, 'exp multiplies');
      near(node('z').grad, dz, 1e-14, 'neg flips');
      near(node('w1').grad, -1 * dz, 1e-14, 'w1 (CS231n: -0.20)');
      near(node('x1').grad, 2 * dz, 1e-14, 'x1 (0.39)');
      near(node('w2').grad, -2 * dz, 1e-14, 'w2 (-0.39)');
      near(node('x2').grad, -3 * dz, 1e-14, 'x2 (-0.59)');
      near(node('b').grad, dz, 1e-14, 'b (0.20)');
      assert.equal(node('w1*x1').value, -2);
      assert.equal(node('w2*x2').value, 6);
      assert.equal(node('w.x').value, 4);
      assert.equal(g.nodes[g.output].grad, 1);
    });
  });

  test('grouped, with the loss as root: the same gradients as the expanded graph', () => {
    engine.withSession(SEED003, (s) => {
      const ex = s.graph(1, 0);
      const gr = s.graph(1, 0, { expanded: false });
      assert.ok(gr.nodes.length < ex.nodes.length);
      for (const label of ['w1', 'w2', 'x1', 'x2', 'b', 'z', 'a']) {
        const a = ex.nodes.find((n) => n.label === label);
        const b = gr.nodes.find((n) => n.label === label);
        near(b.grad, a.grad, 1e-14, label);
      }
      // mse, one example: dL/da = a - y; and the weight gradients match dW of the layer.
      const a = ex.nodes[ex.a].value;
      near(ex.links.dL_da, a - 1, 1e-15, 'dL/da');
      s.forward();
      s.backward();
      nearAll([ex.nodes.find((n) => n.label === 'w1').grad, ex.nodes.find((n) => n.label === 'w2').grad], s.dW(1).data, 1e-14, 'dW');
    });
  });
});

describe('central finite differences over every parameter', () => {
  // Full-batch networks with explicit weights; the loss is the mean over the examples,
  // evaluate('train') at weights moved by +-h, against dW and db of one backward pass.
  const NETWORKS = [
    ['tanh -> softmax + cross_entropy', [3, 4, 3], ['tanh', 'softmax'], 'cross_entropy'],
    ['sigmoid -> leaky_relu -> sigmoid + bce', [2, 3, 3, 1], ['sigmoid', 'leaky_relu', 'sigmoid'], 'bce'],
    ['relu -> linear + mse', [2, 4, 2], ['relu', 'linear'], 'mse'],
    ['linear -> tanh + mse', [3, 2, 2], ['linear', 'tanh'], 'mse'],
    ['sigmoid -> softmax + mse (the full softmax Jacobian)', [2, 3, 3], ['sigmoid', 'softmax'], 'mse'],
    ['sigmoid output + mse, no hidden layer', [4, 2], ['sigmoid'], 'mse'],
  ];
  NETWORKS.forEach(([name, layers, activations, loss], index) => {
    test(name, () => {
      const rng = makeRng(500 + index);
      const L = layers.length - 1;
      const N = 5;
      const out = activations[L - 1];
      const targets = Array.from({ length: N }, () => {
        if (out === 'softmax') {
          const row = new Array(layers[L]).fill(0);
          row[rng.int(0, layers[L] - 1)] = 1;
          return row;
        }
        return Array.from({ length: layers[L] }, () => (loss === 'bce' ? rng.int(0, 1) : rng.uniform(-0.9, 0.9)));
      });
      const spec = {
        layers, activations, loss, optimizer: { type: 'sgd', learning_rate: 0.1 },
        init: {
          weights: layers.slice(1).map((n, l) => Array.from({ length: n }, () => Array.from({ length: layers[l] }, () => rng.uniform(-1.5, 1.5)))),
          biases: layers.slice(1).map((n) => Array.from({ length: n }, () => rng.uniform(-0.5, 0.5))),
        },
        data: { inputs: Array.from({ length: N }, () => Array.from({ length: layers[0] }, () => rng.uniform(-2, 2))), targets },
      };
      const grads = engine.withSession(spec, (s) => {
        s.forward();
        // Away from the kinks of relu and leaky_relu, where the derivative is defined.
        for (let l = 1; l <= L; l++) {
          if (activations[l - 1].includes('relu')) for (const z of s.Z(l).data) assert.ok(Math.abs(z) > 1e-3, `z = ${z} too near 0`);
        }
        s.backward();
        return { W: [...Array(L)].map((_, l) => rows(s.dW(l + 1))), b: [...Array(L)].map((_, l) => Array.from(s.db(l + 1).data)) };
      });
      const lossAt = (edit) => {
        const moved = structuredClone(spec);
        edit(moved.init);
        return engine.withSession(moved, (s) => s.evaluate('train').loss);
      };
      const h = 1e-5;
      let checked = 0;
      for (let l = 0; l < L; l++) {
        for (let i = 0; i < layers[l + 1]; i++) {
          const check = (analytic, edit, what) => {
            const numeric = (lossAt((init) => edit(init, +h)) - lossAt((init) => edit(init, -h))) / (2 * h);
            assert.ok(Math.abs(numeric - analytic) <= 1e-8 + 1e-6 * Math.abs(analytic), `${what}: backward ${analytic}, differences ${numeric}`);
            checked++;
          };
          for (let j = 0; j < layers[l]; j++) {
            check(grads.W[l][i][j], (init, d) => { init.weights[l][i][j] += d; }, `dW[${l + 1}][${i}][${j}]`);
          }
          check(grads.b[l][i], (init, d) => { init.biases[l][i] += d; }, `db[${l + 1}][${i}]`);
        }
      }
      assert.equal(checked, layers.slice(1).reduce((n, u, l) => n + u * (layers[l] + 1), 0), 'every parameter');
    });
  });
});

describe('optimizers', () => {
  const spec = (optimizer) => ({ ...explicitSpec(4), optimizer, batch_size: 2 });
  const params = (s) => [...Array(s.L)].flatMap((_, l) => [Array.from(s.W(l + 1).data), Array.from(s.b(l + 1).data)]);
  const grads = (s) => {
    s.forward();
    s.backward();
    return [...Array(s.L)].flatMap((_, l) => [Array.from(s.dW(l + 1).data), Array.from(s.db(l + 1).data)]);
  };

  test('sgd with weight decay: W <- W - lr (dW + wd W), b <- b - lr db (no decay on biases)', () => {
    engine.withSession(spec({ type: 'sgd', learning_rate: 0.2, weight_decay: 0.05 }), (s) => {
      for (let step = 0; step < 3; step++) {
        const p = params(s);
        const g = grads(s);
        s.update();
        params(s).forEach((q, k) => {
          const isW = k % 2 === 0;
          nearAll(q, p[k].map((w, i) => w - 0.2 * (g[k][i] + (isW ? 0.05 * w : 0))), 1e-15, `step ${step} #${k}`);
        });
      }
    });
  });

  test('momentum: v <- momentum v + g, W <- W - lr v; the velocity survives a rate change', () => {
    engine.withSession(spec({ type: 'momentum', learning_rate: 0.2, momentum: 0.8 }), (s) => {
      let v = null;
      for (const lr of [0.2, 0.05, 0.05]) {
        s.setLearningRate(lr);
        const p = params(s);
        const g = grads(s);
        v = v ? v.map((vk, k) => vk.map((x, i) => 0.8 * x + g[k][i])) : g;
        s.update();
        params(s).forEach((q, k) => nearAll(q, p[k].map((w, i) => w - lr * v[k][i]), 1e-14, `lr ${lr} #${k}`));
        nearAll(s.matrix('mW', 1).data, v[0], 1e-14, 'velocity of W[1]');
      }
    });
  });

  test('adam: moments with bias correction over three steps', () => {
    const [b1, b2, eps, lr] = [0.8, 0.95, 1e-7, 0.01];
    engine.withSession(spec({ type: 'adam', learning_rate: lr, beta1: b1, beta2: b2, epsilon: eps }), (s) => {
      let m = null;
      let v = null;
      for (let t = 1; t <= 3; t++) {
        const p = params(s);
        const g = grads(s);
        m = g.map((gk, k) => gk.map((x, i) => (m ? b1 * m[k][i] : 0) + (1 - b1) * x));
        v = g.map((gk, k) => gk.map((x, i) => (v ? b2 * v[k][i] : 0) + (1 - b2) * x * x));
        s.update();
        const c1 = 1 - b1 ** t;
        const c2 = 1 - b2 ** t;
        params(s).forEach((q, k) => nearAll(q, p[k].map((w, i) => w - (lr * (m[k][i] / c1)) / (Math.sqrt(v[k][i] / c2) + eps)), 1e-13, `t ${t} #${k}`));
        nearAll(s.matrix('mW', 1).data, m[0], 1e-14, 'm of W[1]');
        nearAll(s.matrix('vb', 1).data, v[1], 1e-14, 'v of b[1]');
        if (t === 1) {
          // The first step moves each parameter by about lr sign(g).
          p.forEach((pk, k) => pk.forEach((w, i) => {
            if (Math.abs(g[k][i]) > 1e-3) near(w - params(s)[k][i], lr * Math.sign(g[k][i]), 1e-3, 'first adam step');
          }));
        }
      }
    });
  });
});

describe('time travel', () => {
  const CASES = [
    ['adam, minibatches, from a step start', { ...DATASET_SPECS[2].spec }, 0],
    ['adam, minibatches, from mid-step', { ...DATASET_SPECS[2].spec }, 3],
    ['momentum, batch 1, from mid-step', { ...DATASET_SPECS[1].spec }, 5],
    ['sgd, explicit data', explicitSpec(6), 1],
  ];
  for (const [name, spec, extra] of CASES) {
    test(`${name}: 40 phases forward, back and forward again, bit for bit`, () => {
      engine.withSession(spec, (s) => {
        s.train(3);
        for (let i = 0; i < extra; i++) s.nextPhase();
        const forward = [snapshot(s, { withHistory: false })];
        for (let i = 0; i < 40; i++) {
          s.nextPhase();
          forward.push(snapshot(s, { withHistory: false }));
        }
        assert.ok(forward[40].state.step - forward[0].state.step >= 4, 'the walk crosses steps');
        assert.notDeepEqual(forward[40], forward[0]);
        for (let i = 39; i >= 0; i--) {
          assert.equal(s.previousPhase(), true);
          assert.deepEqual(snapshot(s, { withHistory: false }), forward[i], `back at ${i}`);
        }
        for (let i = 1; i <= 40; i++) {
          s.nextPhase();
          assert.deepEqual(snapshot(s, { withHistory: false }), forward[i], `replaying ${i}`);
        }
      });
    });
  }

  test('previousPhase() on a fresh session returns false; the history keeps at least 64 phases', () => {
    engine.withSession(DATASET_SPECS[0].spec, (s) => {
      assert.equal(s.previousPhase(), false);
      for (let i = 0; i < 100; i++) s.nextPhase();
      let back = 0;
      while (s.previousPhase()) back++;
      assert.ok(back >= 64 && back <= 100, `${back} phases back`);
      assert.equal(s.state().historySize, 0);
    });
  });

  test('train(n) equals n single steps, bit for bit', () => {
    for (const spec of [DATASET_SPECS[2].spec, DATASET_SPECS[4].spec, explicitSpec(5)]) {
      const a = engine.withSession(spec, (s) => {
        s.train(7);
        return snapshot(s, { withHistory: false });
      });
      const b = engine.withSession(spec, (s) => {
        for (let i = 0; i < 7; i++) s.step();
        return snapshot(s, { withHistory: false });
      });
      assert.deepEqual(a, b);
    }
  });

  test('train from the middle of a step finishes that step first', () => {
    const spec = DATASET_SPECS[0].spec;
    const a = engine.withSession(spec, (s) => {
      s.nextPhase();
      s.nextPhase();
      assert.equal(s.train(1).steps, 1);
      return snapshot(s, { withHistory: false });
    });
    const b = engine.withSession(spec, (s) => {
      s.step();
      return snapshot(s, { withHistory: false });
    });
    assert.equal(a.state.step, 1);
    assert.deepEqual(a, b);
  });

  test('reset() returns to the initial state', () => {
    engine.withSession(DATASET_SPECS[4].spec, (s) => {
      const fresh = snapshot(s);
      s.train(9);
      s.nextPhase();
      s.reset();
      assert.deepEqual(snapshot(s), fresh);
    });
  });
});

describe('numerical stability', () => {
  const unit = (activation, loss, w, y, lr = 0.1) => ({
    layers: [1, 1], activations: [activation], loss, optimizer: { type: 'sgd', learning_rate: lr },
    init: { weights: [[[w]]], biases: [[0]] }, data: { inputs: [[1]], targets: [[y]] },
  });

  test('sigmoid at z = +-1000 saturates to exactly 1 and 0; bce on the logits stays exact', () => {
    engine.withSession(unit('sigmoid', 'bce', 1000, 0), (s) => {
      s.forward();
      assert.equal(s.A(1).data[0], 1);
      assert.equal(s.state().loss, 1000, 'max(z, 0) - z y + log(1 + e^-|z|) = 1000');
      s.backward();
      assert.equal(s.dZ(1).data[0], 1, 'the fused gradient A - Y');
      assert.equal(s.dW(1).data[0], 1);
      assert.equal(s.update(), null, 'no divergence');
      assert.equal(s.W(1).data[0], 1000 - 0.1);
    });
    engine.withSession(unit('sigmoid', 'bce', -1000, 1), (s) => {
      s.forward();
      assert.equal(s.A(1).data[0], 0);
      assert.equal(s.state().loss, 1000);
    });
  });

  test('tanh at z = -1000 is exactly -1 with a finite slope', () => {
    engine.withSession(unit('tanh', 'mse', -1000, 0), (s) => {
      s.forward();
      assert.equal(s.A(1).data[0], -1);
      s.backward();
      assert.equal(s.gprime(1).data[0], 0);
      assert.ok(Number.isFinite(s.dW(1).data[0]));
    });
  });

  test('softmax of (1000, 999, 998) equals softmax of (2, 1, 0)', () => {
    const spec = {
      layers: [1, 3], activations: ['softmax'], loss: 'cross_entropy',
      init: { weights: [[[1000], [999], [998]]], biases: [[0, 0, 0]] }, data: { inputs: [[1]], targets: [[1, 0, 0]] },
    };
    engine.withSession(spec, (s) => {
      s.forward();
      const sum = Math.exp(2) + Math.exp(1) + 1;
      nearAll(s.A(1).data, [Math.exp(2) / sum, Math.exp(1) / sum, 1 / sum], 1e-15, 'softmax');
      near(s.state().loss, Math.log(sum) - 2, 1e-14, 'cross-entropy through log-softmax');
    });
  });

  test('divergence is reported with its step, phase and quantity; reset recovers', () => {
    engine.withSession(unit('linear', 'mse', 1, 0, 100), (s) => {
      // x = 1: each step multiplies w by (1 - 100) = -99.
      const out = s.train(1000);
      assert.ok(out.steps < 1000);
      assert.ok(out.divergence);
      assert.equal(out.divergence.step, out.steps);
      assert.ok(['Z', 'A', 'loss', 'dA', 'dZ', 'dW', 'db', 'W', 'b'].includes(out.divergence.quantity));
      // Divergences name the phase in lower case ("forward 1"), as their messages do.
      assert.ok(s.state().phases.some((p) => p.label.toLowerCase() === out.divergence.phase));
      assert.match(out.divergence.message, /NaN or infinite/);
      assert.deepEqual(s.state().divergence, out.divergence);
      s.reset();
      assert.equal(s.W(1).data[0], 1);
      assert.equal(s.state().divergence, null);
    });
  });
});

describe('the seeded generator, regenerated by a BigInt PCG32', () => {
  test('the reference PCG32 gives the published pcg32-demo outputs', () => {
    const rng = new Pcg32(42, 54);
    const published = [0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e];
    assert.deepEqual(published.map(() => rng.nextU32()), published);
  });

  test('circle, seed 7, 200 points: every point and label, after the shuffle', () => {
    const spec = { layers: [2, 1], activations: ['sigmoid'], loss: 'bce', data: { dataset: 'circle', points: 200, seed: 7 } };
    const rng = new Pcg32(7, 1); // data sets use stream 1
    const all = [];
    for (let i = 0; i < 200; i++) {
      const r = i < 100 ? rng.uniformIn(0, 2.5) : rng.uniformIn(3.5, 5);
      const angle = rng.uniformIn(0, 2 * Math.PI);
      rng.uniform(); // the two noise draws, times noise 0
      rng.uniform();
      const x = r * Math.sin(angle);
      const y = r * Math.cos(angle);
      all.push([x, y, Math.sqrt(x * x + y * y) < 2.5 ? 1 : 0]);
    }
    const order = rng.shuffled(200);
    engine.withSession(spec, (s) => {
      const d = s.data();
      const P = rows(d.points);
      order.forEach((src, k) => {
        const [x, y, label] = all[src];
        assert.ok(Math.abs(P[0][k] - x) < 1e-14 && Math.abs(P[1][k] - y) < 1e-14, `point ${k}`);
        assert.equal(d.labels[k], label, `label ${k}`);
        assert.equal(d.Y.data[k], label);
      });
      // The first point drawn: r = 1.2896, angle = 2.8595 (pinned in the core suite).
      const k0 = order.indexOf(0);
      near(P[0][k0], 0.358971432731337, 1e-14, 'x of the first point');
      near(P[1][k0], -1.2386119238659083, 1e-14, 'y of the first point');
    });
  });

  test('xavier and uniform initial weights, bit for bit', () => {
    for (const scheme of ['xavier', 'uniform']) {
      const layers = [2, 5, 4, 1];
      const spec = { ...DATASET_SPECS[0].spec, layers, activations: ['tanh', 'relu', 'sigmoid'], init: { scheme, seed: 123456789, bias: 0.25 } };
      const rng = new Pcg32(123456789, 2); // initial weights use stream 2
      engine.withSession(spec, (s) => {
        for (let l = 1; l < layers.length; l++) {
          const fanIn = layers[l - 1];
          const fanOut = layers[l];
          const limit = scheme === 'xavier' ? Math.sqrt(6 / (fanIn + fanOut)) : 0.5;
          const expected = Array.from({ length: fanIn * fanOut }, () => rng.uniformIn(-limit, limit));
          assert.deepEqual(Array.from(s.W(l).data), expected, `${scheme} W[${l}]`);
          assert.deepEqual(Array.from(s.b(l).data), new Array(fanOut).fill(0.25));
        }
      });
    }
  });

  test('he initial weights: the polar method, to the last bits of log', () => {
    const spec = { ...DATASET_SPECS[0].spec, layers: [2, 6, 1], init: { scheme: 'he', seed: 99 } };
    const rng = new Pcg32(99, 2);
    let spare = null;
    const normal = () => {
      if (spare !== null) {
        const out = spare;
        spare = null;
        return out;
      }
      let u;
      let v;
      let q;
      do {
        u = 2 * rng.uniform() - 1;
        v = 2 * rng.uniform() - 1;
        q = u * u + v * v;
      } while (q >= 1 || q === 0);
      const f = Math.sqrt((-2 * Math.log(q)) / q);
      spare = v * f;
      return u * f;
    };
    engine.withSession(spec, (s) => {
      for (const [l, fanIn, n] of [[1, 2, 12], [2, 6, 6]]) {
        const expected = Array.from({ length: n }, () => 0 + Math.sqrt(2 / fanIn) * normal());
        nearAll(s.W(l).data, expected, 1e-14, `W[${l}]`);
      }
    });
  });

  test('the minibatch order: a fresh Fisher-Yates shuffle each epoch, batches not crossing epochs', () => {
    const spec = { ...DATASET_SPECS[2].spec }; // 36 training points, batch 5, seed 9
    const rng = new Pcg32(9, 3); // minibatch order uses stream 3
    const expected = [];
    for (let epoch = 0; epoch < 3; epoch++) {
      const order = rng.shuffled(36);
      for (let k = 0; k < 36; k += 5) expected.push(order.slice(k, k + 5));
    }
    engine.withSession(spec, (s) => {
      for (const batch of expected) {
        s.step();
        assert.deepEqual(s.state().batch, batch);
      }
      assert.equal(s.state().epoch, 3);
    });
  });

  test('the same seeds give identical data and weights; another data seed gives other points', () => {
    for (const { spec } of DATASET_SPECS) {
      const a = engine.withSession(spec, (s) => snapshot(s));
      const b = engine.withSession(spec, (s) => snapshot(s));
      assert.deepEqual(a, b);
      const pointsOf = (sp) => engine.withSession(sp, (s) => Array.from(s.data().points.data));
      assert.notDeepEqual(pointsOf(spec), pointsOf({ ...spec, data: { ...spec.data, seed: spec.data.seed + 1 } }));
    }
  });

  test('data set rules without noise: xor labels follow the sign of x y; plane targets are (x + y) / 10; tanh targets are -1 and +1', () => {
    engine.withSession({ layers: [2, 1], activations: ['tanh'], loss: 'mse', data: { dataset: 'xor', points: 100, seed: 5 } }, (s) => {
      const d = s.data();
      const P = rows(d.points);
      d.labels.forEach((label, k) => {
        assert.equal(label, P[0][k] * P[1][k] >= 0 ? 1 : 0);
        assert.equal(d.Y.data[k], label === 1 ? 1 : -1);
      });
    });
    engine.withSession({ layers: [2, 1], activations: ['linear'], loss: 'mse', data: { dataset: 'plane', points: 50, seed: 5 } }, (s) => {
      const d = s.data();
      const P = rows(d.points);
      d.labels.forEach((label, k) => assert.equal(label, Math.min(1, Math.max(-1, (P[0][k] + P[1][k]) / 10))));
    });
  });

  test('features are computed from the point: squares, product and sines', () => {
    const spec = {
      layers: [7, 1], activations: ['sigmoid'], loss: 'bce',
      data: { dataset: 'spiral', points: 30, seed: 3, noise: 0.2, features: ['x1', 'x2', 'x1_sq', 'x2_sq', 'x1_x2', 'sin_x1', 'sin_x2'] },
    };
    engine.withSession(spec, (s) => {
      const d = s.data();
      const P = rows(d.points);
      const X = rows(d.X);
      P[0].forEach((x1, k) => {
        const x2 = P[1][k];
        assert.deepEqual([X[0][k], X[1][k], X[2][k], X[3][k], X[4][k]], [x1, x2, x1 * x1, x2 * x2, x1 * x2]);
        near(X[5][k], Math.sin(x1), 1e-15, 'sin x1');
        near(X[6][k], Math.sin(x2), 1e-15, 'sin x2');
      });
    });
  });
});

describe('the validator', () => {
  test('bad specs name the path and say what was expected', () => {
    const cases = [
      [{ ...SEED002, layers: [2, 0, 1] }, 'layers[1]', /between 1 and 64/],
      [{ ...SEED002, activations: ['sigmoid', 'gelu'] }, 'activations[1]', /unknown activation "gelu"/],
      [{ ...SEED002, loss: 'cross_entropy' }, 'loss', /softmax/],
      [{ ...SEED002, optimizer: { type: 'sgd', learning_rate: -1 } }, 'optimizer.learning_rate', /\(0, 100\]/],
      [{ ...SEED002, data: { inputs: [[1, 2]], targets: [[3]] } }, 'data.targets[0][0]', /\[0, 1\]/],
      [{ ...SEED002, batch_size: 5 }, 'batch_size', /training examples is 1/],
    ];
    for (const [spec, path, says] of cases) {
      const v = engine.validate(spec);
      assert.equal(v.ok, false);
      assert.equal(v.error.code, 'INVALID_SPEC');
      assert.equal(v.error.path, path);
      assert.ok(v.error.message.startsWith(`${path}: `), v.error.message);
      assert.match(v.error.message, says);
    }
  });

  test('good specs round-trip: session(spec()) shows the same spec and trains the same', () => {
    for (const spec of [SEED002, ...DATASET_SPECS.map((c) => c.spec), explicitSpec(0), explicitSpec(7)]) {
      const full = engine.withSession(spec, (s) => s.spec());
      assert.deepEqual(engine.validate(full).spec, full);
      const a = engine.withSession(spec, (s) => s.traceText(2));
      const b = engine.withSession(full, (s) => s.traceText(2));
      assert.equal(a, b);
    }
  });

  test('defaults are filled in', () => {
    const v = engine.validate({ layers: [2, 1], activations: ['sigmoid'], loss: 'bce', data: { dataset: 'circle' } });
    assert.equal(v.ok, true);
    assert.deepEqual(v.spec.optimizer, { type: 'sgd', learning_rate: 0.1 });
    assert.equal(v.spec.batch_size, undefined, 'the whole training set');
    assert.deepEqual(v.spec.init, { scheme: 'xavier', seed: 1, bias: 0 });
    assert.deepEqual(v.spec.data, { dataset: 'circle', points: 200, noise: 0, train_fraction: 1, seed: 1, classes: 2, features: ['x1', 'x2'] });
  });
});
