// Specs for the parity and behaviour tests: a seeded generator (mulberry32, defined
// here so every run draws the same networks) and builders that cover every activation,
// loss, optimizer, batch size, init scheme and data set.

/** mulberry32: a small seeded generator of uniform doubles in [0, 1). */
export function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

export const HIDDEN = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'softplus', 'linear'];
export const OUTPUTS = [
  { activation: 'sigmoid', loss: 'bce' },
  { activation: 'softmax', loss: 'cross_entropy' },
  { activation: 'tanh', loss: 'mse' },
  { activation: 'linear', loss: 'mse' },
  { activation: 'sigmoid', loss: 'mse' },
  { activation: 'softmax', loss: 'mse' },
];
export const OPTIMIZERS = [
  { type: 'sgd', learning_rate: 0.1 },
  { type: 'momentum', learning_rate: 0.05, momentum: 0.9 },
  { type: 'adam', learning_rate: 0.01 },
  { type: 'sgd', learning_rate: 0.1, weight_decay: 0.01 },
  { type: 'adam', learning_rate: 0.02, beta1: 0.8, beta2: 0.99, epsilon: 1e-7, weight_decay: 0.001 },
  { type: 'momentum', learning_rate: 0.1, momentum: 0.5, weight_decay: 0.05 },
];
export const SCHEMES = ['xavier', 'he', 'lecun', 'uniform'];

function matrix(rng, rows, cols, lo, hi) {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.uniform(lo, hi)));
}

// A target row for one example, valid for the output activation and loss.
function target(rng, out, n) {
  if (out.activation === 'softmax') {
    const row = new Array(n).fill(0);
    if (out.loss === 'cross_entropy' && rng.next() < 0.3 && n >= 2) {
      row[0] = 0.25; // probabilities that sum to 1 exactly
      row[1] = 0.75;
    } else {
      row[rng.int(0, n - 1)] = 1;
    }
    return row;
  }
  return Array.from({ length: n }, () => {
    if (out.loss === 'bce') return rng.next() < 0.8 ? rng.int(0, 1) : rng.uniform(0, 1);
    if (out.activation === 'tanh') return rng.uniform(-1, 1);
    if (out.activation === 'sigmoid') return rng.uniform(0, 1);
    return rng.uniform(-2, 2);
  });
}

/**
 * Random network number i on explicit data. Over i = 0..29 every hidden activation meets
 * every depth (0, 1, 2 hidden layers), every output/loss pair appears 5 times, every
 * optimizer 5 times; batch sizes 1, between 2 and N, and the whole set; half with
 * explicit weights, half with the four init schemes.
 */
export function explicitSpec(i, seed = 1000 + i) {
  const rng = makeRng(seed);
  const out = OUTPUTS[i % OUTPUTS.length];
  const hidden = HIDDEN[Math.floor(i / 3) % HIDDEN.length]; // each with every depth (i % 3)
  const depth = i % 3;
  const n0 = rng.int(1, 4);
  const layers = [n0];
  for (let d = 0; d < depth; d++) layers.push(rng.int(1, 5));
  layers.push(out.activation === 'softmax' ? rng.int(2, 4) : rng.int(1, 3));
  const activations = [...new Array(depth).fill(hidden), out.activation];
  if (depth === 2 && i % 4 === 1) activations[0] = HIDDEN[(i + 2) % HIDDEN.length]; // mixed
  const N = rng.int(2, 8);
  const spec = {
    layers,
    activations,
    loss: out.loss,
    optimizer: { ...OPTIMIZERS[i % OPTIMIZERS.length] },
    seed: rng.int(0, 1e6),
    data: {
      inputs: matrix(rng, N, n0, -3, 3),
      targets: Array.from({ length: N }, () => target(rng, out, layers.at(-1))),
    },
  };
  if (i % 3 === 0) spec.batch_size = 1;
  else if (i % 3 === 1) spec.batch_size = rng.int(2, N);
  if (i % 2 === 0) {
    const L = layers.length - 1;
    spec.init = {
      weights: Array.from({ length: L }, (_, l) => matrix(rng, layers[l + 1], layers[l], -1, 1)),
      biases: Array.from({ length: L }, (_, l) => Array.from({ length: layers[l + 1] }, () => rng.uniform(-0.5, 0.5))),
    };
  } else {
    spec.init = { scheme: SCHEMES[(i >> 1) % SCHEMES.length], seed: rng.int(0, 1e6), bias: i % 4 === 1 ? 0.1 : 0 };
  }
  return spec;
}

/** Networks on the seeded data sets: every set, every scheme, features, splits. */
export const DATASET_SPECS = [
  {
    name: 'circle, tanh hidden, sigmoid + bce, xavier, sgd, batch 8',
    spec: { layers: [2, 4, 1], activations: ['tanh', 'sigmoid'], loss: 'bce', optimizer: { type: 'sgd', learning_rate: 0.3 },
      batch_size: 8, init: { scheme: 'xavier', seed: 3 }, data: { dataset: 'circle', points: 40, noise: 0.1, seed: 7 } },
  },
  {
    name: 'xor with x1*x2, tanh output + mse, he, momentum, batch 1',
    spec: { layers: [3, 3, 1], activations: ['relu', 'tanh'], loss: 'mse', optimizer: { type: 'momentum', learning_rate: 0.05, momentum: 0.9 },
      batch_size: 1, init: { scheme: 'he', seed: 11 }, data: { dataset: 'xor', points: 30, seed: 2, features: ['x1', 'x2', 'x1_x2'] } },
  },
  {
    name: 'gaussian, 3 classes, softmax + cross_entropy, lecun, adam, batch 5, 80% train',
    spec: { layers: [2, 5, 3], activations: ['sigmoid', 'softmax'], loss: 'cross_entropy', optimizer: { type: 'adam', learning_rate: 0.03 },
      batch_size: 5, seed: 9, init: { scheme: 'lecun', seed: 5 },
      data: { dataset: 'gaussian', classes: 3, points: 45, noise: 0.2, seed: 4, train_fraction: 0.8 } },
  },
  {
    name: 'spiral with sin features, relu hidden, sigmoid + bce, uniform, sgd + weight decay',
    spec: { layers: [4, 6, 1], activations: ['relu', 'sigmoid'], loss: 'bce', optimizer: { type: 'sgd', learning_rate: 0.1, weight_decay: 0.01 },
      batch_size: 10, init: { scheme: 'uniform', seed: 8 },
      data: { dataset: 'spiral', points: 40, noise: 0.05, seed: 12, features: ['x1', 'x2', 'sin_x1', 'sin_x2'] } },
  },
  {
    name: 'spiral, 4 classes, leaky_relu, softmax + cross_entropy, xavier, adam',
    spec: { layers: [2, 6, 5, 4], activations: ['leaky_relu', 'leaky_relu', 'softmax'], loss: 'cross_entropy',
      optimizer: { type: 'adam', learning_rate: 0.01, weight_decay: 0.001 }, batch_size: 7, init: { scheme: 'xavier', seed: 21, bias: 0.1 },
      data: { dataset: 'spiral', classes: 4, points: 48, noise: 0.1, seed: 3 } },
  },
  {
    name: 'plane regression, linear output + mse, xavier, sgd, full batch',
    spec: { layers: [2, 3, 1], activations: ['tanh', 'linear'], loss: 'mse', optimizer: { type: 'sgd', learning_rate: 0.01 },
      init: { scheme: 'xavier', seed: 1 }, data: { dataset: 'plane', points: 30, noise: 0.2, seed: 5 } },
  },
  {
    name: 'multi_gaussian regression, tanh output + mse, he, adam, test split',
    spec: { layers: [2, 8, 1], activations: ['sigmoid', 'tanh'], loss: 'mse', optimizer: { type: 'adam', learning_rate: 0.02 },
      batch_size: 6, init: { scheme: 'he', seed: 2 }, data: { dataset: 'multi_gaussian', points: 36, noise: 0.1, seed: 6, train_fraction: 0.75 } },
  },
  {
    name: 'gaussian, 2 classes, softmax output + mse, linear hidden, lecun',
    spec: { layers: [2, 3, 2], activations: ['linear', 'softmax'], loss: 'mse', optimizer: { type: 'momentum', learning_rate: 0.1 },
      batch_size: 4, init: { scheme: 'lecun', seed: 14 }, data: { dataset: 'gaussian', points: 20, noise: 0.5, seed: 1 } },
  },
  {
    name: 'circle with squares, sigmoid output + mse, zeros scheme with a bias',
    spec: { layers: [4, 3, 1], activations: ['tanh', 'sigmoid'], loss: 'mse', optimizer: { type: 'sgd', learning_rate: 0.5 },
      init: { scheme: 'zeros', bias: 0.1 }, data: { dataset: 'circle', points: 24, seed: 2, features: ['x1', 'x2', 'x1_sq', 'x2_sq'] } },
  },
  {
    name: 'xor, two hidden layers, sigmoid + bce, uniform, adam, full batch',
    spec: { layers: [2, 4, 4, 1], activations: ['tanh', 'relu', 'sigmoid'], loss: 'bce', optimizer: { type: 'adam', learning_rate: 0.01 },
      init: { scheme: 'uniform', seed: 77 }, data: { dataset: 'xor', points: 32, noise: 0.2, seed: 31 } },
  },
  {
    name: 'spiral, 3 classes, softmax output + mse, he, sgd, batch 1',
    spec: { layers: [2, 5, 3], activations: ['tanh', 'softmax'], loss: 'mse', optimizer: { type: 'sgd', learning_rate: 0.2 },
      batch_size: 1, init: { scheme: 'he', seed: 40 }, data: { dataset: 'spiral', classes: 3, points: 30, seed: 8 } },
  },
];

/** A few more data set networks drawn at random (seeded): sets, schemes and sizes vary. */
export function randomDatasetSpec(seed) {
  const rng = makeRng(seed);
  const dataset = rng.pick(['circle', 'xor', 'gaussian', 'spiral', 'plane', 'multi_gaussian']);
  const regression = dataset === 'plane' || dataset === 'multi_gaussian';
  const classes = !regression && (dataset === 'gaussian' || dataset === 'spiral') && rng.next() < 0.5 ? rng.int(3, 5) : 2;
  const features = rng.pick([['x1', 'x2'], ['x1', 'x2', 'x1_x2'], ['x1_sq', 'x2_sq', 'sin_x1', 'sin_x2'], ['x1', 'x2', 'x1_sq', 'x2_sq', 'x1_x2', 'sin_x1', 'sin_x2']]);
  let out;
  if (regression) out = rng.pick([{ activation: 'linear', loss: 'mse' }, { activation: 'tanh', loss: 'mse' }]);
  else if (classes > 2) out = rng.pick([OUTPUTS[1], OUTPUTS[5]]);
  else out = rng.pick(OUTPUTS);
  const nL = out.activation === 'softmax' ? classes : 1;
  const hiddenCount = rng.int(0, 3);
  const layers = [features.length];
  const activations = [];
  for (let h = 0; h < hiddenCount; h++) {
    layers.push(rng.int(1, 6));
    activations.push(rng.pick(HIDDEN));
  }
  layers.push(nL);
  activations.push(out.activation);
  const points = rng.int(10, 50);
  const fraction = rng.pick([1, 0.5, 0.7]);
  const nTrain = Math.floor(points * fraction);
  const spec = {
    layers, activations, loss: out.loss,
    optimizer: { ...rng.pick(OPTIMIZERS) },
    seed: rng.int(0, 2 ** 31),
    init: { scheme: rng.pick(SCHEMES), seed: rng.int(0, 2 ** 40), bias: rng.pick([0, 0.05]) },
    data: { dataset, points, noise: rng.pick([0, 0.1, 0.3, 0.5]), seed: rng.int(0, 2 ** 45), train_fraction: fraction, classes, features },
  };
  if (rng.next() < 0.7) spec.batch_size = rng.int(1, Math.max(1, nTrain - 1));
  return spec;
}
