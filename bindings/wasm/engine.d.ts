// Types of engine.js: the JavaScript API over the WebAssembly engine of Backprop Explorer.
// Guide with examples: docs/js-api.md.
/// <reference lib="esnext.disposable" />

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

/**
 * What went wrong, for programs:
 * - `INVALID_SPEC`: the spec is not valid (`path` names the field, e.g. `layers[1]`);
 * - `INVALID_ARGUMENT`: an argument of a call is not valid (`path` names it, e.g. `layer`,
 *   `learning_rate`, `nx`);
 * - `WRONG_PHASE`: `forward()`, `backward()` or `update()` called when the phase cursor is
 *   not where that call starts;
 * - `DELETED`: a call on a session after `delete()`.
 */
export type ErrorCode =
  | 'INVALID_SPEC'
  | 'INVALID_ARGUMENT'
  | 'WRONG_PHASE'
  | 'DELETED'
  | 'INVALID_PROGRAM'
  | 'OUT_OF_MEMORY'
  | 'ENGINE_LOST';

/**
 * Every error the engine raises. The engine stays usable after any of them.
 * `message` reads `path: what was expected`, e.g. `layers[1]: expected an integer between
 * 1 and 64, got 0`.
 */
export declare class BpxError extends Error {
  constructor(code: ErrorCode, message: string, path?: string);
  name: 'BpxError';
  /** Machine-readable kind of error. */
  readonly code: ErrorCode;
  /** The JSON path of the spec field or the name of the argument; '' when none applies. */
  readonly path: string;
  /** INVALID_PROGRAM (circuit mode): the 1-based line and column of the error. */
  readonly line?: number;
  readonly column?: number;
}

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

// ---------------------------------------------------------------------------------------
// What a session gives back
// ---------------------------------------------------------------------------------------

/** A matrix copied out of the engine (never a live view), rows first: element (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  rows: number;
  cols: number;
  /** `[rows, cols]`. */
  shape: [number, number];
  data: Float64Array;
}

/** Matrices of one layer l: parameters, the forward and backward values, g'(Z), optimizer memory. */
export type LayerMatrixName = 'W' | 'b' | 'Z' | 'A' | 'dA' | 'dZ' | 'dW' | 'db' | 'gprime' | 'mW' | 'mb' | 'vW' | 'vb';
/** Matrices of the current batch: the targets Y (n_L x m) and the per-example losses (1 x m). */
export type BatchMatrixName = 'Y' | 'losses';
export type MatrixName = LayerMatrixName | BatchMatrixName;

/** `forward l` (l = 1..L), `loss`, `backward l` (l = L..1), `update`: how divergences name phases. */
export type PhaseLabel = `forward ${number}` | 'loss' | `backward ${number}` | 'update';

export type PhaseKind = 'forward' | 'loss' | 'backward' | 'update';
/** One phase of a step, as the engine lists them (`engine.phases(L)`, `state().phases`). */
export interface Phase {
  kind: PhaseKind;
  /** 1..L for forward and backward; 0 for loss and update. */
  layer: number;
  /** For people: `Forward 1`, `Loss`, `Backward 2`, `Update`. */
  label: string;
}

/** The first value that became NaN or infinite. */
export interface Divergence {
  /** 1-based number of the step in which it happened. */
  step: number;
  phase: PhaseLabel;
  /** Layer of the quantity; 0 for the loss. */
  layer: number;
  quantity: 'Z' | 'A' | 'loss' | 'dA' | 'dZ' | 'dW' | 'db' | 'W' | 'b';
  /** E.g. `step 3, update: W[1] became NaN or infinite; try a lower learning rate`. */
  message: string;
}

/** Everything small about the current moment. */
export interface SessionState {
  /** Sizes n_0 .. n_L. */
  layers: number[];
  /** Index into `phases` of the next phase to run (0 at the start of a step). */
  cursor: number;
  /** The 2L + 2 phases of one step, in order. */
  phases: Phase[];
  nextPhase: Phase;
  /** null on a fresh session or after reset(). */
  lastPhase: Phase | null;
  /** Completed steps. */
  step: number;
  /** Completed epochs. */
  epoch: number;
  /** Batch loss of the last loss phase; null before the first one. */
  loss: number | null;
  /** Training columns (0-based) in the current batch. */
  batch: number[];
  batchSize: number;
  learningRate: number;
  weightDecay: number;
  /** True when dZ[L] = A - Y is used directly (sigmoid + bce, softmax + cross_entropy). */
  fused: boolean;
  /** Phases that previousPhase() can undo now: how far back time travel reaches. */
  historySize: number;
  // --- memory budget ---
  /** Most phases the history keeps (older ones are dropped first). */
  historyLimit: number;
  /** Bytes of saved values the history holds now (at most historyBudgetBytes). */
  historyBytes: number;
  /** Most bytes the history keeps; a phase larger than this cannot be undone. */
  historyBudgetBytes: number;
  /** lossHistory()[i] is the batch loss of step i * lossHistoryStride + 1 (the history is thinned when full). */
  lossHistoryStride: number;
  trainExamples: number;
  testExamples: number;
  /** False for regression (plane, multi_gaussian, mse on explicit data). */
  hasAccuracy: boolean;
  divergence: Divergence | null;
}

export interface PhaseResult {
  /** The phase that ran. */
  phase: Phase;
  divergence: Divergence | null;
}

export interface TrainResult {
  /** Steps run (fewer than asked when the values diverged). */
  steps: number;
  divergence: Divergence | null;
}

export interface Evaluation {
  /** Mean loss; null when there are no examples (no test split). */
  loss: number | null;
  /** Fraction correct; null for regression or with no examples. */
  accuracy: number | null;
  examples: number;
}

export interface SessionData {
  /** Features x training examples. */
  X: Matrix;
  /** Outputs x training examples (encoded targets: one-hot, -1/+1 or 0/1, or values). */
  Y: Matrix;
  XTest: Matrix;
  YTest: Matrix;
  /** Raw 2-D points (2 x n) of a data set; 0 x 0 for explicit data. */
  points: Matrix;
  pointsTest: Matrix;
  /** Class index or regression value of each point; empty for explicit data. */
  labels: Float64Array;
  labelsTest: Float64Array;
}

export interface PredictGridOptions {
  /** Every unit of every layer, not only the output layer. Default false. */
  allUnits?: boolean;
  /**
   * `double` (default): the exact engine, Float64Array maps. `float`: a vectorised
   * single-precision kernel, Float32Array maps, for heatmaps (colours, not numbers);
   * they are views into one buffer per session that the next `float` call overwrites.
   */
  precision?: 'double' | 'float';
}

export interface GridMap<T extends Float64Array | Float32Array> {
  /** 1..L. */
  layer: number;
  /** 0-based. */
  unit: number;
  /** nx * ny values, ny rows of nx: cell (c, r) is at r * nx + c, row 0 at ymin, column 0 at xmin. */
  values: T;
}

export interface GridResult<T extends Float64Array | Float32Array> {
  nx: number;
  ny: number;
  /** Layer by layer, unit by unit; the output units last. */
  maps: GridMap<T>[];
}

export interface GraphOptions {
  /** Training example, 0-based. Default 0. */
  example?: number;
  /** Sigmoid and tanh as their gates (neg, exp, +1, 1/x) when true (default), else one node. */
  expanded?: boolean;
  /**
   * `loss` (default): gradients of the example's loss; `activation`: gradients of the
   * neuron's output itself, as in CS231n.
   */
  root?: 'loss' | 'activation';
}

export interface GraphNode {
  /** Index in `nodes`. */
  id: number;
  /** `x1`, `w1`, `w1*x1`, `z`, `a`, `L`, ... */
  label: string;
  /** `input`, `param`, `mul`, `add`, `neg`, `exp`, `add_const`, `inv`, `div`, an activation name, a loss name, ... */
  op: string;
  kind: 'input' | 'parameter' | 'intermediate' | 'output' | 'target' | (string & {});
  /** Indices of the nodes this one reads (always lower: topological order). */
  inputs: number[];
  value: number;
  /** d root / d this node. */
  grad: number;
}

/** The chain of links of one neuron: dL/dw = dL/da * da/dz * dz/dw. */
export interface ChainLinks {
  dL_da: number;
  da_dz: number;
  /** dL/dz: this example's dZ. */
  delta: number;
  learning_rate: number;
  /** Per input: x, w, dL/dw and w after one plain sgd step. */
  inputs: { label: string; x: number; w: number; dL_dw: number; w_new: number }[];
  b: number;
  b_new: number;
}

/** The scalar operation graph of one neuron for one example, values and gradients on every node. */
export interface NeuronGraph {
  layer: number;
  unit: number;
  example: number;
  root: 'loss' | 'activation';
  expanded: boolean;
  is_output: boolean;
  nodes: GraphNode[];
  /** Index of the z node. */
  z: number;
  /** Index of the a node. */
  a: number;
  /** Index of the root node. */
  output: number;
  links: ChainLinks;
  /** E.g. why a softmax is grouped. */
  note?: string;
}

/** One step of `trace()`, exactly as `bpx trace` prints it. Matrices as rows. */
export interface TraceEntry {
  step: number;
  epoch: number;
  batch: number[];
  /** Layers 1..L. */
  forward: { z: number[][]; a: number[][] }[];
  /** null if it was NaN. */
  loss: number | null;
  /** Layers 1..L. */
  backward: { dA: number[][]; dZ: number[][]; dW: number[][]; db: number[] }[];
  /** Parameters after the update. */
  after: { weights: number[][][]; biases: number[][] };
  /** Present on the last entry when the values diverged. */
  divergence?: Divergence;
}

export interface WalkthroughOptions {
  /** `md`: Markdown with LaTeX (default); `tex`: LaTeX. */
  format?: 'md' | 'tex';
  /** Significant digits shown, 1 to 17; default 6. */
  digits?: number;
}

export interface ResetOptions {
  /**
   * New initial weights drawn with this `init.seed` (0 to 2^53 - 1); the data, the
   * minibatch seed and live hyper-parameters stay. No effect with explicit `init.weights`.
   */
  seed?: number;
}

export type ValidateResult = { ok: true; spec: NormalizedSpec } | { ok: false; error: BpxError };

// ---------------------------------------------------------------------------------------
// Session and Engine
// ---------------------------------------------------------------------------------------

/**
 * A training session: one network, its data and a phase cursor over one step
 * (forward 1..L, loss, backward L..1, update), with time travel over recent phases.
 *
 * It holds engine memory: call `delete()` when done (or use `engine.withSession`, or
 * `using s = engine.session(spec)`). Everything it returns is a copy, safe to keep.
 * Calls after `delete()` throw `BpxError` with code `DELETED`.
 */
export declare class Session implements Disposable {
  /** Sessions come from `engine.session(spec)`. */
  private constructor();

  /** Number of layers after the input (L). */
  readonly L: number;
  /** Sizes n_0 .. n_L (a copy). */
  readonly layers: number[];
  /** True after `delete()`. */
  readonly deleted: boolean;

  /** The cursor, the phase labels, step, epoch, loss, batch, divergence, ... */
  state(): SessionState;

  /** Runs the next phase (keeping it in the history). */
  nextPhase(): PhaseResult;
  /** Undoes the last phase exactly, bit for bit; false when there is no history left. */
  previousPhase(): boolean;
  /** Runs to the end of the current step (a whole step at its start); the divergence or null. */
  step(): Divergence | null;
  /**
   * Runs `n` whole steps (0 to 1,000,000 per call; finishing a started step counts as
   * one), keeping no history; stops at the first divergence.
   */
  train(n: number): TrainResult;
  /** Runs the forward phases and the loss of a new step. Throws `WRONG_PHASE` unless at a step's start. */
  forward(): Divergence | null;
  /** Runs the backward phases. Throws `WRONG_PHASE` unless right after `forward()`. */
  backward(): Divergence | null;
  /** Applies the update. Throws `WRONG_PHASE` unless right after `backward()`. */
  update(): Divergence | null;
  /** Back to the initial parameters and counters, history cleared; see `ResetOptions.seed`. */
  reset(options?: ResetOptions): void;

  /** In (0, 100]; used from the next update. A rejected rate leaves the current one. */
  setLearningRate(learningRate: number): void;
  /** In [0, 10]; used from the next update. */
  setWeightDecay(weightDecay: number): void;
  /** 1 to the number of training examples; starts a fresh shuffled epoch. */
  setBatchSize(batchSize: number): void;

  /** A matrix of the batch: `Y` (targets) or `losses` (per example). */
  matrix(name: BatchMatrixName, layer?: number): Matrix;
  /** A matrix of layer `layer` (1..L; `A` and `dA` also 0: the batch inputs and dL/dX). */
  matrix(name: LayerMatrixName, layer: number): Matrix;
  /** W[l]: n_l x n_{l-1}. */
  W(layer: number): Matrix;
  /** b[l]: n_l x 1. */
  b(layer: number): Matrix;
  /** Z[l] = W[l] A[l-1] + b[l]: n_l x m. */
  Z(layer: number): Matrix;
  /** A[l] = g(Z[l]): n_l x m; A[0] is the batch inputs. */
  A(layer: number): Matrix;
  /** dL/dA[l]: n_l x m; dA[0] is dL/dX. */
  dA(layer: number): Matrix;
  /** dL/dZ[l]: n_l x m. */
  dZ(layer: number): Matrix;
  /** dL/dW[l] (mean over the batch): n_l x n_{l-1}. */
  dW(layer: number): Matrix;
  /** dL/db[l]: n_l x 1. */
  db(layer: number): Matrix;
  /** g'(Z[l]) (for softmax, the diagonal a(1 - a)): n_l x m. */
  gprime(layer: number): Matrix;
  /** The targets of the current batch: n_L x m. */
  Y(): Matrix;

  /** Batch loss of each completed step. */
  lossHistory(): Float64Array;
  /** Loss and accuracy on the training or the test data with the current parameters. */
  evaluate(which?: 'train' | 'test'): Evaluation;
  /** The data: features and targets per split, and the raw points and labels. */
  data(): SessionData;

  /**
   * Outputs over an nx x ny grid (1..1000 each) of (x1, x2) from (xmin, ymin) to
   * (xmax, ymax), in one engine call; inputs go through the spec's features. Needs 2
   * inputs or a data set. Requests over 8,388,608 values throw `INVALID_ARGUMENT`.
   */
  predictGrid(nx: number, ny: number, xmin: number, xmax: number, ymin: number, ymax: number,
    options: PredictGridOptions & { precision: 'float' }): GridResult<Float32Array>;
  predictGrid(nx: number, ny: number, xmin: number, xmax: number, ymin: number, ymax: number,
    options?: PredictGridOptions & { precision?: 'double' }): GridResult<Float64Array>;

  /** The operation graph of one neuron (layer 1..L, unit 0-based) with the current parameters. */
  graph(layer: number, unit: number, options?: GraphOptions): NeuronGraph;

  /** Runs `steps` steps (default 1, up to 100,000) and returns what `bpx trace` prints for them. */
  trace(steps?: number): TraceEntry[];
  /**
   * The same trace as text: byte for byte the stdout of `bpx trace SPEC --steps N`,
   * without its final newline. Throws `INVALID_ARGUMENT` past about 4 million numbers.
   */
  traceText(steps?: number): string;
  /** The worked example of this spec (as `bpx walkthrough`), on a fresh copy of the session. */
  walkthrough(options?: WalkthroughOptions): string;
  /** The spec with every default filled in, including the live hyper-parameters. */
  spec(): NormalizedSpec;

  // --- Practice mode ---
  /** Checks a learner's answer for one entry, as the session computes it next (ask before the phase runs). */
  check(question: PracticeAnswer): PracticeCheck;
  /** The three hint levels and the exact value of one entry. */
  practiceHints(question: PracticeQuestion): PracticeHints;
  /** What phase `phase` of a step (default: the next one) computes, with shapes. */
  practiceQuestions(phase?: number): PracticeQuantityInfo[];
  // --- end of practice mode ---

  /** Frees the engine memory of this session. Safe to call twice. */
  delete(): void;
  /** Same as `delete()`: `using s = engine.session(spec)`. */
  [Symbol.dispose](): void;
}

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
  /** The values g takes. */
  range: Range;
}

export interface LossInfo {
  name: Loss;
  display: string;
  tex: string;
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
// --- Practice mode ---------------------------------------------------------------------

/** A quantity of one step, in the README's notation. */
export type PracticeQuantity = 'Z' | 'A' | 'loss' | 'dA' | 'dZ' | 'dW' | 'db' | 'W' | 'b';

/** One entry of a quantity: `quantity: 'dZ', layer: 2` (or `quantity: 'dZ[2]'`); entry 0-based [row, col]. */
export interface PracticeQuestion {
  quantity: PracticeQuantity | string;
  /** 1..L (0 also for dA: dL/dX); not used for the loss. */
  layer?: number;
  /** [row, col] or {row, col}; default [0, 0]. */
  entry?: [number, number] | { row: number; col: number };
}

export interface PracticeAnswer extends PracticeQuestion {
  /** As typed: a number (point or comma), a fraction or arithmetic such as `0.5*0.62 + 0.05`. */
  answer: string;
}

/** A known mistake that reproduces the answer (id from `practiceCatalogue()`), or `unknown`. */
export interface PracticeDiagnosis {
  id: string;
  /** Quotes the learner's number. */
  message: string;
}

export interface PracticeHints {
  /** The exact value of the entry. */
  expected: number;
  /** Level 1 the rule, 2 the rule with this entry's numbers, 3 the value (plain text). */
  hints: [string, string, string];
}

export interface PracticeCheck extends PracticeHints {
  /** Equal to the exact value at the digits typed. */
  correct: boolean;
  /** The value of what was typed. */
  answer: number;
  /** Significant digits the answer carries. */
  digits: number;
  /** Only when wrong. */
  diagnosis: PracticeDiagnosis | null;
}

/** A quantity a phase computes, with its shape. */
export interface PracticeQuantityInfo {
  quantity: PracticeQuantity;
  layer: number;
  /** "dZ[2]" or "loss". */
  name: string;
  rows: number;
  cols: number;
}

export interface PracticeExercise {
  seed: number;
  /** "2-3-2, tanh hidden units, softmax output, cross-entropy, learning rate 0.5" */
  title: string;
  spec: Spec;
}

export interface PracticeCatalogue {
  mistakes: { id: string; summary: string }[];
  limits: { answerLength: number; answerNesting: number; answerDigits: number };
}
// --- end of practice mode --------------------------------------------------------------

/** The loaded WebAssembly engine. One per page is enough; it holds any number of sessions. */
// --- Code view ---------------------------------------------------------------------------
export type CodeLang = 'numpy' | 'pytorch';
export interface CodeLinesOptions {
  lang?: CodeLang;
  /** Phase index 0..2L+1; default: the phase just run (or the next one at the start). */
  phase?: number;
}
export interface CodeScriptOptions {
  lang?: CodeLang;
  /** Steps the script runs, 1..codeMaxSteps (default 1). */
  steps?: number;
}
/** One Python statement of the code view. */
export interface CodeLine {
  text: string;
  /** The session quantity it computes (Z A dA dZ dW db W b mW mb vW vb Y), 'loss', or ''. */
  quantity: string;
  layer: number;
  /** [rows, cols]; [] for a Python scalar (the loss, m). */
  shape: number[];
  /** The code slips that happen on this line, in plain words. */
  notes: string[];
  /** Its value after the phase (when `current`): a matrix, the loss, or null. */
  value: Matrix | number | null;
}
export interface PhaseCode {
  /** The phase, as `state().phases` lists it. */
  phase: Phase;
  phaseIndex: number;
  /** True when this is the phase just run, so the values are its results. */
  current: boolean;
  lines: CodeLine[];
}
// --- end of the code view ----------------------------------------------------------------

export declare class Engine {
  /** Engines come from `createEngine()` or `createEngineWith()`. */
  private constructor();

  /** The engine's description of itself; the same frozen object on every call. */
  catalog(): Readonly<Catalog>;
  /** The phases of one step of a network with L (1..limits.maxLayers) layers after the input. */
  phases(L: number): Phase[];
  /**
   * Every catalogue feature (x1, x2, x1², ...) over an nx × ny grid (1..200 each) of
   * [xmin, xmax] × [ymin, ymax], laid out as `predictGrid`'s maps: for pictures of the inputs.
   */
  featureGrid(nx: number, ny: number, xmin: number, xmax: number, ymin: number, ymax: number): { feature: string; values: Float64Array }[];

  /** A new session from a spec (an object or JSON text); throws `INVALID_SPEC` naming the field. */
  session(spec: Spec | string): Session;
  /**
   * Runs `fn(session)` and deletes the session afterwards, also when `fn` throws. When
   * `fn` returns a promise, the session is deleted once it settles.
   */
  withSession<T>(spec: Spec | string, fn: (session: Session) => T): T;
  /** Checks a spec without creating a session. Never throws. */
  validate(spec: unknown): ValidateResult;
  // --- Code view -----------------------------------------------------------------------
  /** Largest `steps` of codeScript. */
  readonly codeMaxSteps: number;
  /** The NumPy or PyTorch lines of one phase of a session, with shapes, slip notes and values. */
  codeLines(session: Session, options?: CodeLinesOptions): PhaseCode;
  /** A runnable Python script of a spec (or a session's spec) that prints the whole trace. */
  codeScript(spec: Spec | string | Session, options?: CodeScriptOptions): string;
  // --- end of the code view ---------------------------------------------------------------
  /** Bytes of wasm memory (grows, never shrinks): for leak checks. */
  heapBytes(): number;
  /**
   * True once the module failed beyond repair (it aborted, or an out-of-memory damaged
   * it): every call then throws `ENGINE_LOST`; load a new engine with createEngine.
   */
  readonly lost: boolean;
  /** Bytes the engine's allocator has handed out and not freed: for leak checks. */
  heapUsedBytes(): number;
  /** Live embind value handles: for leak checks (0 between calls). */
  handleCount(): number;

  // ---- Circuit mode: any program of scalar operations as a graph of gates ----------------
  /**
   * The gate graph of a program: lines `name = expression` (also += -= *= /=), inputs as
   * numbers or arrays of numbers, or one expression. Throws `INVALID_PROGRAM` with `.line`
   * and `.column` for a bad program, `INVALID_ARGUMENT` for bad options.
   * @example engine.circuit('(x + y) * z', { set: { x: -2, y: 5, z: -4 } }).inputs.z.grad // 3
   */
  circuit(program: string, options?: CircuitOptions): Circuit;
  /** The preset circuits, the functions of the language and its limits. */
  circuitCatalogue(): CircuitCatalogue;
  // ---- end of circuit mode -----------------------------------------------------------------

  // --- Practice mode ---
  /** Seeded practice exercise `seed` (0 to 2^53 - 1): a small network with friendly numbers. */
  exercise(seed: number): PracticeExercise;
  /** The mistakes a check can name and the limits on a typed answer. */
  practiceCatalogue(): PracticeCatalogue;
  // --- end of practice mode ---
}

export interface CreateEngineOptions {
  /**
   * The bytes of `bpx_wasm.wasm`. With them nothing is fetched. In Node, `createEngine`
   * reads them from disk when this is absent.
   */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /**
   * Where the `.wasm` is: called as `locateFile('bpx_wasm.wasm', scriptDirectory)`.
   * For bundlers that move the file, e.g. Vite: `import wasmUrl from
   * 'backprop-explorer/dist/bpx_wasm.wasm?url'` then `locateFile: () => wasmUrl`.
   */
  locateFile?: (path: string, scriptDirectory: string) => string;
}

/**
 * An Emscripten module factory: the default export of `dist/bpx_wasm.mjs`, or the global
 * `createBpxModule` that `dist/bpx_wasm_single.js` defines.
 */
export type ModuleFactory = (moduleArg?: object) => Promise<unknown>;

/** Loads the engine from a factory (for the single-file build, or a factory you imported). */
export declare function createEngineWith(factory: ModuleFactory, options?: CreateEngineOptions): Promise<Engine>;

// ---------------------------------------------------------------------------------------
// Circuit mode
// ---------------------------------------------------------------------------------------

export interface CircuitOptions {
  /** Values of inputs, overriding the program's: `{ x: 1, 'w[0]': 2 }`; free names need one. */
  set?: Record<string, number>;
  /** The name differentiated (default: the last name assigned, or the lone expression `f`). */
  output?: string;
  /** sigmoid as neg -> exp -> +1 -> 1/x and tanh as (e^2x - 1)/(e^2x + 1) (default false). */
  expanded?: boolean;
}

export interface CircuitPath {
  /** The gate this wire goes into, and which of its inputs it is. */
  to: string;
  slot: number;
  /** The gradient arriving along this wire: the gate's gradient times its local gradient. */
  grad: number;
}

export interface CircuitNode {
  id: string;
  /** The variable's name (a repeated one as `x#2`), `w[0]`, a constant's text, or `t1`, `t2`, ... */
  label: string;
  /** input, const, add, sub, mul, div, neg, pow, exp, log, sqrt, tanh, sigmoid, relu, abs,
   *  max, min; expanded gates add_const, scale, inv. */
  op: string;
  kind: 'input' | 'constant' | 'gate' | 'output';
  inputs: string[];
  value: number;
  /** d output / d this node: the sum of `paths`. */
  grad: number;
  /** d this / d input, per input. */
  local: number[];
  paths: CircuitPath[];
  /** The gate written with its inputs' labels: `x + y`, `exp(t1)`. */
  formula: string;
  /** The formula with the inputs' values (6 significant digits): `(-2) + 5`. */
  calculation: string;
  constant?: number;
  /** For the gates of an expanded sigmoid or tanh: which composite they belong to. */
  group?: { name: 'sigmoid' | 'tanh'; id: number };
  pattern?: 'distributes' | 'swaps' | 'routes';
  /** How this gate passes its gradient back, with its numbers. */
  note?: string;
  line: number;
  column: number;
}

export interface CircuitInput {
  value: number;
  grad: number;
  /** Central finite difference (f(x + h) - f(x - h)) / 2h; null where it cannot be evaluated. */
  numeric: number | null;
  step: number;
}

export interface Circuit {
  output: { name: string; value: number; node: string };
  inputs: Record<string, CircuitInput>;
  expanded: boolean;
  /** Topological order: what the output depends on, and every input. */
  nodes: CircuitNode[];
  /** The ids of the gates in the order they fire. */
  forward: string[];
}

export interface CircuitPreset {
  id: string;
  title: string;
  program: string;
  expanded: boolean;
  /** The id of a preset to show beside this one, or ''. */
  compare: string;
  about: string;
}

export interface CircuitCatalogue {
  presets: CircuitPreset[];
  functions: { name: string; arity: number }[];
  limits: { programBytes: number; lines: number; lineLength: number; nesting: number;
    nodes: number; arrayLength: number; nameLength: number };
}
