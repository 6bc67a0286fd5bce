// The page's typed view of the engine (bindings/wasm). Everything numeric that the page
// shows comes through these calls; the page does no gradient arithmetic of its own.
// The page loads the browser build directly (engine.js + the ES-module glue); the package
// entry index.js also carries a Node branch that the bundle does not need.
import factory from '../../bindings/wasm/dist/bpx_wasm.mjs';
import { createEngineWith } from '../../bindings/wasm/engine.js';
import wasmUrl from '../../bindings/wasm/dist/bpx_wasm.wasm?url';

export { BpxError } from '../../bindings/wasm/engine.js';
// The engine's own declarations for what the page reads unchanged.
import type { Matrix, NeuronGraph } from '../../bindings/wasm/engine.js';
export type { GraphNode, Matrix, NeuronGraph } from '../../bindings/wasm/engine.js';
export type { ChainLinks as GraphLinks } from '../../bindings/wasm/engine.js';

export interface SessionState {
  layers: number[];
  cursor: number;
  phases: string[];
  nextPhase: string;
  lastPhase: string | null;
  step: number;
  epoch: number;
  loss: number | null;
  batch: number[];
  batchSize: number;
  learningRate: number;
  fused: boolean;
  historySize: number;
  /** Most phases the undo history keeps (the engine's bound). */
  historyLimit: number;
  trainExamples: number;
  testExamples: number;
  hasAccuracy: boolean;
  divergence: unknown;
}

export type MatrixName =
  | 'W' | 'b' | 'Z' | 'A' | 'dA' | 'dZ' | 'dW' | 'db' | 'gprime'
  | 'mW' | 'mb' | 'vW' | 'vb' | 'Y' | 'losses';

export interface Session {
  readonly L: number;
  readonly layers: number[];
  readonly deleted: boolean;
  state(): SessionState;
  nextPhase(): { phase: string; divergence: unknown };
  previousPhase(): boolean;
  step(): unknown;
  train(n: number): { steps: number; divergence: unknown };
  reset(): void;
  setLearningRate(lr: number): void;
  setWeightDecay(wd: number): void;
  setBatchSize(n: number): void;
  matrix(name: MatrixName, layer?: number): Matrix;
  W(l: number): Matrix;
  b(l: number): Matrix;
  Z(l: number): Matrix;
  A(l: number): Matrix;
  dA(l: number): Matrix;
  dZ(l: number): Matrix;
  dW(l: number): Matrix;
  db(l: number): Matrix;
  gprime(l: number): Matrix;
  Y(): Matrix;
  lossHistory(): Float64Array | number[];
  evaluate(which?: 'train' | 'test'): { loss: number; accuracy: number | null; examples: number };
  data(): {
    X: Matrix; Y: Matrix; XTest: Matrix; YTest: Matrix;
    points: Matrix; pointsTest: Matrix;
    labels: Float64Array; labelsTest: Float64Array;
  };
  predictGrid(
    nx: number, ny: number, xmin: number, xmax: number, ymin: number, ymax: number,
    options?: { allUnits?: boolean },
  ): { nx: number; ny: number; maps: { layer: number; unit: number; values: Float64Array }[] };
  graph(
    layer: number, unit: number,
    options?: { example?: number; expanded?: boolean; root?: 'loss' | 'activation' },
  ): NeuronGraph;
  trace(steps?: number): unknown;
  traceText(steps?: number): string;
  walkthrough(options?: { format?: 'md' | 'tex'; digits?: number }): string;
  spec(): Spec;
  delete(): void;
}

export interface Engine {
  session(spec: Spec | string): Session;
  withSession<T>(spec: Spec | string, fn: (s: Session) => T): T;
  validate(spec: Spec | string): { ok: true; spec: Spec } | { ok: false; error: Error & { code: string; path: string } };
  heapBytes(): number;
  handleCount(): number;
  /** True once the module failed beyond repair: load a new engine. */
  readonly lost: boolean;
}

/** The spec (DESIGN.md). Loosely typed: the engine is the one validator. */
export interface Spec {
  layers: number[];
  activations?: string[];
  loss?: string;
  optimizer?: { type: string; learning_rate?: number; [k: string]: unknown };
  batch_size?: number;
  init?: { weights?: number[][][]; biases?: number[][]; scheme?: string; seed?: number };
  data?: {
    inputs?: number[][];
    targets?: number[][];
    dataset?: string;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}

/** Loads the engine; the .wasm is the bundled asset next to the page's JS. */
export async function loadEngine(): Promise<Engine> {
  const engine = await createEngineWith(factory, {
    locateFile: (path: string) => (path.endsWith('.wasm') ? wasmUrl : path),
  });
  return engine as unknown as Engine;
}

/** Element (i, j) of a matrix. */
export function at(m: Matrix, i: number, j = 0): number {
  return m.data[i * m.cols + j];
}
