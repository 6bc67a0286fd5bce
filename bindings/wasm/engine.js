// The friendly JavaScript API over the raw embind module: plain objects and
// Float64Array copies out, typed errors (BpxError with .code) thrown, nothing on the heap
// for users to manage except Session.delete().

/** An error from the engine: `.code` is machine-readable, `.path` names the spec field. */
export class BpxError extends Error {
  constructor(code, message, path = '') {
    super(message);
    this.name = 'BpxError';
    this.code = code;
    this.path = path;
  }
}

const MATRIX_NAMES = ['W', 'b', 'Z', 'A', 'dA', 'dZ', 'dW', 'db', 'gprime', 'mW', 'mb', 'vW', 'vb'];

function specText(spec) {
  if (typeof spec === 'string') return spec;
  if (spec === null || typeof spec !== 'object') {
    throw new BpxError('INVALID_SPEC', `the spec must be an object or JSON text, got ${spec === null ? 'null' : typeof spec}`);
  }
  return JSON.stringify(spec);
}

function raiseIfError(text) {
  if (!text) return;
  const e = JSON.parse(text);
  throw new BpxError(e.code, e.message, e.path);
}

function checkInteger(name, value, lo, hi) {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new BpxError('INVALID_ARGUMENT', `${name}: expected an integer between ${lo} and ${hi}, got ${String(value)}`, name);
  }
}

function checkNumber(name, value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new BpxError('INVALID_ARGUMENT', `${name}: expected a finite number, got ${String(value)}`, name);
  }
}

/** A training session: one network, its data and a phase cursor. Call delete() when done. */
export class Session {
  #raw;
  #engine;
  #layers;

  constructor(engine, raw) {
    this.#engine = engine;
    this.#raw = raw;
    this.#layers = this.state().layers;
  }

  #r() {
    if (!this.#raw) throw new BpxError('DELETED', 'this session was deleted');
    return this.#raw;
  }

  /** Number of layers after the input (L). */
  get L() { return this.#layers.length - 1; }
  /** Sizes n_0 .. n_L. */
  get layers() { return this.#layers.slice(); }
  get deleted() { return this.#raw === null; }

  /** Cursor, phase labels, step, epoch, loss, batch, divergence, ... */
  state() { return JSON.parse(this.#r().state()); }

  /** Runs the next phase. Returns {phase, divergence}. */
  nextPhase() {
    const phase = this.state().nextPhase;
    const divergence = JSON.parse(this.#r().nextPhase());
    return { phase, divergence };
  }
  /** Undoes the last phase exactly; false when there is no history left. */
  previousPhase() { return this.#r().previousPhase(); }
  /** Runs to the end of the current step (a whole step at its start). Returns the divergence or null. */
  step() { return JSON.parse(this.#r().step()); }
  /** Trains n whole steps without history. Returns {steps, divergence}. */
  train(n) {
    checkInteger('steps', n, 0, 1e9);
    return JSON.parse(this.#r().train(n));
  }
  /** Runs the forward phases and the loss of a new step (the cursor must be at a step's start). */
  forward() { return this.#runUntil(0, this.L + 1, 'forward()'); }
  /** Runs the backward phases (after forward()). */
  backward() { return this.#runUntil(this.L + 1, 2 * this.L + 1, 'backward()'); }
  /** Applies the update (after backward()). */
  update() { return this.#runUntil(2 * this.L + 1, 0, 'update()'); }

  #runUntil(from, to, name) {
    const st = this.state();
    if (st.cursor !== from) {
      throw new BpxError('WRONG_PHASE', `${name} needs the cursor at "${st.phases[from]}", but the next phase is "${st.nextPhase}"`);
    }
    let divergence = null;
    do {
      divergence = divergence ?? JSON.parse(this.#r().nextPhase());
    } while (this.state().cursor !== to);
    return divergence;
  }

  /** Back to the initial parameters; history cleared. */
  reset() { this.#r().reset(); }
  setLearningRate(lr) {
    checkNumber('learningRate', lr);
    raiseIfError(this.#r().setLearningRate(lr));
  }
  setWeightDecay(wd) {
    checkNumber('weightDecay', wd);
    raiseIfError(this.#r().setWeightDecay(wd));
  }
  setBatchSize(n) {
    checkInteger('batchSize', n, 1, 1e6);
    raiseIfError(this.#r().setBatchSize(n));
  }

  /**
   * A matrix of the current state, rows first: {rows, cols, shape, data: Float64Array}.
   * name: W b Z A dA dZ dW db gprime mW mb vW vb (layer 1..L; A and dA also 0), or Y, losses.
   */
  matrix(name, layer = 0) {
    if (name === 'Y' || name === 'losses') return withShape(this.#r().matrix(name, this.L));
    if (!MATRIX_NAMES.includes(name)) {
      throw new BpxError('INVALID_ARGUMENT', `matrix: unknown name "${name}"; expected one of ${MATRIX_NAMES.join(', ')}, Y, losses`, 'name');
    }
    const lo = name === 'A' || name === 'dA' ? 0 : 1;
    checkInteger('layer', layer, lo, this.L);
    return withShape(this.#r().matrix(name, layer));
  }
  W(l) { return this.matrix('W', l); }
  b(l) { return this.matrix('b', l); }
  Z(l) { return this.matrix('Z', l); }
  A(l) { return this.matrix('A', l); }
  dA(l) { return this.matrix('dA', l); }
  dZ(l) { return this.matrix('dZ', l); }
  dW(l) { return this.matrix('dW', l); }
  db(l) { return this.matrix('db', l); }
  gprime(l) { return this.matrix('gprime', l); }
  Y() { return this.matrix('Y'); }

  /** Batch loss of each completed step. */
  lossHistory() { return this.#r().lossHistory(); }
  /** {loss, accuracy, examples} on the training or the test data, current parameters. */
  evaluate(which = 'train') {
    if (which !== 'train' && which !== 'test') throw new BpxError('INVALID_ARGUMENT', 'evaluate: expected "train" or "test"', 'which');
    return JSON.parse(this.#r().evaluate(which));
  }
  /** The data: features X and targets Y per split, and the raw 2-D points and labels. */
  data() {
    const r = this.#r();
    const get = (n) => withShape(r.data(n));
    return {
      X: get('X_train'), Y: get('Y_train'), XTest: get('X_test'), YTest: get('Y_test'),
      points: get('points_train'), pointsTest: get('points_test'),
      labels: get('labels_train').data, labelsTest: get('labels_test').data,
    };
  }

  /**
   * Outputs over an nx x ny grid of (x1, x2) in one engine call. Returns {nx, ny, maps}:
   * maps[i] = {layer, unit, values: Float64Array(nx*ny)} (row 0 at ymin), output units last.
   */
  predictGrid(nx, ny, xmin, xmax, ymin, ymax, { allUnits = false } = {}) {
    checkInteger('nx', nx, 1, 1000);
    checkInteger('ny', ny, 1, 1000);
    for (const [k, v] of Object.entries({ xmin, xmax, ymin, ymax })) checkNumber(k, v);
    const flat = this.#r().predictGrid(nx, ny, xmin, xmax, ymin, ymax, !!allUnits);
    const maps = [];
    const cells = nx * ny;
    let offset = 0;
    for (let l = allUnits ? 1 : this.L; l <= this.L; l++) {
      for (let j = 0; j < this.#layers[l]; j++) {
        maps.push({ layer: l, unit: j, values: flat.subarray(offset, offset + cells) });
        offset += cells;
      }
    }
    return { nx, ny, maps };
  }

  /** The operation graph of one neuron (layer 1..L, unit 0-based) for one training example. */
  graph(layer, unit, { example = 0, expanded = true, root = 'loss' } = {}) {
    checkInteger('layer', layer, 1, this.L);
    checkInteger('unit', unit, 0, this.#layers[layer] - 1);
    checkInteger('example', example, 0, 1e6);
    const text = this.#r().graph(layer, unit, example, !!expanded, String(root));
    const out = JSON.parse(text);
    if (out.code) throw new BpxError(out.code, out.message, out.path);
    return out;
  }

  /** Runs `steps` steps and returns the trace (as `bpx trace` prints it). */
  trace(steps = 1) { return JSON.parse(this.traceText(steps)); }
  traceText(steps = 1) {
    checkInteger('steps', steps, 1, 100000);
    return this.#r().trace(steps);
  }
  /** The worked example of this spec (as `bpx walkthrough`): Markdown with LaTeX, or LaTeX. */
  walkthrough({ format = 'md', digits = 6 } = {}) {
    checkInteger('digits', digits, 1, 17);
    const text = this.#r().walkthrough(String(format), digits);
    if (text.startsWith('\x01')) return text.slice(1);
    raiseIfError(text);
    return '';
  }
  /** The spec with every default filled in. */
  spec() { return JSON.parse(this.#r().specJson()); }

  /** Frees the engine memory of this session. Safe to call twice. */
  delete() {
    if (this.#raw) {
      this.#raw.delete();
      this.#raw = null;
    }
  }
  [Symbol.dispose]() { this.delete(); }
}

function withShape(m) {
  m.shape = [m.rows, m.cols];
  return m;
}

/** The loaded engine. */
export class Engine {
  #module;
  constructor(module) { this.#module = module; }

  /** A new session from a spec (object or JSON text); throws BpxError naming the field. */
  session(spec) {
    const raw = new this.#module.RawSession();
    const error = raw.load(specText(spec));
    if (error) {
      raw.delete();
      raiseIfError(error);
    }
    return new Session(this, raw);
  }
  /** Runs fn(session) and deletes the session afterwards, even on error. */
  withSession(spec, fn) {
    const s = this.session(spec);
    try {
      return fn(s);
    } finally {
      s.delete();
    }
  }
  /** {ok: true, spec} with defaults filled in, or {ok: false, error: BpxError}. */
  validate(spec) {
    let text;
    try {
      text = specText(spec);
    } catch (error) {
      return { ok: false, error };
    }
    const error = this.#module.validateSpec(text);
    if (error) {
      const e = JSON.parse(error);
      return { ok: false, error: new BpxError(e.code, e.message, e.path) };
    }
    return { ok: true, spec: JSON.parse(this.#module.normalizeSpec(text)) };
  }
  /** Bytes of wasm memory (grows, never shrinks): for leak checks. */
  heapBytes() { return this.#module.HEAP8.length; }
  /** Live embind value handles: for leak checks. */
  handleCount() { return this.#module.count_emval_handles(); }
}

/** Loads the engine from an Emscripten factory. options: {wasmBinary, locateFile}. */
export async function createEngineWith(factory, options = {}) {
  const moduleOptions = {};
  if (options.wasmBinary) moduleOptions.wasmBinary = options.wasmBinary;
  if (options.locateFile) moduleOptions.locateFile = options.locateFile;
  const module = await factory(moduleOptions);
  return new Engine(module);
}
