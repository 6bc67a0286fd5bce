// Types of the spec: the one description of a network, its data and its training, as the
// engine validates it (core/spec.hpp). Re-exported by engine.d.ts; guide: docs/js-api.md.

// ---------------------------------------------------------------------------------------
// The spec (the one description of a network, its data and its training)
// ---------------------------------------------------------------------------------------

/** An activation's name: one of `engine.catalog().activations[].name` (sigmoid, tanh, relu, ...). */
export type Activation = string;
/** `bce` needs a sigmoid output; `cross_entropy` a softmax output; `mse` any. */
export type Loss = string;
export type OptimizerType = string;
export type InitScheme = string;
export type DatasetName = string;
export type Feature = string;

export interface OptimizerSpec {
  /** Default `sgd`. */
  type?: OptimizerType;
  /** In (0, 100]; default 0.1. */
  learning_rate?: number;
  /** Momentum only, in [0, 1); default 0.9. */
  momentum?: number;
  /** Adam only, in [0, 1); default 0.9. */
  beta1?: number;
  /** Adam only, in [0, 1); default 0.999. */
  beta2?: number;
  /** Adam only, in (0, 1]; default 1e-8. */
  epsilon?: number;
  /** L2 decay added to dW (weights only), in [0, 10]; default 0. */
  weight_decay?: number;
}

/** Explicit initial parameters: `weights[l-1]` is n_l x n_{l-1} (rows), `biases[l-1]` has n_l values. */
export interface ExplicitInit {
  weights: number[][][];
  biases: number[][];
}

/** Seeded initial weights (PCG32, the same bits natively and in wasm). */
export interface SchemeInit {
  /** Default `xavier`. */
  scheme?: InitScheme;
  /** 0 to 2^53 - 1; default 1. */
  seed?: number;
  /** Initial value of every bias, in [-10, 10]; default 0. */
  bias?: number;
}

/** Examples as rows: `inputs[k]` has n_0 values, `targets[k]` has n_L. All of them train. */
export interface ExplicitData {
  inputs: number[][];
  targets: number[][];
}

/** A seeded 2-D data set in [-6, 6]^2, as in TensorFlow Playground. */
export interface DatasetData {
  dataset: DatasetName;
  /** 10 to 2000; default 200. */
  points?: number;
  /** 0 to 0.5; default 0. */
  noise?: number;
  /** In (0, 1]; default 1 (no test split). */
  train_fraction?: number;
  /** 0 to 2^53 - 1; default 1. */
  seed?: number;
  /** 2 to 8 (more than 2 for gaussian and spiral, with a softmax output); default 2. */
  classes?: number;
  /** One per input unit; default `['x1', 'x2']`. */
  features?: Feature[];
}

/**
 * Points of the plane with labels (drawn or uploaded data): the engine builds their
 * features and encodes their targets as for a generated set. At most `limits.maxPoints`
 * points in all.
 */
export interface PointData {
  /** [x1, x2] per point; they train. */
  points: [number, number][];
  /** Class index 0..classes-1 per point, or the regression value in [-1, 1]. */
  labels: number[];
  /** Held-out points and their labels (both or neither). */
  test_points?: [number, number][];
  test_labels?: number[];
  /** One per input unit; default `['x1', 'x2']`. */
  features?: Feature[];
  /** Default `classification`. */
  task?: 'classification' | 'regression';
  /** 2 to limits.maxClasses (more than 2 with a softmax output); default 2. */
  classes?: number;
}

export interface Spec {
  /** Sizes n_0 (inputs) .. n_L (outputs): 2 to 9 entries of 1 to 64. */
  layers: number[];
  /** One per layer after the input; softmax only on the output layer. */
  activations: Activation[];
  loss: Loss;
  optimizer?: OptimizerSpec;
  /** 1 to the number of training examples; absent: the whole training set. */
  batch_size?: number;
  /** Seed of the minibatch order; default 1. */
  seed?: number;
  /** false: the update leaves the biases as they are (Mazur's worked example); default true. */
  update_biases?: boolean;
  init?: ExplicitInit | SchemeInit;
  data: ExplicitData | DatasetData | PointData;
}

/** A spec with every default filled in, as `Session.spec()` and `Engine.validate()` give it. */
export interface NormalizedSpec {
  layers: number[];
  activations: Activation[];
  loss: Loss;
  optimizer: {
    type: OptimizerType;
    learning_rate: number;
    /** Present when not 0. */
    weight_decay?: number;
    /** Present for momentum. */
    momentum?: number;
    /** Present for adam. */
    beta1?: number;
    beta2?: number;
    epsilon?: number;
  };
  /** Absent: the whole training set. */
  batch_size?: number;
  seed: number;
  /** Present (false) when the update leaves the biases as they are. */
  update_biases?: false;
  init: ExplicitInit | Required<SchemeInit>;
  data: ExplicitData | Required<DatasetData> | (PointData & Required<Pick<PointData, "features" | "task">>);
}
