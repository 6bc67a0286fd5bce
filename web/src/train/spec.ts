// From the view's settings to the engine's spec (DESIGN.md, core/spec.cpp). No
// validation here: the engine checks the spec and names the field that is wrong.
import type { Spec } from '../engine';
import { featureRows } from './features';
import type { EditedData, TrainSettings } from './state';

export function isRegressionSet(dataset: string): boolean {
  return dataset === 'plane' || dataset === 'multi_gaussian';
}

/** Output units: one per class for softmax, else one. */
export function outputUnits(s: TrainSettings): number {
  return s.output === 'softmax' ? s.classes : 1;
}

/** True when the (possibly edited) data are a regression problem. */
export function isRegression(s: TrainSettings): boolean {
  return s.edited ? s.edited.regression : isRegressionSet(s.dataset);
}

/**
 * Targets of edited points, encoded the way the engine encodes generated sets
 * (core/data.cpp encode_targets): one-hot for softmax, −1/+1 for a tanh output on two
 * classes, 0/1 otherwise; regression values unchanged.
 */
export function encodeTargets(s: TrainSettings, e: EditedData): number[][] {
  if (e.regression) return e.labels.map((v) => [v]);
  if (s.output === 'softmax') {
    return e.labels.map((c) => Array.from({ length: s.classes }, (_, k) => (k === c ? 1 : 0)));
  }
  if (s.output === 'tanh') return e.labels.map((c) => [c > 0 ? 1 : -1]);
  return e.labels.map((c) => [c > 0 ? 1 : 0]);
}

export function buildSpec(s: TrainSettings): Spec {
  const layers = [s.features.length, ...s.hidden, outputUnits(s)];
  const optimizer: Spec['optimizer'] = { type: s.optimizer, learning_rate: s.lr };
  if (s.l2 !== 0) optimizer.weight_decay = s.l2;
  const spec: Spec = {
    layers,
    activations: [...s.activations, s.output],
    loss: s.loss,
    optimizer,
    batch_size: s.batch,
    seed: s.seed,
    init: { scheme: s.init, seed: s.initSeed },
  };
  if (s.edited) {
    const n = s.edited.labels.length;
    spec.data = { inputs: featureRows(s.features, s.edited.xy), targets: encodeTargets(s, s.edited) };
    // Fewer examples than the batch size after deleting points: use them all.
    if (Number.isInteger(s.batch) && s.batch > n && n > 0) spec.batch_size = n;
  } else {
    const data: NonNullable<Spec['data']> = {
      dataset: s.dataset,
      points: s.points,
      noise: s.noise,
      train_fraction: s.split,
      seed: s.dataSeed,
      features: s.features,
    };
    if (s.classes !== 2) data.classes = s.classes;
    spec.data = data;
  }
  return spec;
}
