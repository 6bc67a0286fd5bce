// Small helpers of <backprop-explorer> (element.ts): spec text, a failed load's words, the words
// after a lost engine, the ready promise, the height, the events of the step-through view.
import type { SessionState, Spec } from '../engine';
import type { ChangeEvent } from '../explorer/controller';
import { phaseName } from '../explorer/phases';
import { ENGLISH, type Locale } from '../i18n/index';
import { describeError } from '../i18n/errors';

export function parseSpec(text: string, what: string, loc: Locale): Spec {
  try {
    return JSON.parse(text) as Spec;
  } catch (e) {
    throw new Error(loc.t('embed.notJson', { what, message: (e as Error).message }));
  }
}

/** A load that failed: the status line in the element's language, the error event's detail in the engine's English. */
export function loadFailure(e: unknown, loc: Locale) {
  const shown = describeError(e, loc);
  return {
    error: e instanceof Error ? e : new Error(String(e)),
    status: `${loc.t('embed.failed')}${shown.detail ? `${shown.summary} (${shown.detail})` : shown.summary}`,
    detail: { message: describeError(e, ENGLISH).summary, code: (e as { code?: string }).code ?? null },
  };
}

/** The status after a load that followed a lost engine: what was kept (st: the step-through view's state, or null). */
export function resumedText(loc: Locale, st: SessionState | null): string {
  const phases = st ? st.step * st.phases.length + st.cursor : 0;
  return loc.t(phases > 0 ? 'embed.reloadedAt' : 'embed.reloaded', { phases });
}

/** A promise with its resolve and reject (one per load of the element, whose type is T). */
export function deferredReady<T>() {
  let resolve!: (el: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {}); // a load nobody waits for is not an unhandled rejection
  return { promise, resolve, reject, settled: false };
}

/** A `height` option (CSS, or null for the content's height) on the element's root. */
export function applyHeight(root: HTMLElement, height: string | null): void {
  if (height) {
    root.style.height = height;
    root.dataset.fixedHeight = '';
  } else {
    root.style.removeProperty('height');
    delete root.dataset.fixedHeight;
  }
}

/** The element's phase, step and diverged events from the step-through view's changes. */
export class StepEvents {
  #lastStep = 0;
  #cursor = 0;
  #diverged = false;

  constructor(private readonly emit: (type: string, detail: unknown) => void) {}

  /** A new view: count steps and divergence from its state (null: from the start). */
  reset(st: SessionState | null): void {
    this.#lastStep = st?.step ?? 0;
    this.#cursor = st?.cursor ?? 0;
    this.#diverged = !!st?.divergence;
  }

  /** The position last shown: whole steps and phases into the next (to run again after a loss). */
  get position(): { step: number; cursor: number } {
    return { step: this.#lastStep, cursor: this.#cursor };
  }

  onChange({ snapshot, transition }: ChangeEvent): void {
    const st = snapshot.state;
    this.emit('phase', {
      phase: phaseName(st.lastPhase),
      nextPhase: phaseName(st.nextPhase),
      cursor: st.cursor,
      step: st.step,
      loss: st.loss,
      transition,
    });
    if ((transition === 'next' || transition === 'jump') && st.step > this.#lastStep) {
      this.emit('step', { step: st.step, epoch: st.epoch, loss: st.loss });
    }
    this.#lastStep = st.step;
    this.#cursor = st.cursor;
    if (st.divergence && !this.#diverged) this.emit('diverged', st.divergence);
    this.#diverged = !!st.divergence;
  }
}
