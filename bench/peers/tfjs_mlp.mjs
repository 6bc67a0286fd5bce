// The TensorFlow.js contender: the same network, data and work as the engine's, written
// the way a TF.js user would write it for speed (raw ops and variables rather than
// tf.layers, optimizer.minimize for the gradient step, tf.tidy, one readback per result).
//
// All tensors of one contender are created while its backend is the active one, and
// run() activates that backend before each use, so no data moves between backends.

const ACT = {
  tanh: (tf, z) => tf.tanh(z),
  sigmoid: (tf, z) => tf.sigmoid(z),
  relu: (tf, z) => tf.relu(z),
  linear: (_tf, z) => z,
};

/**
 * spec: the engine spec (layers, activations, loss, optimizer.learning_rate, batch_size).
 * init: {W: [rows-first Float64Array n_l x n_{l-1}], b: [Float64Array n_l]} per layer.
 * data: {X: Float64Array 2 x n (rows first), Y: Float64Array n, XTest, YTest, n, nTest}.
 * grid: Float32Array of cells x 2 (x1, x2 per cell).
 */
export async function makeTfContender(tf, backend, { spec, init, data, grid }) {
  await tf.setBackend(backend);
  await tf.ready();
  const L = spec.layers.length - 1;
  const acts = spec.activations;
  const fusedBce = spec.loss === 'bce';
  const kernels = [];
  const biases = [];
  for (let l = 1; l <= L; l++) {
    const nIn = spec.layers[l - 1];
    const nOut = spec.layers[l];
    const k = new Float32Array(nIn * nOut); // [nIn, nOut] = W^T
    for (let j = 0; j < nOut; j++) for (let i = 0; i < nIn; i++) k[i * nOut + j] = init.W[l - 1][j * nIn + i];
    kernels.push(tf.variable(tf.tensor2d(k, [nIn, nOut])));
    biases.push(tf.variable(tf.tensor1d(Float32Array.from(init.b[l - 1]))));
  }
  const examplesFirst = (X, n) => {
    const out = new Float32Array(n * 2);
    for (let k = 0; k < n; k++) {
      out[2 * k] = X[k];
      out[2 * k + 1] = X[n + k];
    }
    return tf.tensor2d(out, [n, 2]);
  };
  const X = examplesFirst(data.X, data.n);
  const Y = tf.tensor2d(Float32Array.from(data.Y), [data.n, 1]);
  const XTest = data.nTest > 0 ? examplesFirst(data.XTest, data.nTest) : null;
  const YTest = data.nTest > 0 ? tf.tensor2d(Float32Array.from(data.YTest), [data.nTest, 1]) : null;
  const G = grid ? tf.tensor2d(grid, [grid.length / 2, 2]) : null;
  const optimizer = tf.train.sgd(spec.optimizer.learning_rate);

  // Activations of every layer; with bce the last entry is the logit (sigmoid applied by the loss).
  function forward(x, { logits = false } = {}) {
    const out = [];
    let a = x;
    for (let l = 0; l < L; l++) {
      const z = tf.add(tf.matMul(a, kernels[l]), biases[l]);
      a = l === L - 1 && logits ? z : ACT[acts[l]](tf, z);
      out.push(a);
    }
    return out;
  }
  // The engine's losses: mse = mean over examples of 1/2 sum (a - y)^2; bce on the logits.
  function loss(x, y) {
    if (fusedBce) return tf.losses.sigmoidCrossEntropy(y, forward(x, { logits: true })[L - 1]);
    const a = forward(x)[L - 1];
    return tf.mul(0.5, tf.mean(tf.sum(tf.square(tf.sub(a, y)), 1)));
  }

  const n = data.n;
  const batchSize = spec.batch_size || n;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  function shuffle() {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  const api = {
    name: `tfjs-${backend}`,
    backend,
    /** One epoch of minibatch SGD (shuffled), as the engine's train(updates per epoch). */
    trainEpoch() {
      if (batchSize >= n) {
        optimizer.minimize(() => loss(X, Y));
        return;
      }
      shuffle();
      tf.tidy(() => {
        const idx = tf.tensor1d(order, 'int32');
        const Xs = tf.gather(X, idx);
        const Ys = tf.gather(Y, idx);
        for (let start = 0; start < n; start += batchSize) {
          const size = Math.min(batchSize, n - start);
          const xb = tf.slice(Xs, [start, 0], [size, 2]);
          const yb = tf.slice(Ys, [start, 0], [size, 1]);
          optimizer.minimize(() => loss(xb, yb));
          xb.dispose();
          yb.dispose();
        }
      });
    },
    /** One full-batch step. */
    step() {
      optimizer.minimize(() => loss(X, Y));
    },
    /** Loss on the training and the test data, read back. */
    losses() {
      const tr = tf.tidy(() => loss(X, Y));
      const lossTrain = tr.dataSync()[0];
      tr.dispose();
      let lossTest = NaN;
      if (XTest) {
        const te = tf.tidy(() => loss(XTest, YTest));
        lossTest = te.dataSync()[0];
        te.dispose();
      }
      return { lossTrain, lossTest };
    },
    /** Every unit over the grid: one [cells, units] block per layer, read back. */
    grid() {
      const outs = tf.tidy(() => forward(G));
      const maps = outs.map((t) => t.dataSync());
      for (const t of outs) t.dispose();
      return maps;
    },
    frame() {
      api.trainEpoch();
      const l = api.losses();
      api.grid();
      return l;
    },
    /** The parameters as rows-first W (n_l x n_{l-1}) and b, in float64, for checks. */
    parameters() {
      const W = [];
      const b = [];
      for (let l = 0; l < L; l++) {
        const [nIn, nOut] = kernels[l].shape;
        const k = kernels[l].dataSync();
        const w = new Float64Array(nOut * nIn);
        for (let j = 0; j < nOut; j++) for (let i = 0; i < nIn; i++) w[j * nIn + i] = k[i * nOut + j];
        W.push(w);
        b.push(Float64Array.from(biases[l].dataSync()));
      }
      return { W, b };
    },
    dispose() {
      for (const t of [...kernels, ...biases, X, Y, XTest, YTest, G]) if (t) t.dispose();
      optimizer.dispose();
    },
  };
  return api;
}
