// Types of engine.catalog(): the engine's description of itself (core/catalog.hpp).
// Re-exported by engine.d.ts; guide: docs/js-api.md.
import type { Activation, DatasetData, Loss, OptimizerSpec, OptimizerType, SchemeInit, Spec } from './engine-spec.js';

// ---------------------------------------------------------------------------------------
// The catalogue: the engine's description of itself (engine.catalog())
// ---------------------------------------------------------------------------------------

/** A range end that is null is unbounded. */
export type Range = [number | null, number | null];

export interface ActivationInfo {
  name: Activation;
  display: string;
  /** TeX of g, as in `A = g(Z)`. */
  tex: string;
  /** TeX of `g(z) = ...` and of `g'(z) = ...`. */
  texG: string;
  texPrime: string;
  /** Allowed on the output layer only (softmax). */
  outputOnly: boolean;
  /** The fewest units of its layer (2 for softmax, 1 for the others). */
  minUnits: number;
  /** The values g takes. */
  range: Range;
}

export interface LossInfo {
  name: Loss;
  display: string;
  /** TeX of the loss over a batch of m examples. */
  tex: string;
  /** TeX of dA[L] = dL_k/dŷ_k of one example (the chained form). */
  texDA: string;
  /** The output activations this loss accepts. */
  outputs: Activation[];
  /** The fused output gradient dZ[L] = A[L] - Y, when the loss has one. */
  fused: { activation: Activation; tex: string } | null;
}

export interface ParamInfo {
  name: string;
  default: number;
  min: number;
  max: number;
  minExclusive: boolean;
  maxExclusive: boolean;
}

export interface OptimizerInfo {
  name: OptimizerType;
  params: ParamInfo[];
}

export interface DatasetInfo {
  name: string;
  display: string;
  kind: 'classification' | 'regression';
  /** Smallest and largest number of classes. */
  classes: [number, number];
  defaultPoints: number;
}

export interface FeatureInfo {
  name: string;
  tex: string;
  label: string;
}

export interface Limits {
  maxLayers: number;
  maxUnits: number;
  minPoints: number;
  maxPoints: number;
  maxExamples: number;
  maxNoise: number;
  maxClasses: number;
  /** Generated points and heatmaps cover [-dataExtent, dataExtent]². */
  dataExtent: number;
  maxFeatures: number;
}

export interface Catalog {
  activations: ActivationInfo[];
  losses: LossInfo[];
  optimizers: OptimizerInfo[];
  initSchemes: string[];
  datasets: DatasetInfo[];
  features: FeatureInfo[];
  limits: Limits;
  /** The training view's first run, every field written out (its settings' defaults). */
  trainDefaults: TrainDefaults;
}

/** `catalog().trainDefaults`: a spec with every field the training view sets written out. */
export interface TrainDefaults extends Spec {
  optimizer: Required<Pick<OptimizerSpec, 'type' | 'learning_rate' | 'weight_decay'>>;
  batch_size: number;
  seed: number;
  init: Required<Pick<SchemeInit, 'scheme' | 'seed'>>;
  data: Required<DatasetData>;
}
