// The friendly JavaScript API over the raw embind module: plain objects and Float64Array
// copies out, typed errors (BpxError with .code) thrown, nothing on the heap for users to
// manage except Session.delete(). Types and docs: engine.d.ts. The parts: engine-errors.js
// (BpxError, the guard at the wasm boundary, argument checks), engine-session.js (Session),
// engine-health.js (whether a module can still be trusted); this file: Engine and loading.
import {
  BpxError, ERROR_MARK, LONE_SURROGATE, MAX_SEED, checkBoolean, checkInteger, checkNumber, checkOneOf, deepFreeze, describe,
  options, specText, unwrap,
} from './engine-errors.js';
import { Health } from './engine-health.js';
import { Session } from './engine-session.js';

export { BpxError, Session };

/** The loaded engine. */
export class Engine {
  #module;
  #health;
  #catalog = null;
  constructor(module, health) {
    this.#module = module;
    this.#health = health;
    health.watch(module);
  }

  /** True once the module failed beyond repair (see createEngine): load a new engine. */
  get lost() { return this.#health.lost; }
  /**
   * Calls fn(error) once when the module is lost (error: the ENGINE_LOST BpxError), in a task
   * of its own after the call that found the failure; at once (in a task) if it already is.
   * Returns a function that cancels the subscription.
   */
  onLost(fn) {
    if (typeof fn !== 'function') {
      throw new BpxError('INVALID_ARGUMENT', `onLost: expected a function, got ${describe(fn)}`, 'fn');
    }
    return this.#health.onLost(fn);
  }

  #m() {
    if (this.#health.lost) throw this.#health.lostError();
    return this.#module;
  }
  // Spec text goes to the engine only within its limit, and only if the engine can hold
  // it: embind copies strings with a malloc whose failure it does not check.
  #specFits(text) {
    const { maxSpecBytes } = this.#health.limits;
    if (text.length > maxSpecBytes) {
      throw new BpxError('INVALID_SPEC', `the spec is ${text.length} characters long; the limit is ${maxSpecBytes} bytes`);
    }
    if (!this.#module.canAllocate(3 * text.length + 8)) {
      const error = new BpxError('OUT_OF_MEMORY', `the engine has no room for a spec of ${text.length} characters; delete other sessions`);
      this.#health.check(error);
      throw error;
    }
  }

  /**
   * The engine's description of itself: activations, losses, optimizers (parameters with
   * defaults and ranges), init schemes, data sets, features and limits. Parsed once, then
   * the same frozen object on every call.
   */
  catalog() {
    if (!this.#catalog) this.#catalog = deepFreeze(JSON.parse(this.#module.catalogJson()));
    return this.#catalog;
  }
  /** The phases of one step of a network with L layers after the input: [{kind, layer, label}]. */
  phases(L) {
    checkInteger('L', L, 1, this.catalog().limits.maxLayers);
    return JSON.parse(this.#module.phasesJson(L));
  }
  /**
   * Every catalogue feature over an nx x ny grid of [xmin, xmax] x [ymin, ymax]:
   * [{feature, values: Float64Array}], values laid out as predictGrid's maps.
   */
  featureGrid(nx, ny, xmin, xmax, ymin, ymax) {
    checkInteger('nx', nx, 1, 200);
    checkInteger('ny', ny, 1, 200);
    for (const [name, v] of [['xmin', xmin], ['xmax', xmax], ['ymin', ymin], ['ymax', ymax]]) checkNumber(name, v);
    const flat = this.#module.featureGrid(nx, ny, xmin, xmax, ymin, ymax);
    if (typeof flat === 'string') throw new BpxError('INVALID_ARGUMENT', flat, 'nx');
    const cells = nx * ny;
    return this.catalog().features.map((f, k) => ({ feature: f.name, values: flat.subarray(k * cells, (k + 1) * cells) }));
  }

  // embind's constructor allocates before any guard of the engine's: when the heap is full its
  // bad_alloc reaches JS as a bare WebAssembly.Exception. It is the engine's OUT_OF_MEMORY.
  #newRaw(module) {
    try {
      return new module.RawSession();
    } catch {
      const error = new BpxError('OUT_OF_MEMORY', 'the engine ran out of memory: no room for a new session; delete other sessions or use a smaller network or data set');
      this.#health.check(error);
      throw error;
    }
  }

  /** A new session from a spec (object or JSON text); throws BpxError naming the field. */
  session(spec) {
    const text = specText(spec);
    const module = this.#m();
    this.#specFits(text);
    const raw = this.#newRaw(module);
    const error = raw.load(text);
    if (error) {
      raw.delete();
      unwrap(error, this.#health);
    }
    return new Session(raw, this.#health, module);
  }
  /** Runs fn(session) and deletes the session afterwards, even on error. */
  withSession(spec, fn) {
    if (typeof fn !== 'function') {
      throw new BpxError('INVALID_ARGUMENT', `withSession: expected a function, got ${describe(fn)}`, 'fn');
    }
    const s = this.session(spec);
    let result;
    try {
      result = fn(s);
    } catch (e) {
      s.delete();
      throw e;
    }
    if (result && typeof result.then === 'function') {
      return Promise.resolve(result).finally(() => s.delete());
    }
    s.delete();
    return result;
  }
  /** {ok: true, spec} with defaults filled in, or {ok: false, error: BpxError}. Never throws. */
  validate(spec) {
    let text;
    try {
      text = specText(spec);
    } catch (error) {
      return { ok: false, error };
    }
    let out;
    try {
      const module = this.#m();
      this.#specFits(text);
      out = module.normalizeSpec(text);
      unwrap(out, this.#health);
    } catch (error) {
      if (error instanceof BpxError) return { ok: false, error };
      throw error;
    }
    return { ok: true, spec: JSON.parse(out) };
  }
  /**
   * The spec's data as points of the plane with labels ({points, labels, task, classes,
   * features}): explicit examples of 2 inputs with their targets decoded by the engine (the
   * largest of several outputs; 0/1 or -1/+1 as two classes; other values as regression
   * values in [-1, 1]). Point data comes back as it is; other data throws INVALID_ARGUMENT.
   */
  pointData(spec) {
    const text = specText(spec);
    const module = this.#m();
    this.#specFits(text);
    return JSON.parse(unwrap(module.pointDataJson(text), this.#health));
  }
  // --- Code view: each phase as NumPy / PyTorch lines, and the exported scripts ---------
  /** Largest `steps` of codeScript (the engine's limit). */
  get codeMaxSteps() { return this.#module.codeMaxSteps(); }
  /**
   * The NumPy or PyTorch lines of one phase of `session`, each with the quantity it
   * computes, its shape, the slip notes of that line and (for the phase just run) its
   * value from the session: a {rows, cols, shape, data} matrix, or the loss as a number.
   * opts: {lang: 'numpy' | 'pytorch', phase: index 0..2L+1 (default: the phase just run,
   * or the next one at the start)}.
   */
  codeLines(session, opts) {
    if (!(session instanceof Session)) {
      throw new BpxError('INVALID_ARGUMENT', `codeLines: expected a Session, got ${describe(session)}`, 'session');
    }
    const st = session.state();
    const count = st.phases.length;
    const last = st.lastPhase === null ? -1 : (st.cursor - 1 + count) % count;
    const { lang = 'numpy', phase = last >= 0 ? last : st.cursor } = options('options', opts);
    checkOneOf('lang', lang, ['numpy', 'pytorch']);
    checkInteger('phase', phase, 0, count - 1);
    const m = st.batch.length || Math.min(st.batchSize, st.trainExamples);
    const minibatch = st.batchSize < st.trainExamples;
    const spec = JSON.stringify(session.spec());
    const out = JSON.parse(unwrap(this.#module.codeLines(spec, lang, phase, m, minibatch)));
    const current = phase === last;
    for (const line of out.lines) {
      line.value = null;
      if (!current || !line.quantity) continue;
      line.value = line.quantity === 'loss' ? st.loss : session.matrix(line.quantity, line.layer);
    }
    return { phase: out.phase, phaseIndex: phase, current, lines: out.lines };
  }
  /**
   * A runnable Python script (NumPy, or PyTorch float64 with autograd and torch.optim) of a
   * spec or of a session's spec, from its initial parameters: `steps` steps, printing every
   * quantity of the trace (as `bpx code SPEC --lang L --steps N`).
   */
  codeScript(specOrSession, opts) {
    const { lang = 'numpy', steps = 1 } = options('options', opts);
    checkOneOf('lang', lang, ['numpy', 'pytorch']);
    checkInteger('steps', steps, 1, this.codeMaxSteps);
    const text = specOrSession instanceof Session ? JSON.stringify(specOrSession.spec()) : specText(specOrSession);
    return unwrap(this.#module.codeScript(text, lang, steps));
  }
  // --- end of the code view ------------------------------------------------------------

  /** Bytes of wasm memory (grows, never shrinks): for leak checks. */
  heapBytes() { return this.#module.HEAP8.length; }
  /** Bytes the engine's allocator has handed out and not freed (mallinfo): for leak checks. */
  heapUsedBytes() { return this.#module.heapUsedBytes(); }
  /** Live embind value handles: for leak checks. */
  handleCount() { return this.#module.count_emval_handles(); }

  // ---- Circuit mode: any program of scalar operations as a graph of gates ----------------
  /**
   * The gate graph of a program (text): {output, inputs, expanded, nodes, forward}.
   * opts: {set: {name: number}, output: name, expanded: boolean}. A bad program throws
   * BpxError INVALID_PROGRAM with .line and .column (1-based); bad options INVALID_ARGUMENT.
   */
  circuit(program, opts) {
    if (typeof program !== 'string') {
      throw new BpxError('INVALID_ARGUMENT', `program: expected the program's text, got ${describe(program)}`, 'program');
    }
    const { set = {}, output = '', expanded = false } = options('options', opts);
    if (set === null || typeof set !== 'object' || Array.isArray(set)) {
      throw new BpxError('INVALID_ARGUMENT', `set: expected an object of numbers, got ${describe(set)}`, 'set');
    }
    for (const [name, value] of Object.entries(set)) checkNumber(`set.${name}`, value);
    if (typeof output !== 'string') {
      throw new BpxError('INVALID_ARGUMENT', `output: expected a name, got ${describe(output)}`, 'output');
    }
    checkBoolean('expanded', expanded);
    // A program longer than the limit in UTF-16 units is longer in UTF-8 bytes too: refuse
    // it before copying it into wasm memory (the engine's own check words the same limit).
    const { programBytes } = this.circuitCatalogue().limits;
    if (program.length > programBytes) {
      throw Object.assign(new BpxError('INVALID_PROGRAM', `line 1, column 1: the program is more than ${programBytes} bytes long; the limit is ${programBytes}`,
        'line 1, column 1'), { line: 1, column: 1 });
    }
    const text = this.#module.circuitJson(program.replace(LONE_SURROGATE, '\uFFFD'),
      JSON.stringify({ set, output, expanded }));
    if (text[0] === ERROR_MARK) {
      const e = JSON.parse(text.slice(1));
      const error = new BpxError(e.code, e.message, e.path);
      if (e.code === 'INVALID_PROGRAM') Object.assign(error, { line: e.line, column: e.column });
      throw error;
    }
    return JSON.parse(text);
  }
  /** The preset circuits, the functions of the language and its limits. */
  circuitCatalogue() {
    this.#circuitCatalogue ??= JSON.parse(this.#module.circuitCatalogue());
    return structuredClone(this.#circuitCatalogue);
  }
  #circuitCatalogue;
  /**
   * Practice on circuits: checks a typed answer for a gate's value (asked 'value'), the
   * gradient gate `node` passes to its input `slot` ('wire') or a node's gradient ('grad'),
   * in the circuit of `program` with opts as for circuit(). Returns {correct, expected,
   * answer, digits, diagnosis: {id, message} | null, rule}. Types: circuit-practice.d.ts.
   */
  circuitCheck(program, opts, question) {
    const { node, asked = 'value', slot = 0, answer } = options('question', question);
    if (typeof node !== 'string' || node.length > 64) throw new BpxError('INVALID_ARGUMENT', `node: expected a node id, got ${describe(node)}`, 'node');
    checkOneOf('asked', asked, ['value', 'wire', 'grad']);
    checkInteger('slot', slot, 0, 1000);
    if (typeof answer !== 'string') throw new BpxError('INVALID_ARGUMENT', `answer: expected the text typed, got ${describe(answer)}`, 'answer');
    this.circuit(program, opts); // checks the program and the options as circuit() does
    const { set = {}, output = '', expanded = false } = opts ?? {};
    const text = this.#module.circuitCheck(program.replace(LONE_SURROGATE, '\uFFFD'), JSON.stringify({ set, output, expanded }),
      JSON.stringify({ node, asked, slot, answer: answer.slice(0, 1000).replace(LONE_SURROGATE, '\uFFFD') }));
    return JSON.parse(unwrap(text));
  }
  /** The mistakes a circuit check can name: [{id, summary}]. */
  circuitMistakes() { return JSON.parse(this.#module.circuitMistakes()); }
  // ---- end of circuit mode -----------------------------------------------------------------

  // --- Practice mode: seeded exercises and the catalogue of known mistakes ---
  /** Seeded practice exercise `seed`: {seed, title, spec} (a small network, friendly numbers). */
  exercise(seed) {
    checkInteger('seed', seed, 0, MAX_SEED);
    return JSON.parse(unwrap(this.#module.practiceExercise(seed)));
  }
  /** The mistakes a check can name ({id, summary}) and the limits on a typed answer. */
  practiceCatalogue() { return JSON.parse(this.#module.practiceCatalogue()); }
  // --- end of practice mode ---
}

/**
 * Loads the engine from an Emscripten factory (the default export of dist/bpx_wasm.mjs,
 * or `createBpxModule` of the single-file build). options: {wasmBinary, locateFile}.
 */
export async function createEngineWith(factory, opts) {
  if (typeof factory !== 'function') {
    throw new BpxError('INVALID_ARGUMENT', `createEngineWith: expected the module factory, got ${describe(factory)}`, 'factory');
  }
  const { wasmBinary, locateFile } = options('options', opts);
  const moduleOptions = {};
  if (wasmBinary !== undefined) moduleOptions.wasmBinary = wasmBinary;
  if (locateFile !== undefined) moduleOptions.locateFile = locateFile;
  const health = new Health();
  moduleOptions.onAbort = () => { health.lose('the engine aborted'); };
  const module = await factory(moduleOptions);
  return new Engine(module, health);
}
