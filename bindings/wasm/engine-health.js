// The health of one loaded module, shared by its Engine and its Sessions.
import { BpxError } from './engine-errors.js';

// Whether a module can still be trusted. After an allocation failure the engine answers
// OUT_OF_MEMORY and stays usable; this checks that it really did (its static data intact:
// a small spec still normalizes to the text it gave at start-up) and otherwise marks the
// module lost, so that every later call throws ENGINE_LOST instead of computing garbage.
const PROBE_SPEC = '{"layers":[1,1],"activations":["sigmoid"],"loss":"bce","data":{"inputs":[[1]],"targets":[[1]]}}';
export class Health {
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
