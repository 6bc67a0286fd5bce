// Plain JavaScript arithmetic for known answers: an independent forward pass (the
// textbook formulas, not the engine's code) to check the engine's numbers against.

export const sigmoid = (z) => 1 / (1 + Math.exp(-z));

export function activate(name, z) {
  switch (name) {
    case 'sigmoid': return z.map(sigmoid);
    case 'tanh': return z.map(Math.tanh);
    case 'relu': return z.map((v) => (v > 0 ? v : 0));
    case 'leaky_relu': return z.map((v) => (v > 0 ? v : 0.01 * v));
    case 'linear': return z.slice();
    case 'softmax': {
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / s);
    }
    default: throw new Error(`unknown activation ${name}`);
  }
}

/** z = W x + b for one example; W as rows, x and b as plain arrays. */
export function affine(W, b, x) {
  return W.map((row, i) => row.reduce((sum, w, j) => sum + w * x[j], 0) + b[i]);
}

/** Every layer's activation for one input x: [a1, ..., aL]. */
export function forward(weights, biases, activations, x) {
  const out = [];
  let a = x;
  for (let l = 0; l < weights.length; l++) {
    a = activate(activations[l], affine(weights[l], biases[l], a));
    out.push(a);
  }
  return out;
}

/** |a - b| within rel * max(1, |a|, |b|). */
export function close(a, b, rel) {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}
