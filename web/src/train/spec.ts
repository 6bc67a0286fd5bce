// From the view's settings to the engine's spec (core/spec.cpp, docs/architecture.md). No
// validation here: the engine checks the spec and names the field that is wrong.
import type { PointData, Spec } from '../engine';
import { isRegressionSet } from '../catalog';
import type { TrainSettings } from './state';

/** Output units: one per class for softmax, else one. */
export function outputUnits(s: TrainSettings): number {
  return s.output === 'softmax' ? s.classes : 1;
}

/** True when the (possibly edited) data are a regression problem. */
export function isRegression(s: TrainSettings): boolean {
  return s.edited ? s.edited.regression : isRegressionSet(s.dataset);
}

export function buildSpec(s: TrainSettings): Spec {
  const layers = [s.features.length, ...s.hidden, outputUnits(s)];
  const optimizer: Spec['optimizer'] = { type: s.optimizer, learning_rate: s.lr };
  if (s.l2 !== 0) optimizer.weight_decay = s.l2;
  const spec: Omit<Spec, 'data'> & Partial<Pick<Spec, 'data'>> = {
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
    // The engine builds the features and encodes the targets of the user's own points.
    const points: [number, number][] = [];
    for (let i = 0; i + 1 < s.edited.xy.length; i += 2) points.push([s.edited.xy[i], s.edited.xy[i + 1]]);
    const data: PointData = { points, labels: s.edited.labels, features: s.features, task: s.edited.regression ? 'regression' : 'classification' };
    if (!s.edited.regression && s.output === 'softmax') data.classes = s.classes;
    spec.data = data;
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
  return spec as Spec;
}
