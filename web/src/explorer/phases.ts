// The phase cursor in words: the engine names phases "forward l", "loss", "backward l", "update".

export type PhaseKind = 'forward' | 'loss' | 'backward' | 'update';

export interface Phase {
  kind: PhaseKind;
  /** Layer of a forward/backward phase; 0 for loss and update. */
  layer: number;
  /** The engine's name, e.g. "backward 2". */
  name: string;
}

export function parsePhase(name: string | null | undefined): Phase | null {
  if (!name) return null;
  const m = name.match(/^(forward|backward)\s+(\d+)$/);
  if (m) return { kind: m[1] as PhaseKind, layer: Number(m[2]), name };
  if (name === 'loss' || name === 'update') return { kind: name, layer: 0, name };
  return null;
}

/** "Forward 1", "Loss", "Backward 2", "Update". */
export function phaseTitle(p: Phase | null): string {
  if (!p) return 'Start';
  if (p.kind === 'forward') return `Forward ${p.layer}`;
  if (p.kind === 'backward') return `Backward ${p.layer}`;
  return p.kind === 'loss' ? 'Loss' : 'Update';
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

export function progressOf(cursor: number, L: number, step: number, lastPhase: string | null): Progress {
  if (cursor === 0) {
    const done = step > 0 && lastPhase === 'update';
    return done
      ? { forward: L, loss: true, backwardFrom: 1, update: true }
      : { forward: 0, loss: false, backwardFrom: L + 1, update: false };
  }
  const forward = Math.min(cursor, L);
  const loss = cursor >= L + 1;
  const backwardDone = Math.max(0, cursor - (L + 1));
  return { forward, loss, backwardFrom: L + 1 - backwardDone, update: false };
}
