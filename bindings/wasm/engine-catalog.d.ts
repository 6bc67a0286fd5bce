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
  /** Its gate's symbol in the operation graph (σ, tanh, ReLU, ...). */
  symbol: string;
  /** The chain's link ∂a/∂z of one unit, in z: the right-hand side (`\\sigma(z)(1 - \\sigma(z))`). */
  texLink: string;
  /**
   * The same link with the unit's output filled in: a template whose `$a` takes the value
   * (`$(a)`: in parentheses when negative); "" where the link is not a function of a alone.
   */
  texLinkValues: string;
  /** The operation graph can show it as its elementary gates (`{expanded: true}`). */
  expandable: boolean;
  /** g acts on each unit alone (false for softmax, whose units are coupled: its g′ is a Jacobian). */
  elementwise: boolean;
  /**
   * How a class label becomes this output's target: `binary` 0/1, `sign` −1/+1, `one_hot` one
   * unit per class (the largest is the class).
   */
  targets: 'binary' | 'sign' | 'one_hot';
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
  /**
   * The loss of one example with one output, and its ∂L/∂ŷ: templates whose `$yhat` and `$y`
   * take the prediction and the target (symbols or numbers; `$(y)`: in parentheses when negative).
   */
  texExample: string;
  texDAExample: string;
  /** It takes regression targets (the loss regression sets need). */
  regression: boolean;
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
  /** Its update rule in TeX. */
  tex: string;
  /** What it keeps between steps (`v`; `m`, `v`): none for the plain step W − η dW. */
  state: string[];
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
