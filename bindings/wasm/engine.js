// The friendly JavaScript API over the raw embind module: plain objects and
// Float64Array copies out, typed errors (BpxError with .code) thrown, nothing on the heap
// for users to manage except Session.delete(). Types and docs: engine.d.ts.
//
// The raw module never throws: a fallible raw call returns ERROR_MARK followed by
// {"code", "path", "message"} (see bpx_wasm.cpp), turned into a BpxError by unwrap().
// Arguments are checked here before they reach embind, so embind's own conversions
// (which would leak the arguments already converted) never fail.

/** An error from the engine: `.code` is machine-readable, `.path` names the spec field. */
export class BpxError extends Error {
  constructor(code, message, path = '') {
    super(message);
    this.name = 'BpxError';
    this.code = code;
    this.path = path;
  }
}

const ERROR_MARK = '\x01';
const LAYER_MATRICES = ['W', 'b', 'Z', 'A', 'dA', 'dZ', 'dW', 'db', 'gprime', 'mW', 'mb', 'vW', 'vb'];
const BATCH_MATRICES = ['Y', 'losses'];
const MAX_SEED = Number.MAX_SAFE_INTEGER;
// Symbol.dispose where the runtime has it (Node 20, recent browsers), else the
// well-known fallback that TypeScript's `using` helpers also look up.
const disposeSymbol = typeof Symbol.dispose === 'symbol' ? Symbol.dispose : Symbol.for('Symbol.dispose');

function describe(value) {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'undefined') return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

// Lone UTF-16 surrogates: embind's UTF-8 encoder would pair one with the next character
// (swallowing, say, a closing quote); U+FFFD instead lets the engine name the field.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function specText(spec) {
  if (typeof spec === 'string') return spec.replace(LONE_SURROGATE, '\uFFFD');
  if (spec === null || typeof spec !== 'object') {
    throw new BpxError('INVALID_SPEC', `the spec must be an object or JSON text, got ${describe(spec)}`);
  }
  let text;
  try {
    text = JSON.stringify(spec);
  } catch (e) {
    throw new BpxError('INVALID_SPEC', `the spec cannot be written as JSON: ${e.message}`);
  }
  // JSON has no NaN or Infinity (stringify writes null): name them before the engine sees null.
  if (text.includes('null')) {
    const path = nonFinitePath(spec, '');
    if (path !== null) {
      const value = valueAt(spec, path.steps);
      throw new BpxError('INVALID_SPEC', `${path.text}: expected a finite number, got ${value}`, path.text);
    }
  }
  return text;
}

// The JSON path of the first NaN or infinite number in a spec object, or null.
function nonFinitePath(value, text, steps = [], depth = 0) {
  if (typeof value === 'number') return Number.isFinite(value) ? null : { text, steps };
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, v] of entries) {
    const next = typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key;
    const found = nonFinitePath(v, next, [...steps, key], depth + 1);
    if (found) return found;
  }
  return null;
}

function valueAt(value, steps) {
  return steps.reduce((v, key) => v[key], value);
}

function errorFrom(text) {
  const e = JSON.parse(text.slice(1));
  return new BpxError(e.code, e.message, e.path);
}

/** Returns a raw result, or throws the BpxError it carries. */
function unwrap(result, health) {
  if (typeof result === 'string' && result[0] === ERROR_MARK) {
    const error = errorFrom(result);
    if (error.code === 'OUT_OF_MEMORY' && health) health.check(error);
    throw error;
  }
  return result;
}

function checkInteger(name, value, lo, hi) {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new BpxError('INVALID_ARGUMENT', `${name}: expected an integer between ${lo} and ${hi}, got ${describe(value)}`, name);
  }
}

function checkNumber(name, value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new BpxError('INVALID_ARGUMENT', `${name}: expected a finite number, got ${describe(value)}`, name);
  }
}

function checkOneOf(name, value, allowed) {
  if (!allowed.includes(value)) {
    throw new BpxError('INVALID_ARGUMENT', `${name}: expected one of ${allowed.join(', ')}, got ${describe(value)}`, name);
  }
}

function checkBoolean(name, value) {
  if (typeof value !== 'boolean') {
    throw new BpxError('INVALID_ARGUMENT', `${name}: expected true or false, got ${describe(value)}`, name);
  }
}

function options(name, value) {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new BpxError('INVALID_ARGUMENT', `${name}: expected an options object, got ${describe(value)}`, name);
  }
  return value;
}

function deepFreeze(x) {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

// Practice mode: {quantity, layer, entry} in the JS API's words, to the request's fields.
const PRACTICE_QUANTITIES = ['Z', 'A', 'loss', 'dA', 'dZ', 'dW', 'db', 'W', 'b'];
function practiceQuestion(question, name) {
  const q = options(name, question);
  let { quantity, layer, entry = [0, 0] } = q;
  if (typeof quantity === 'string' && /^\w+\[\d+\]$/.test(quantity) && layer === undefined) {
    layer = Number(quantity.slice(quantity.indexOf('[') + 1, -1));
    quantity = quantity.slice(0, quantity.indexOf('['));
  }
  checkOneOf('quantity', quantity, PRACTICE_QUANTITIES);
  if (quantity !== 'loss') checkInteger('layer', layer, 0, 99);
  const [row, col] = Array.isArray(entry) ? entry : [entry?.row, entry?.col];
  checkInteger('entry[0]', row, 0, 100000);
  checkInteger('entry[1]', col, 0, 100000);
  return { quantity: quantity === 'loss' ? 'loss' : `${quantity}[${layer}]`, row, col };
}

function withShape(m) {
  m.shape = [m.rows, m.cols];
  return m;
}

/** A training session: one network, its data and a phase cursor. Call delete() when done. */
export class Session {
  #raw;
  #health;
  #layers;

  #phases;
  #gridBuffer = new Float32Array(0);

  constructor(raw, health) {
    this.#raw = raw;
    this.#health = health;
    const st = this.state();
    this.#layers = st.layers;
    this.#phases = st.phases;
  }

  #u(result) { return unwrap(result, this.#health); }

  #r() {
    if (!this.#raw) throw new BpxError('DELETED', 'this session was deleted');
    if (this.#health.lost) throw this.#health.lostError();
    return this.#raw;
  }

  /** Number of layers after the input (L). */
  get L() { return this.#layers.length - 1; }
  /** Sizes n_0 .. n_L. */
  get layers() { return this.#layers.slice(); }
  /** True after delete(). */
  get deleted() { return this.#raw === null; }

  /** Cursor, phases ({kind, layer, label}), step, epoch, loss, batch, divergence, ... */
  state() { return JSON.parse(this.#u(this.#r().state())); }

  /** Runs the next phase. Returns {phase, divergence}: phase is the {kind, layer, label} run. */
  nextPhase() {
    const raw = this.#r();
    const ran = raw.nextPhase();  // phase index, or -(index + 1) when it diverged
    if (ran >= 0) return { phase: this.#phases[ran], divergence: null };
    if (ran < -this.#phases.length) this.#u(raw.lastError());  // out of memory: throws
    return { phase: this.#phases[-ran - 1], divergence: this.state().divergence };
  }
  /** Undoes the last phase exactly; false when there is no history left. */
  previousPhase() {
    const raw = this.#r();
    if (raw.previousPhase()) return true;
    const error = raw.lastError();
    if (error) this.#u(error);  // out of memory: throws
    return false;
  }
  /** Runs to the end of the current step (a whole step at its start). Returns the divergence or null. */
  step() { return JSON.parse(this.#u(this.#r().step())); }
  /** Trains n whole steps without history. Returns {steps, divergence}. */
  train(n) {
    const raw = this.#r();
    // The engine checks the range (and says it is per call); only numbers cross.
    if (typeof n !== 'number') checkInteger('steps', n, 0, this.#health.limits.maxTrainSteps);
    return JSON.parse(this.#u(raw.train(n)));
  }
  /** Runs the forward phases and the loss of a new step (the cursor must be at a step's start). */
  forward() { return this.#runPhases(0, this.L + 1, 'forward()'); }
  /** Runs the backward phases (after forward()). */
  backward() { return this.#runPhases(this.L + 1, 2 * this.L + 1, 'backward()'); }
  /** Applies the update (after backward()). */
  update() { return this.#runPhases(2 * this.L + 1, 2 * this.L + 2, 'update()'); }

  #runPhases(from, to, name) {
    const st = this.state();
    if (st.cursor !== from) {
      throw new BpxError('WRONG_PHASE', `${name} needs the cursor at "${st.phases[from].label}", but the next phase is "${st.nextPhase.label}"`);
    }
    return JSON.parse(this.#u(this.#r().runPhases(to - from)));
  }

  /**
   * Back to the initial parameters; history cleared. With {seed}: new initial weights
   * drawn with init.seed = seed (same data, minibatch order and live hyper-parameters).
   */
  reset(opts) {
    const raw = this.#r();
    const { seed } = options('options', opts);
    if (seed === undefined) {
      this.#u(raw.reset(-1));
      return;
    }
    checkInteger('seed', seed, 0, MAX_SEED);
    this.#u(raw.reset(seed));
  }
  setLearningRate(lr) {
    const raw = this.#r();
    checkNumber('learning_rate', lr);
    this.#u(raw.setLearningRate(lr));
  }
  setWeightDecay(wd) {
    const raw = this.#r();
    checkNumber('weight_decay', wd);
    this.#u(raw.setWeightDecay(wd));
  }
  setBatchSize(n) {
    const raw = this.#r();
    checkInteger('batch_size', n, 1, 1e6);
    this.#u(raw.setBatchSize(n));
  }

  /**
   * A matrix of the current state, rows first: {rows, cols, shape, data: Float64Array}.
   * name: W b Z A dA dZ dW db gprime mW mb vW vb (layer 1..L; A and dA also 0), or Y, losses.
   */
  matrix(name, layer) {
    const raw = this.#r();
    if (BATCH_MATRICES.includes(name)) return withShape(this.#u(raw.matrix(name, 0)));
    checkOneOf('name', name, [...LAYER_MATRICES, ...BATCH_MATRICES]);
    const lo = name === 'A' || name === 'dA' ? 0 : 1;
    checkInteger('layer', layer, lo, this.L);
    return withShape(this.#u(raw.matrix(name, layer)));
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
  lossHistory() { return this.#u(this.#r().lossHistory()); }
  /** {loss, accuracy, examples} on the training or the test data, current parameters. */
  evaluate(which = 'train') {
    const raw = this.#r();
    checkOneOf('which', which, ['train', 'test']);
    return JSON.parse(this.#u(raw.evaluate(which)));
  }
  /** The data: features X and targets Y per split, and the raw 2-D points and labels. */
  data() {
    const raw = this.#r();
    const get = (n) => withShape(this.#u(raw.data(n)));
    return {
      X: get('X_train'), Y: get('Y_train'), XTest: get('X_test'), YTest: get('Y_test'),
      points: get('points_train'), pointsTest: get('points_test'),
      labels: get('labels_train').data, labelsTest: get('labels_test').data,
    };
  }

  /**
   * Outputs over an nx x ny grid of (x1, x2) in one engine call. Returns {nx, ny, maps}:
   * maps[i] = {layer, unit, values: Float64Array(nx*ny)} (row 0 at ymin), output units last.
   * precision 'float' gives Float32Array maps from the fast single-precision kernel.
   */
  predictGrid(nx, ny, xmin, xmax, ymin, ymax, opts) {
    const raw = this.#r();
    const { allUnits = false, precision = 'double' } = options('options', opts);
    checkOneOf('precision', precision, ['double', 'float']);
    checkInteger('nx', nx, 1, 1000);
    checkInteger('ny', ny, 1, 1000);
    checkNumber('xmin', xmin);
    checkNumber('xmax', xmax);
    checkNumber('ymin', ymin);
    checkNumber('ymax', ymax);
    checkBoolean('allUnits', allUnits);
    // 'float': the vectorised single-precision kernel, Float32Array maps, for heatmaps.
    // The float maps are views into one buffer per session, reused by the next float call:
    // no fresh memory (and its page faults) per frame.
    let flat;
    if (precision === 'float') {
      const view = this.#u(raw.predictGridFast(nx, ny, xmin, xmax, ymin, ymax, allUnits));
      if (this.#gridBuffer.length !== view.length) this.#gridBuffer = new Float32Array(view.length);
      this.#gridBuffer.set(view);
      flat = this.#gridBuffer;
    } else {
      flat = this.#u(raw.predictGrid(nx, ny, xmin, xmax, ymin, ymax, allUnits));
    }
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
  graph(layer, unit, opts) {
    const raw = this.#r();
    const { example = 0, expanded = true, root = 'loss' } = options('options', opts);
    checkInteger('layer', layer, 1, this.L);
    checkInteger('unit', unit, 0, this.#layers[layer] - 1);
    checkInteger('example', example, 0, 1e6);
    checkBoolean('expanded', expanded);
    checkOneOf('root', root, ['loss', 'activation']);
    return JSON.parse(this.#u(raw.graph(layer, unit, example, expanded, root)));
  }

  /** Runs `steps` steps and returns the trace (as `bpx trace` prints it). */
  trace(steps = 1) { return JSON.parse(this.traceText(steps)); }
  /** The same trace as text, byte for byte what `bpx trace --steps N` prints (without the final newline). */
  traceText(steps = 1) {
    const raw = this.#r();
    checkInteger('steps', steps, 1, 100000);
    return this.#u(raw.trace(steps));
  }
  /** The worked example of this spec (as `bpx walkthrough`): Markdown with LaTeX, or LaTeX. */
  walkthrough(opts) {
    const raw = this.#r();
    const { format = 'md', digits = 6 } = options('options', opts);
    checkOneOf('format', format, ['md', 'tex']);
    checkInteger('digits', digits, 1, 17);
    return this.#u(raw.walkthrough(format, digits));
  }
  /** The spec with every default filled in (and the live hyper-parameters). */
  spec() { return JSON.parse(this.#u(this.#r().specJson())); }

  // --- Practice mode: the learner's answers, checked by the core (practice_wasm.cpp) ---
  /**
   * Checks a learner's answer for one entry of a quantity, as the session computes it next
   * (ask before the phase runs): {quantity: 'dZ', layer: 2, entry: [row, col], answer: '0.81'}.
   * Returns {correct, expected, answer, digits, diagnosis: {id, message} | null, hints}.
   */
  check(question) {
    const q = practiceQuestion(question, 'check');
    if (typeof question.answer !== 'string') {
      throw new BpxError('INVALID_ARGUMENT', `answer: expected the answer as text, got ${describe(question.answer)}`, 'answer');
    }
    return this.#practice({ op: 'check', ...q, answer: question.answer.replace(LONE_SURROGATE, '\uFFFD') });
  }
  /** The three hint levels and the exact value of one entry: {expected, hints: [rule, substituted, value]}. */
  practiceHints(question) {
    return this.#practice({ op: 'derive', ...practiceQuestion(question, 'practiceHints') });
  }
  /** What phase `phase` (default: the next one) computes: [{quantity, layer, name, rows, cols}]. */
  practiceQuestions(phase) {
    if (phase !== undefined) checkInteger('phase', phase, 0, 2 * this.L + 1);
    return this.#practice(phase === undefined ? { op: 'questions' } : { op: 'questions', phase });
  }
  #practice(request) { return JSON.parse(unwrap(this.#r().practice(JSON.stringify(request)))); }
  // --- end of practice mode ---

  /** Frees the engine memory of this session. Safe to call twice. */
  delete() {
    if (this.#raw) {
      this.#raw.delete();
      this.#raw = null;
    }
  }
  /** Same as delete(), for `using session = engine.session(spec)`. */
  [disposeSymbol]() { this.delete(); }
}

// Whether a module can still be trusted. After an allocation failure the engine answers
// OUT_OF_MEMORY and stays usable; this checks that it really did (its static data intact:
// a small spec still normalizes to the text it gave at start-up) and otherwise marks the
// module lost, so that every later call throws ENGINE_LOST instead of computing garbage.
const PROBE_SPEC = '{"layers":[1,1],"activations":["sigmoid"],"loss":"bce","data":{"inputs":[[1]],"targets":[[1]]}}';
class Health {
  lost = false;
  limits = { maxSpecBytes: 0, maxTrainSteps: 0 };
  #module = null;
  #probe = '';
  #reason = '';
  watch(module) {
    this.#module = module;
    this.limits = JSON.parse(module.limits());
    this.#probe = module.normalizeSpec(PROBE_SPEC);
  }
  lose(reason) {
    this.lost = true;
    this.#reason ||= reason;
  }
  check(error) {
    let same = false;
    try {
      same = this.#module.normalizeSpec(PROBE_SPEC) === this.#probe;
    } catch {
      same = false;
    }
    if (!same) this.lose('the engine ran out of memory and its state was damaged');
    if (this.lost) error.message += '; the engine was discarded: load a new one (createEngine)';
  }
  lostError() {
    return new BpxError('ENGINE_LOST', `${this.#reason}; this engine can no longer be used: load a new one (createEngine)`);
  }
}

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

  /** A new session from a spec (object or JSON text); throws BpxError naming the field. */
  session(spec) {
    const text = specText(spec);
    const module = this.#m();
    this.#specFits(text);
    const raw = new module.RawSession();
    const error = raw.load(text);
    if (error) {
      raw.delete();
      unwrap(error, this.#health);
    }
    return new Session(raw, this.#health);
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
