// Types of engine.js: the JavaScript API over the WebAssembly engine of Backprop Explorer.
// The types live by concern in engine-errors.d.ts, engine-spec.d.ts, engine-session.d.ts,
// engine-catalog.d.ts, engine-practice.d.ts and engine-circuit.d.ts, all re-exported here.
// Guide with examples: docs/js-api.md.
/// <reference lib="esnext.disposable" />
import type { BpxError } from './engine-errors.js';
import type { Catalog } from './engine-catalog.js';
import type { Circuit, CircuitCatalogue, CircuitOptions } from './engine-circuit.js';
import type { PracticeCatalogue, PracticeExercise } from './engine-practice.js';
import type { Matrix, Phase, PhaseLabel, Session } from './engine-session.js';
import type { NormalizedSpec, PointData, Spec } from './engine-spec.js';

export * from './engine-errors.js';
export * from './engine-spec.js';
export * from './engine-session.js';
export * from './engine-catalog.js';
export * from './engine-practice.js';
export * from './engine-circuit.js';


export type ValidateResult = { ok: true; spec: NormalizedSpec } | { ok: false; error: BpxError };

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
  /**
   * The spec's data as points of the plane with labels: explicit examples of 2 inputs with
   * their targets decoded by the engine (the largest of several outputs is the class;
   * with one output, 0/1 or -1/+1 targets are two classes, other values regression values
   * clipped to [-1, 1]); point data as it is. Throws `INVALID_SPEC` for an invalid spec,
   * `INVALID_ARGUMENT` for other data (a generated set, or not 2 inputs).
   */
  pointData(spec: Spec | string): PointData & Required<Pick<PointData, 'features' | 'task'>>;
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
  /**
   * Calls `fn` once when the module is lost, with the `ENGINE_LOST` BpxError; in a task of its
   * own after the call that found the failure has thrown (at once, in a task, if the engine is
   * already lost). Returns a function that cancels the subscription.
   */
  onLost(fn: (error: BpxError) => void): () => void;
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
