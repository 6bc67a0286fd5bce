// Types of engine-session.js: a Session and what it gives back. Re-exported by engine.d.ts;
// guide: docs/js-api.md.
/// <reference lib="esnext.disposable" />
import type { ExplicitInit, NormalizedSpec, PointData, Spec } from './engine-spec.js';
import type { PracticeAnswer, PracticeCheck, PracticeHints, PracticeQuantityInfo, PracticeQuestion } from './engine-practice.js';

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

/** Everything the step view draws (Session.snapshot()): per-layer arrays indexed 1..L with an empty matrix at 0; A and dA 0..L. */
export interface SessionSnapshot {
  state: SessionState;
  W: Matrix[];
  b: Matrix[];
  Z: Matrix[];
  dZ: Matrix[];
  dW: Matrix[];
  db: Matrix[];
  gprime: Matrix[];
  A: Matrix[];
  dA: Matrix[];
  Y: Matrix;
  losses: Matrix;
}

/** Session.nextPhaseSnapshot(): a phase run and what the view draws after it, in one call. */
export interface PhaseSnapshot extends PhaseResult {
  state: SessionState;
  /** W and b (indexed 1..L) before the phase, when it was the update; else null. */
  before: { W: Matrix[]; b: Matrix[] } | null;
  /** Null when called with {matrices: false}. */
  snapshot: SessionSnapshot | null;
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

  /**
   * New points for the same network, between steps (`WRONG_PHASE` inside a step): the spec's
   * point form; `features`, `task` and `classes` default to the session's and may not differ.
   * W, b, the optimizer state, step, epoch and the loss curve stay; the next step starts a
   * fresh shuffled epoch, a batch size above the new count becomes the whole set, and the
   * time-travel history is cleared. `INVALID_ARGUMENT` (path `data.…`) for bad points; a
   * session of explicit inputs and targets refuses.
   */
  replaceData(data: PointData): void;
  /**
   * Sets one weight `W[layer]` (row, col) or bias `b[layer]` (row, col 0) to a finite value,
   * between steps (`WRONG_PHASE` inside a step); the time-travel history is cleared.
   * `INVALID_ARGUMENT` names `name`, `layer`, `row`, `col` or `value`.
   */
  setParameter(name: 'W' | 'b', layer: number, row: number, col: number, value: number): void;
  /** The state and every matrix the step view draws, in one call into the engine. */
  snapshot(): SessionSnapshot;
  /** nextPhase() and snapshot() in one call into the engine ({matrices: false}: the state only). */
  nextPhaseSnapshot(options?: { matrices?: boolean }): PhaseSnapshot;

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
  /**
   * The spec with the current parameters as its explicit initial values (`init.weights`,
   * `init.biases`; everything else as `spec()`): a new session of it computes the same
   * forward pass bit for bit. For export, links and edits that start from what the network
   * has learnt. Throws `DIVERGED` when a parameter is NaN or infinite.
   */
  specWithParameters(): NormalizedSpec & { init: ExplicitInit };

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
