// The phase cursor of the step-through view: owns the engine session of the current spec,
// runs phases, keeps the parameters from before each update (for "old → new"), and tells
// the views what changed. The engine does all the arithmetic.
import type { Engine, Matrix, NeuronGraph, PhaseSnapshot, Session, SessionState, Spec } from '../../../bindings/wasm/engine.js';
import { snapshotFrom, type Params, type Snapshot } from './snapshot.js';

export type Transition = 'next' | 'previous' | 'load' | 'reset' | 'jump';

export interface ChangeEvent {
  snapshot: Snapshot;
  transition: Transition;
}

type Listener = (e: ChangeEvent) => void;
type GraphOptions = NonNullable<Parameters<Session['graph']>[2]>;

/** Phases run since the session's start: whole steps and the cursor into the next. */
const timeOf = (st: SessionState): number => st.step * st.phases.length + st.cursor;

/** Passes whose end state is kept for comparisons (the presets' documents show two). */
const MAX_RECORDED_PASSES = 8;

/** The pass (1-based) a snapshot belongs to: the update still belongs to the pass it ends. */
export function passOf(s: Snapshot): number {
  return s.progress.update ? s.state.step : s.state.step + 1;
}

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
  /** The snapshot at the update of pass k (1-based), for tables that compare a pass's values. */
  #passEnd = new Map<number, Snapshot>();

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

  /** Calls fn after every change; returns a function that stops it. */
  onChange(fn: Listener): () => void {
    this.#listeners.push(fn);
    return () => {
      this.#listeners = this.#listeners.filter((f) => f !== fn);
    };
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
    this.#passEnd.clear();
    const d = session.data();
    this.#data = { X: d.X, Y: d.Y };
    this.#emit('load');
  }

  /** Runs the next phase. */
  next(): void {
    this.#emit('next', this.#runNext(true)); // one call into the engine per phase
  }

  /** Undoes the last phase; false when the engine has no history left. */
  previous(): boolean {
    const ok = this.session.previousPhase();
    if (ok) this.#emit('previous');
    return ok;
  }

  /** Runs to the end of the current step (a whole step when at its start). */
  step(): void {
    while (this.#runNext().state.cursor !== 0);
    this.#emit('jump');
  }

  /**
   * Time travel to the state right after phase k (0-based, in the engine's list of phases) of
   * the pass shown: back through the engine's history, or forward by running phases.
   */
  jumpToPhase(k: number): void {
    const s = this.session;
    const st = s.state();
    let now = timeOf(st);
    const target = (passOf(this.snapshot) - 1) * st.phases.length + k + 1;
    let moved = false;
    while (now > target && s.previousPhase()) {
      moved = true;
      now = timeOf(s.state());
    }
    while (now < target) {
      now = timeOf(this.#runNext().state); // the phase's answer carries the state
      moved = true;
    }
    if (moved) this.#emit('jump');
  }

  /**
   * Runs forward to `step` whole steps and `cursor` phases of the next (a position the view had
   * in a session that is gone: the engine is deterministic, so the same spec gives the same values).
   */
  runTo(step: number, cursor: number): void {
    const st = this.session.state();
    const target = step * st.phases.length + cursor;
    let moved = false;
    for (let now = timeOf(st); now < target; ) {
      const next = timeOf(this.#runNext().state);
      moved = true;
      if (next <= now) break; // a phase that did not advance: stop rather than loop
      now = next;
    }
    if (moved) this.#emit('jump');
  }

  /** Back to the initial parameters. */
  reset(): void {
    this.session.reset();
    this.#beforeUpdate.clear();
    this.#passEnd.clear();
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

  /** Runs the next phase (with every matrix in the answer when `matrices`). */
  #runNext(matrices = false): PhaseSnapshot {
    const r = this.session.nextPhaseSnapshot({ matrices });
    if (r.before) {
      const st = r.state; // after the update: its step has ended
      this.#beforeUpdate.set(st.step - 1, r.before);
      // Keep only the steps that time travel can reach back to (the engine's history bound).
      const reach = Math.ceil(st.historyLimit / st.phases.length) + 1;
      for (const step of this.#beforeUpdate.keys()) {
        if (step >= st.step - 1 - reach) break;
        this.#beforeUpdate.delete(step);
      }
    }
    return r;
  }

  /**
   * The snapshot of pass `pass` (1-based: pass k is step k − 1) as it stood after its update;
   * the current snapshot while that pass runs; null before it starts or when not recorded.
   */
  snapshotOfPass(pass: number): Snapshot | null {
    const s = this.snapshot;
    const current = passOf(s);
    if (current === pass) return s;
    return current > pass ? this.#passEnd.get(pass) ?? null : null;
  }

  /**
   * The operation graph of a neuron as the diagram shows it: the engine builds graphs from the
   * current parameters, so at the update (which shows the pass that has just ended, with
   * old → new parameters) the graph is read one phase back, then the update is run again.
   */
  graphAsShown(layer: number, unit: number, options: GraphOptions): NeuronGraph {
    const s = this.session;
    const st = s.state();
    if (st.cursor === 0 && st.lastPhase?.kind === 'update' && st.historySize > 0 && s.previousPhase()) {
      try {
        return s.graph(layer, unit, options);
      } finally {
        s.nextPhase();
      }
    }
    return s.graph(layer, unit, options);
  }

  /** Tells the listeners; `ran` is the answer of the phase just run, when it has the matrices. */
  #emit(transition: Transition, ran?: PhaseSnapshot): void {
    const view = ran?.snapshot ?? this.session.snapshot();
    const st = view.state;
    const before = st.cursor === 0 && st.step > 0 ? this.#beforeUpdate.get(st.step - 1) ?? null : null;
    this.#snapshot = snapshotFrom(view, this.spec, before);
    if (this.#snapshot.progress.update && st.step <= MAX_RECORDED_PASSES) this.#passEnd.set(st.step, this.#snapshot);
    for (const fn of this.#listeners) fn({ snapshot: this.#snapshot, transition });
  }

  dispose(): void {
    this.#session?.delete();
    this.#session = null;
  }
}
