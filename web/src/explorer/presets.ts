// The presets: the seed documents' examples (exactly as written) and a few comparisons.
// Each preset may carry notes that compare what its document says with the engine's values.
import type { Spec } from '../engine';
import type { Snapshot } from './snapshot';
import { at } from '../engine';

/** One "the document says X, the engine computes Y" line; `read` picks the engine's value. */
export interface DocumentValue {
  what: string;
  document: string;
  /** The engine value from the current snapshot, or null when that phase has not run yet. */
  read: (s: Snapshot) => number | null;
  /** True where the document's arithmetic slips (not just rounding). */
  slip?: boolean;
  /** The forward pass the value belongs to (1 = the first step, the default). */
  pass?: number;
}

export interface Preset {
  id: string;
  title: string;
  summary: string;
  spec: Spec;
  /** HTML paragraphs shown with the preset. */
  notes?: string[];
  /** Document vs engine values. */
  compare?: DocumentValue[];
  /** Open the neuron inspector on this neuron with this root on request. */
  inspector?: { layer: number; unit: number; root: 'loss' | 'activation' };
}

const seed002: Spec = {
  layers: [2, 2, 1],
  activations: ['sigmoid', 'sigmoid'],
  loss: 'bce',
  optimizer: { type: 'sgd', learning_rate: 0.1 },
  batch_size: 1,
  init: { weights: [[[0.1, 0.2], [0.3, 0.4]], [[0.5, 0.6]]], biases: [[0.01, 0.02], [0.05]] },
  data: { inputs: [[1.0, 2.0]], targets: [[1.0]] },
};

// Helpers to read engine values for the comparisons: null until the phase has run.
const z = (l: number, j: number) => (s: Snapshot) => (s.progress.forward >= l && s.Z[l].cols ? at(s.Z[l], j) : null);
const a = (l: number, j: number) => (s: Snapshot) => (s.progress.forward >= l && s.A[l].cols ? at(s.A[l], j) : null);
const lossOf = (s: Snapshot) => (s.progress.loss ? s.state.loss : null);
const dZ = (l: number, j: number) => (s: Snapshot) => (s.progress.backwardFrom <= l && s.dZ[l].cols ? at(s.dZ[l], j) : null);
const dW = (l: number, j: number, i: number) => (s: Snapshot) => (s.progress.backwardFrom <= l ? at(s.dW[l], j, i) : null);
const Wnew = (l: number, j: number, i: number) => (s: Snapshot) => (s.progress.update ? at(s.W[l], j, i) : null);
const bnew = (l: number, j: number) => (s: Snapshot) => (s.progress.update ? at(s.b[l], j) : null);

export const PRESETS: Preset[] = [
  {
    id: 'seed002',
    title: 'Seed 002: worked example (BCE)',
    summary: 'x = [1, 2], y = 1, sigmoid, binary cross-entropy, learning rate 0.1: two forward passes and one backward pass.',
    spec: seed002,
    notes: [
      'The document computes <em>z</em><sup>[2]</sup> = 0.5·0.625 + 0.6·0.754 + 0.05 and writes <strong>0.854</strong>; the sum is 0.8149. Every later number of the document (ŷ, the loss, δ, the gradients and the updated weights) inherits the slip. The engine is exact; the table compares the two as you step.',
      'The document also rounds <em>a</em><sup>[1]</sup> to three digits before using it; that alone changes only the fourth digit.',
    ],
    compare: [
      { what: 'z[1]₁', document: '0.51', read: z(1, 0) },
      { what: 'z[1]₂', document: '1.12', read: z(1, 1) },
      { what: 'a[1]₁', document: '0.625', read: a(1, 0) },
      { what: 'a[1]₂', document: '0.754', read: a(1, 1) },
      { what: 'z[2]', document: '0.854', read: z(2, 0), slip: true },
      { what: 'ŷ = a[2]', document: '0.701', read: a(2, 0), slip: true },
      { what: 'loss', document: '0.355', read: lossOf, slip: true },
      { what: 'δ[2] = dZ[2]', document: '−0.299', read: dZ(2, 0), slip: true },
      { what: 'dW[2]₁', document: '−0.187', read: dW(2, 0, 0), slip: true },
      { what: 'dW[2]₂', document: '−0.226', read: dW(2, 0, 1), slip: true },
      { what: 'δ[1]₁', document: '−0.035', read: dZ(1, 0), slip: true },
      { what: 'δ[1]₂', document: '−0.033', read: dZ(1, 1), slip: true },
      { what: 'new W[2]₁', document: '0.519', read: Wnew(2, 0, 0) },
      { what: 'new W[2]₂', document: '0.623', read: Wnew(2, 0, 1) },
      { what: 'new b[2]', document: '0.08', read: bnew(2, 0) },
      { what: 'new W[1]₁₁', document: '0.1035', read: Wnew(1, 0, 0), slip: true },
      { what: 'new W[1]₁₂', document: '0.207', read: Wnew(1, 0, 1) },
      { what: 'new b[1]', document: '0.0135, 0.0233', read: bnew(1, 0), slip: true },
      { what: 'pass 2: z[2]', document: '0.872', read: z(2, 0), slip: true, pass: 2 },
      { what: 'pass 2: ŷ', document: '0.705', read: a(2, 0), slip: true, pass: 2 },
      { what: 'pass 2: loss', document: '0.350', read: lossOf, slip: true, pass: 2 },
    ],
  },
  {
    id: 'seed003',
    title: 'Seed 003: one neuron (CS231n)',
    summary: 'w = [2, −3], b = −3 (the document\'s w₂), x = [−1, −2]: the operation graph of σ(w·x + b). Click the neuron to open its graph.',
    spec: {
      layers: [2, 1],
      activations: ['sigmoid'],
      loss: 'mse',
      optimizer: { type: 'sgd', learning_rate: 0.1 },
      init: { weights: [[[2.0, -3.0]]], biases: [[-3.0]] },
      data: { inputs: [[-1.0, -2.0]], targets: [[1.0]] },
    },
    notes: [
      'The document\'s code writes <code>activation = 1 / 1 + math.exp(-product)</code>. Operator precedence makes that (1/1) + e<sup>−z</sup> = 1 + e<sup>−1</sup> ≈ 1.368: the value of the “1+exp(−z)” node in the graph, not σ(z) ≈ 0.731, which needs <code>1 / (1 + math.exp(-product))</code>.',
      'Its <code>grad_x</code> and <code>grad_w</code> multiply by the activation; the chain rule multiplies by the gradient flowing into the product, σ′(z) = σ(z)(1 − σ(z)). The “1 ·” in front of the last term is the bias: an add gate passes its gradient unchanged (local gradient 1). Open the inspector with “gradients of: activation” to see CS231n\'s numbers.',
    ],
    inspector: { layer: 1, unit: 0, root: 'activation' },
  },
  {
    id: 'seed004',
    title: 'Seed 004: chain of links (MSE)',
    summary: 'x = 0.76, w = 0.5, b = ln(0.981/0.019) − 0.38 so that ŷ = 0.981, target 0, MSE, learning rate 0.1. Click the neuron to follow the chain.',
    spec: {
      layers: [1, 1],
      activations: ['sigmoid'],
      loss: 'mse',
      optimizer: { type: 'sgd', learning_rate: 0.1 },
      init: { weights: [[[0.5]]], biases: [[Math.log(0.981 / 0.019) - 0.38]] },
      data: { inputs: [[0.76]], targets: [[0.0]] },
    },
    notes: [
      'The document writes ∂Loss/∂Prediction = Target − Prediction = −0.981. For L = ½(ŷ − y)² the derivative is ŷ − y = <strong>+0.981</strong>: “target − prediction” is the <em>negative</em> gradient. The document then adds η·δ·input instead of subtracting; the two sign flips cancel, so its new weight agrees with gradient descent.',
      'It also writes 0.981 · (1 − 0.981) = 0.0183; the product is 0.018639 (and δ is then 0.018285, not −0.0179).',
    ],
    compare: [
      { what: 'ŷ', document: '0.981', read: a(1, 0) },
      { what: '∂L/∂ŷ = dA', document: '−0.981 (target − prediction)', read: (s) => (s.progress.loss && s.dA[1].cols ? at(s.dA[1], 0) : null), slip: true },
      { what: 'σ′(z)', document: '0.0183', read: (s) => (s.progress.backwardFrom <= 1 ? at(s.gprime[1], 0) : null), slip: true },
      { what: 'δ = dZ', document: '−0.0179', read: dZ(1, 0), slip: true },
      { what: 'new w', document: '0.4986', read: Wnew(1, 0, 0) },
    ],
    inspector: { layer: 1, unit: 0, root: 'loss' },
  },
  {
    id: 'seed002-mse',
    title: 'Seed 002\'s network with MSE',
    summary: 'Seed 002\'s network and data with ½(ŷ − y)² instead of cross-entropy: compare dZ[2] (no longer ŷ − y) and the gradients.',
    spec: { ...seed002, loss: 'mse' },
    notes: [
      'With MSE the output error is dZ = (ŷ − y) · σ′(z): the σ′ factor stays, so a confidently wrong sigmoid output learns slowly. With BCE the σ′ cancels and dZ = ŷ − y.',
    ],
  },
  {
    id: 'xor',
    title: 'XOR with a 2-2-1 network',
    summary: 'The four XOR points in one batch (m = 4), tanh hidden layer, sigmoid output, BCE, learning rate 0.5. Choose which example the diagram shows.',
    spec: {
      layers: [2, 2, 1],
      activations: ['tanh', 'sigmoid'],
      loss: 'bce',
      optimizer: { type: 'sgd', learning_rate: 0.5 },
      batch_size: 4,
      init: { weights: [[[1.2, -0.9], [-1.1, 1.0]], [[1.5, 1.4]]], biases: [[0.1, -0.2], [-0.5]] },
      data: { inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]] },
    },
  },
  {
    id: 'softmax3',
    title: 'Three classes with softmax',
    summary: 'A 2-3-3 network, tanh hidden layer, softmax output with cross-entropy, three examples (one per class).',
    spec: {
      layers: [2, 3, 3],
      activations: ['tanh', 'softmax'],
      loss: 'cross_entropy',
      optimizer: { type: 'sgd', learning_rate: 0.5 },
      batch_size: 3,
      init: {
        weights: [[[0.5, -0.3], [-0.4, 0.6], [0.2, 0.7]], [[0.6, -0.5, 0.1], [-0.3, 0.8, -0.2], [0.1, -0.4, 0.9]]],
        biases: [[0.0, 0.1, -0.1], [0.05, -0.05, 0.0]],
      },
      data: { inputs: [[1.0, 0.0], [0.0, 1.0], [-1.0, -1.0]], targets: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] },
    },
    notes: ['Softmax with cross-entropy also fuses: dZ = A − Y, one column per example.'],
  },
  // --- Practice presets: worked examples teachers assign (examples/mazur.json, examples/mlcc.json) ---
  {
    id: 'mazur',
    title: 'Mazur\u2019s step by step (2-2-2)',
    summary: 'Inputs 0.05 and 0.10, targets 0.01 and 0.99, w1..w8 = .15 .20 .25 .30 .40 .45 .50 .55, b1 = .35, b2 = .60, logistic units, E = \u03a3 \u00bd(target \u2212 out)\u00b2, learning rate 0.5.',
    spec: {
      layers: [2, 2, 2],
      activations: ['sigmoid', 'sigmoid'],
      loss: 'mse',
      optimizer: { type: 'sgd', learning_rate: 0.5 },
      update_biases: false,
      init: { weights: [[[0.15, 0.2], [0.25, 0.3]], [[0.4, 0.45], [0.5, 0.55]]], biases: [[0.35, 0.35], [0.6, 0.6]] },
      data: { inputs: [[0.05, 0.1]], targets: [[0.01, 0.99]] },
    },
    notes: [
      'Where the post\u2019s conventions differ from ours: it names weights w1..w8 (here W<sup>[1]</sup> = [[w1, w2], [w3, w4]], W<sup>[2]</sup> = [[w5, w6], [w7, w8]]: a row holds one unit\u2019s weights); it writes \u2202E/\u2202out = \u2212(target \u2212 out), which is our dA = A \u2212 Y; and it does not update the biases, so this preset sets <code>update_biases</code> to false.',
      'Its error function is our <code>mse</code> (\u00bd of the squared error, summed over the outputs) with one example. It updates the hidden weights with the original output weights, as the engine does.',
      'Its total error after the first step is published as 0.291027924; exact arithmetic (and even its own rounded new weights) gives 0.2910277737: the two agree to 6 digits.',
    ],
    compare: [
      { what: 'E<sub>total</sub> before', document: '0.298371109', read: lossOf },
      { what: 'w5<sup>+</sup>', document: '0.35891648', read: Wnew(2, 0, 0) },
      { what: 'w1<sup>+</sup>', document: '0.149780716', read: Wnew(1, 0, 0) },
      { what: 'E<sub>total</sub> after one step', document: '0.291027924', read: lossOf, slip: true, pass: 2 },
    ],
  },
  {
    id: 'mlcc',
    title: 'ML Crash Course shape (1-2-2-1)',
    summary: 'The shape of the Google Machine Learning Crash Course backpropagation walkthrough: one input, two hidden layers of two sigmoid units, one sigmoid output, \u00bd squared error. The numbers are this preset\u2019s own.',
    spec: {
      layers: [1, 2, 2, 1],
      activations: ['sigmoid', 'sigmoid', 'sigmoid'],
      loss: 'mse',
      optimizer: { type: 'sgd', learning_rate: 0.5 },
      init: { weights: [[[0.5], [-0.5]], [[0.4, -0.3], [0.2, 0.6]], [[0.7, -0.4]]], biases: [[0.1, 0.1], [0.0, 0.0], [0.2]] },
      data: { inputs: [[1.0]], targets: [[0.8]] },
    },
    notes: ['Every hidden unit feeds two units of the next layer, so each dA sums two paths: a good network to practise the fork sum on.'],
  },
  // --- end of practice presets ---
];

export function findPreset(id: string | null | undefined): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
