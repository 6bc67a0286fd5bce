// The health of one loaded module, shared by its Engine and its Sessions.
import { BpxError, ERROR_MARK, errorFrom } from './engine-errors.js';

// Whether a module can still be trusted. After an allocation failure the engine answers
// OUT_OF_MEMORY and stays usable; this checks that it really did (its static data intact:
// a small spec still normalizes to the text it gave at start-up) and otherwise marks the
// module lost, so that every later call throws ENGINE_LOST instead of computing garbage.
const PROBE_SPEC = '{"layers":[1,1],"activations":["sigmoid"],"loss":"bce","data":{"inputs":[[1]],"targets":[[1]]}}';
// The engine's own OUT_OF_MEMORY answer (a damaged module's unreadable answer is not one).
function outOfMemory(answer) {
  try {
    return answer[0] === ERROR_MARK && errorFrom(answer).code === 'OUT_OF_MEMORY';
  } catch {
    return false;
  }
}

export class Health {
  lost = false;
  limits = { maxSpecBytes: 0, maxTrainSteps: 0 };
  #module = null;
  #probe = '';
  #reason = '';
  #listeners = new Set();
  watch(module) {
    this.#module = module;
    this.limits = JSON.parse(module.limits());
    this.#probe = module.normalizeSpec(PROBE_SPEC);
  }
  lose(reason) {
    if (this.lost) return;
    this.lost = true;
    this.#reason = reason;
    for (const fn of this.#listeners) this.#tell(fn);
  }
  // Listeners of Engine.onLost: each is called once, in a task of its own, after the call that
  // found the failure has thrown (so none runs inside an engine call, and one listener's
  // exception stops no other).
  onLost(fn) {
    this.#listeners.add(fn);
    if (this.lost) this.#tell(fn);
    return () => { this.#listeners.delete(fn); };
  }
  #tell(fn) {
    setTimeout(() => {
      if (this.#listeners.delete(fn)) fn(this.lostError()); // not if unsubscribed meanwhile
    }, 0);
  }
  // A probe that cannot run (no memory left even for it) proves nothing either way: the module
  // is discarded too (its heap cannot shrink; a fresh one starts empty), saying so.
  check(error) {
    let answer = null;
    try {
      answer = this.#module.normalizeSpec(PROBE_SPEC);
    } catch {
      answer = null; // not even the probe's text could be copied into the module
    }
    if (answer === null || outOfMemory(answer)) this.lose('the engine ran out of memory, so full that it could not check its state');
    else if (answer !== this.#probe) this.lose('the engine ran out of memory and its state was damaged');
    if (this.lost) error.message += '; the engine was discarded: load a new one (createEngine)';
  }
  lostError() {
    return new BpxError('ENGINE_LOST', `${this.#reason}; this engine can no longer be used: load a new one (createEngine)`);
  }
}
