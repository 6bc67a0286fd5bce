// Session: one network, its data and its phase cursor over a RawSession of the module
// (bindings/wasm/raw_session.hpp). Plain objects and Float64Array copies out, BpxErrors
// thrown (engine-errors.js), nothing on the heap to manage but delete().
import {
  BpxError, LONE_SURROGATE, MAX_SEED, checkBoolean, checkInteger, checkNumber, checkOneOf, describe, jsonText, options, unwrap,
} from './engine-errors.js';
import { unpackParameters, unpackSnapshot } from './engine-snapshot.js';

const LAYER_MATRICES = ['W', 'b', 'Z', 'A', 'dA', 'dZ', 'dW', 'db', 'gprime', 'mW', 'mb', 'vW', 'vb'];
const BATCH_MATRICES = ['Y', 'losses'];
// Symbol.dispose where the runtime has it (Node 20, recent browsers), else the
// well-known fallback that TypeScript's `using` helpers also look up.
const disposeSymbol = typeof Symbol.dispose === 'symbol' ? Symbol.dispose : Symbol.for('Symbol.dispose');

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
  // The module and this handle's address, for the plain export bpx_next_phase (one phase of
  // step mode without embind's call path: session_wasm.cpp).
  #module;
  #address;

  #phases;
  #gridBuffer = new Float32Array(0);

  constructor(raw, health, module) {
    this.#raw = raw;
    this.#health = health;
    this.#module = module;
    this.#address = raw.address();
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
    const raw = this.#r();  // throws once deleted or lost: the address is only used while raw lives
    const ran = this.#module._bpx_next_phase(this.#address);  // phase index, or -(index + 1) when it diverged
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
   * New points for the same network, between steps: {points, labels, test_points,
   * test_labels} (the spec's point form; features, task and classes default to the
   * session's). Weights, optimizer state, step and epoch stay; the history is cleared.
   */
  replaceData(data) {
    const raw = this.#r();
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new BpxError('INVALID_ARGUMENT', `data: expected {points, labels, test_points, test_labels}, got ${describe(data)}`, 'data');
    }
    this.#u(raw.replaceData(jsonText(data, 'INVALID_ARGUMENT', 'data', 'data')));
  }
  /** Sets W[layer][row][col] or b[layer][row] (name 'W' or 'b', col 0) between steps; the history is cleared. */
  setParameter(name, layer, row, col, value) {
    const raw = this.#r();
    checkOneOf('name', name, ['W', 'b']);
    checkInteger('layer', layer, 1, this.L);
    checkInteger('row', row, 0, 1e6);
    checkInteger('col', col, 0, 1e6);
    checkNumber('value', value);
    this.#u(raw.setParameter(name, layer, row, col, value));
  }

  /**
   * Everything the step view draws, in one call: {state, W, b, Z, dZ, dW, db, gprime
   * (indexed 1..L, an empty matrix at 0), A, dA (0..L), Y, losses}.
   */
  snapshot() {
    const r = this.#u(this.#r().view());
    return unpackSnapshot(JSON.parse(r.state), r.matrices);
  }
  /**
   * nextPhase() and snapshot() in one call: {phase, divergence, state, before: {W, b} of
   * the parameters before the update it ran (else null), snapshot (null with
   * {matrices: false})}.
   */
  nextPhaseSnapshot(opts) {
    const raw = this.#r();
    const { matrices = true } = options('options', opts);
    checkBoolean('matrices', matrices);
    const r = this.#u(raw.advance(matrices));
    const state = JSON.parse(r.state);
    return {
      phase: this.#phases[r.ran >= 0 ? r.ran : -r.ran - 1],
      divergence: r.ran >= 0 ? null : state.divergence,
      state,
      before: r.before ? unpackParameters(this.L, r.before) : null,
      snapshot: r.matrices ? unpackSnapshot(state, r.matrices) : null,
    };
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
  /**
   * The spec with the current parameters as its explicit initial values (init.weights,
   * init.biases): a new session of it computes the same forward pass bit for bit. For
   * export, links and edits that start from what the network has learnt. Throws DIVERGED
   * when a parameter is NaN or infinite.
   */
  specWithParameters() { return JSON.parse(this.#u(this.#r().specWithParametersJson())); }

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

  /** Frees the engine memory of this session. Safe to call twice; never throws. */
  delete() {
    if (this.#raw) {
      // A lost module is discarded whole: its memory goes with it, and calling into it is
      // what must not happen any more.
      if (!this.#health.lost) this.#raw.delete();
      this.#raw = null;
    }
  }
  /** Same as delete(), for `using session = engine.session(spec)`. */
  [disposeSymbol]() { this.delete(); }
}
