// The phase cursor of the step-through view: owns the engine session of the current spec,
// runs phases, keeps the parameters from before each update (for "old → new"), and tells
// the views what changed. The engine does all the arithmetic.
import type { Engine, Matrix, Session, Spec } from '../engine';
import { readParams, readSnapshot, type Params, type Snapshot } from './snapshot';

export type Transition = 'next' | 'previous' | 'load' | 'reset' | 'jump';

export interface ChangeEvent {
  snapshot: Snapshot;
  transition: Transition;
}

type Listener = (e: ChangeEvent) => void;

export class Stepper {
  #engine: Engine;
  #session: Session | null = null;
  #spec: Spec | null = null;
  /** Parameters before the update of step k, recorded when that update runs. */
  #beforeUpdate = new Map<number, Params>();
  #listeners: Listener[] = [];
  #snapshot: Snapshot | null = null;
  /** The full data set (all examples), for showing inputs before the first forward phase. */
  #data: { X: Matrix; Y: Matrix } | null = null;

  constructor(engine: Engine) {
    this.#engine = engine;
  }

  get session(): Session {
    if (!this.#session) throw new Error('no spec loaded');
    return this.#session;
  }
  get spec(): Spec {
    if (!this.#spec) throw new Error('no spec loaded');
    return this.#spec;
  }
  get snapshot(): Snapshot {
    if (!this.#snapshot) throw new Error('no spec loaded');
    return this.#snapshot;
  }
  get data(): { X: Matrix; Y: Matrix } {
    if (!this.#data) throw new Error('no spec loaded');
    return this.#data;
  }

  onChange(fn: Listener): void {
    this.#listeners.push(fn);
  }

  /**
   * Loads a spec (validated by the engine: a BpxError naming the field is thrown, and the
   * current session is kept, when it is invalid).
   */
  load(spec: Spec): void {
    const session = this.#engine.session(spec);
    const full = session.spec();
    this.#session?.delete();
    this.#session = session;
    this.#spec = full;
    this.#beforeUpdate.clear();
    const d = session.data();
    this.#data = { X: d.X, Y: d.Y };
    this.#emit('load');
  }

  /** Runs the next phase. */
  next(): void {
    this.#runNext();
    this.#emit('next');
  }

  /** Undoes the last phase; false when the engine has no history left. */
  previous(): boolean {
    const ok = this.session.previousPhase();
    if (ok) this.#emit('previous');
    return ok;
  }

  /** Runs to the end of the current step (a whole step when at its start). */
  step(): void {
    do this.#runNext();
    while (this.session.state().cursor !== 0);
    this.#emit('jump');
  }

  /** Back to the initial parameters. */
  reset(): void {
    this.session.reset();
    this.#beforeUpdate.clear();
    this.#emit('reset');
  }

  canGoBack(): boolean {
    return !!this.#session && this.#session.state().historySize > 0;
  }

  setLearningRate(lr: number): void {
    this.session.setLearningRate(lr);
    this.#spec = this.session.spec();
    this.#emit('jump');
  }

  #runNext(): void {
    const s = this.session;
    const st = s.state();
    if (st.nextPhase.kind === 'update') {
      this.#beforeUpdate.set(st.step, readParams(s));
      // Keep only the steps that time travel can reach back to (the engine's history bound).
      const reach = Math.ceil(st.historyLimit / st.phases.length) + 1;
      for (const step of this.#beforeUpdate.keys()) {
        if (step >= st.step - reach) break;
        this.#beforeUpdate.delete(step);
      }
    }
    s.nextPhase();
  }

  #emit(transition: Transition): void {
    const s = this.session;
    const st = s.state();
    const before = st.cursor === 0 && st.step > 0 ? this.#beforeUpdate.get(st.step - 1) ?? null : null;
    this.#snapshot = readSnapshot(s, this.spec, before);
    for (const fn of this.#listeners) fn({ snapshot: this.#snapshot, transition });
  }

  dispose(): void {
    this.#session?.delete();
    this.#session = null;
  }
}
