// The phase cursor as the view reads it. The engine lists the phases as {kind, layer, label}
// (engine.phases(L), state().phases); nothing here re-derives them.
import type { Phase } from '../../../bindings/wasm/engine.js';
import type { T } from '../i18n/index';

export type { Phase } from '../../../bindings/wasm/engine.js';

/** "Forward 1", "Loss", ...; "Start" before the first phase: the phase's kind in the view's words. */
export function phaseTitle(p: Phase | null, t: T): string {
  if (!p) return t('phase.start');
  if (p.kind === 'forward') return t('phase.forward', { l: p.layer });
  if (p.kind === 'backward') return t('phase.backward', { l: p.layer });
  return t(p.kind === 'loss' ? 'phase.loss' : 'phase.update');
}

/** The short name of data-phase and the element's events: "forward 2", "loss", "start". */
export function phaseName(p: Phase | null): string {
  return p ? p.label.toLowerCase() : 'start';
}

/** Progress within the current step, derived from the engine's cursor. */
export interface Progress {
  /** Forward layers done in the current step (0..L). */
  forward: number;
  loss: boolean;
  /** Lowest layer whose backward phase is done (L+1 when none). */
  backwardFrom: number;
  update: boolean;
}

export function progressOf(cursor: number, L: number, step: number, lastPhase: Phase | null): Progress {
  if (cursor === 0) {
    const done = step > 0 && lastPhase?.kind === 'update';
    return done
      ? { forward: L, loss: true, backwardFrom: 1, update: true }
      : { forward: 0, loss: false, backwardFrom: L + 1, update: false };
  }
  const forward = Math.min(cursor, L);
  const loss = cursor >= L + 1;
  const backwardDone = Math.max(0, cursor - (L + 1));
  return { forward, loss, backwardFrom: L + 1 - backwardDone, update: false };
}
