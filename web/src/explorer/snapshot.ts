// One read of everything the views draw: the engine's state and matrices after a phase,
// copied out in one call (Session.snapshot / nextPhaseSnapshot) so that views never call
// the engine themselves.
import type { Matrix, SessionSnapshot, SessionState, Spec } from '../../../bindings/wasm/engine.js';
import { progressOf, type Phase, type Progress } from './phases.js';
import { catalog } from '../catalog.js';

export interface Params {
  W: Matrix[];
  b: Matrix[];
}

export interface Snapshot {
  state: SessionState;
  spec: Spec;
  /** Layer sizes n_0..n_L. */
  layers: number[];
  L: number;
  /** The phase just run (null at the very start). */
  phase: Phase | null;
  progress: Progress;
  /** Index 1..L (index 0 unused) for W, b, Z, dZ, dW, db, gprime; 0..L for A and dA. */
  W: Matrix[];
  b: Matrix[];
  Z: Matrix[];
  A: Matrix[];
  dA: Matrix[];
  dZ: Matrix[];
  dW: Matrix[];
  db: Matrix[];
  gprime: Matrix[];
  Y: Matrix;
  /** Per-example losses of the batch (after the loss phase). */
  losses: Matrix;
  /** Parameters before the last update (when the last phase was the update). */
  before: Params | null;
  activations: string[];
  loss: string;
  optimizer: string;
  learningRate: number;
}

/** The view's snapshot from the engine's (one call: Session.snapshot or nextPhaseSnapshot). */
export function snapshotFrom(view: SessionSnapshot, spec: Spec, before: Params | null): Snapshot {
  const { state } = view;
  const L = state.layers.length - 1;
  const phase = state.lastPhase;
  const progress = progressOf(state.cursor, L, state.step, state.lastPhase);
  return {
    state,
    spec,
    layers: state.layers,
    L,
    phase,
    progress,
    W: view.W,
    b: view.b,
    Z: view.Z,
    A: view.A,
    dA: view.dA,
    dZ: view.dZ,
    dW: view.dW,
    db: view.db,
    gprime: view.gprime,
    Y: view.Y,
    losses: view.losses,
    before: progress.update ? before : null,
    activations: (spec.activations ?? []) as string[],
    loss: String(spec.loss ?? ''),
    // The engine's default optimizer when the spec names none (the first of the catalogue's).
    optimizer: String(spec.optimizer?.type ?? catalog().optimizers[0].name),
    learningRate: state.learningRate,
  };
}

/** True when values of layer l's forward pass belong to the current step. */
export function hasForward(s: Snapshot, l: number): boolean {
  return l === 0 ? s.A[0].cols > 0 : s.progress.forward >= l && s.Z[l].cols > 0;
}
/** True when layer l's backward box has run in the current step. */
export function hasBackward(s: Snapshot, l: number): boolean {
  return s.progress.backwardFrom <= l && s.dZ[l].cols > 0;
}
/** True when dA[l] is known: dA[L] after the loss, dA[l-1] after backward l. */
export function hasDA(s: Snapshot, l: number): boolean {
  if (l === s.L) return s.progress.loss && s.dA[l].cols > 0;
  return s.progress.backwardFrom <= l + 1 && s.dA[l].cols > 0;
}
