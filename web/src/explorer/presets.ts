// The presets: the seed documents' examples (exactly as written) and a few comparisons.
// Each preset may carry notes that compare what its document says with the engine's values.
import type { Spec } from '../engine';
import type { Snapshot } from './snapshot';
import { at } from '../engine';
import { englishCatalogue, type Key, type Params, type T } from '../i18n/index';

/** One "the document says X, the engine computes Y" line; `read` picks the engine's value. */
/** Math as it is, or words: a catalogue key and its parameters. */
export type Words = string | [Key, Params];

export interface DocumentValue {
  what: Words;
  document: Words;
  /** The engine value from the current snapshot, or null when that phase has not run yet. */
  read: (s: Snapshot) => number | null;
  /** True where the document's arithmetic slips (not just rounding). */
  slip?: boolean;
  /** The forward pass the value belongs to (1 = the first step, the default). */
  pass?: number;
}

export interface Preset {
  id: string;
  spec: Spec;
  /** Its title, summary and notes are in the catalogues (web/src/i18n/en-presets.ts), by id. */
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
    spec: seed002,
    compare: [
      { what: 'z[1]₁', document: '0.51', read: z(1, 0) },
      { what: 'z[1]₂', document: '1.12', read: z(1, 1) },
      { what: 'a[1]₁', document: '0.625', read: a(1, 0) },
      { what: 'a[1]₂', document: '0.754', read: a(1, 1) },
      { what: 'z[2]', document: '0.854', read: z(2, 0), slip: true },
      { what: 'ŷ = a[2]', document: '0.701', read: a(2, 0), slip: true },
      { what: ['notes.loss', {}], document: '0.355', read: lossOf, slip: true },
      { what: 'δ[2] = dZ[2]', document: '−0.299', read: dZ(2, 0), slip: true },
      { what: 'dW[2]₁', document: '−0.187', read: dW(2, 0, 0), slip: true },
      { what: 'dW[2]₂', document: '−0.226', read: dW(2, 0, 1), slip: true },
      { what: 'δ[1]₁', document: '−0.035', read: dZ(1, 0), slip: true },
      { what: 'δ[1]₂', document: '−0.033', read: dZ(1, 1), slip: true },
      { what: ['notes.new', { q: 'W[2]₁' }], document: '0.519', read: Wnew(2, 0, 0) },
      { what: ['notes.new', { q: 'W[2]₂' }], document: '0.623', read: Wnew(2, 0, 1) },
      { what: ['notes.new', { q: 'b[2]' }], document: '0.08', read: bnew(2, 0) },
      { what: ['notes.new', { q: 'W[1]₁₁' }], document: '0.1035', read: Wnew(1, 0, 0), slip: true },
      { what: ['notes.new', { q: 'W[1]₁₂' }], document: '0.207', read: Wnew(1, 0, 1) },
      { what: ['notes.new', { q: 'b[1]' }], document: '0.0135, 0.0233', read: bnew(1, 0), slip: true },
      { what: ['notes.pass2', { q: 'z[2]' }], document: '0.872', read: z(2, 0), slip: true, pass: 2 },
      { what: ['notes.pass2', { q: 'ŷ' }], document: '0.705', read: a(2, 0), slip: true, pass: 2 },
      { what: ['notes.pass2Loss', {}], document: '0.350', read: lossOf, slip: true, pass: 2 },
    ],
  },
  {
    id: 'seed003',
    spec: {
      layers: [2, 1],
      activations: ['sigmoid'],
      loss: 'mse',
      optimizer: { type: 'sgd', learning_rate: 0.1 },
      init: { weights: [[[2.0, -3.0]]], biases: [[-3.0]] },
      data: { inputs: [[-1.0, -2.0]], targets: [[1.0]] },
    },
    inspector: { layer: 1, unit: 0, root: 'activation' },
  },
  {
    id: 'seed004',
    spec: {
      layers: [1, 1],
      activations: ['sigmoid'],
      loss: 'mse',
      optimizer: { type: 'sgd', learning_rate: 0.1 },
      init: { weights: [[[0.5]]], biases: [[Math.log(0.981 / 0.019) - 0.38]] },
      data: { inputs: [[0.76]], targets: [[0.0]] },
    },
    compare: [
      { what: 'ŷ', document: '0.981', read: a(1, 0) },
      { what: '∂L/∂ŷ = dA', document: ['notes.targetMinusPrediction', { v: '−0.981' }], read: (s) => (s.progress.loss && s.dA[1].cols ? at(s.dA[1], 0) : null), slip: true },
      { what: 'σ′(z)', document: '0.0183', read: (s) => (s.progress.backwardFrom <= 1 ? at(s.gprime[1], 0) : null), slip: true },
      { what: 'δ = dZ', document: '−0.0179', read: dZ(1, 0), slip: true },
      { what: ['notes.new', { q: 'w' }], document: '0.4986', read: Wnew(1, 0, 0) },
    ],
    inspector: { layer: 1, unit: 0, root: 'loss' },
  },
  {
    id: 'seed002-mse',
    spec: { ...seed002, loss: 'mse' },
  },
  {
    id: 'xor',
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
  },
  // --- Practice presets: worked examples teachers assign (examples/mazur.json, examples/mlcc.json) ---
  {
    id: 'mazur',
    spec: {
      layers: [2, 2, 2],
      activations: ['sigmoid', 'sigmoid'],
      loss: 'mse',
      optimizer: { type: 'sgd', learning_rate: 0.5 },
      update_biases: false,
      init: { weights: [[[0.15, 0.2], [0.25, 0.3]], [[0.4, 0.45], [0.5, 0.55]]], biases: [[0.35, 0.35], [0.6, 0.6]] },
      data: { inputs: [[0.05, 0.1]], targets: [[0.01, 0.99]] },
    },
    compare: [
      { what: ['notes.before', { q: 'E<sub>total</sub>' }], document: '0.298371109', read: lossOf },
      { what: 'w5<sup>+</sup>', document: '0.35891648', read: Wnew(2, 0, 0) },
      { what: 'w1<sup>+</sup>', document: '0.149780716', read: Wnew(1, 0, 0) },
      { what: ['notes.afterOneStep', { q: 'E<sub>total</sub>' }], document: '0.291027924', read: lossOf, slip: true, pass: 2 },
    ],
  },
  {
    id: 'mlcc',
    spec: {
      layers: [1, 2, 2, 1],
      activations: ['sigmoid', 'sigmoid', 'sigmoid'],
      loss: 'mse',
      optimizer: { type: 'sgd', learning_rate: 0.5 },
      init: { weights: [[[0.5], [-0.5]], [[0.4, -0.3], [0.2, 0.6]], [[0.7, -0.4]]], biases: [[0.1, 0.1], [0.0, 0.0], [0.2]] },
      data: { inputs: [[1.0]], targets: [[0.8]] },
    },
  },
  // --- end of practice presets ---
];

export function findPreset(id: string | null | undefined): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

export function presetTitle(p: Preset, t: T): string {
  return t(`preset.${p.id}.title` as Key);
}
export function presetSummary(p: Preset, t: T): string {
  return t(`preset.${p.id}.summary` as Key);
}
/** The preset's notes: HTML paragraphs (none for most presets). */
export function presetNotes(p: Preset, t: T): string[] {
  const key = `preset.${p.id}.notes`;
  return key in englishCatalogue() ? t(key as Key).split('\n\n') : [];
}
/** A comparison's words in the view's language. */
export function words(w: Words, t: T): string {
  return typeof w === 'string' ? w : t(w[0], w[1]);
}
