// Types of dist/backprop-explorer.js (`import 'backprop-explorer/element'`), the classic script
// that defines <backprop-explorer>. It exports nothing: importing it defines the element.
// Guide: docs/embedding.md.
import type { Divergence, Engine, Session } from '../bindings/wasm/engine.js';

export type BackpropExplorerMode = 'step' | 'train';
export type BackpropExplorerReadyState = 'loading' | 'ready' | 'error';

/** `phase` (step-through mode): the cursor moved (a phase run or undone, a step, a reset, a load). */
export interface PhaseEventDetail {
  /** The phase just run: 'forward 1', …, 'loss', 'backward 2', …, 'update'; null at the very start. */
  phase: string | null;
  nextPhase: string;
  cursor: number;
  step: number;
  loss: number | null;
  transition: 'next' | 'previous' | 'jump' | 'reset' | 'load';
}

/** `step`: a step completed (step-through), or a batch of training work (train: `steps` steps). */
export interface StepEventDetail {
  step: number;
  epoch: number;
  loss: number | null;
  steps?: number;
}

/** `answer` (mode="practice"): the learner checked a value; the engine's verdict. */
export interface AnswerEventDetail {
  quantity: string;
  layer: number;
  /** 0-based [row, column]. */
  entry: [number, number];
  /** As typed. */
  answer: string;
  correct: boolean;
  /** The known mistake that reproduces a wrong answer (id "unknown" when none does); null when right. */
  diagnosis: { id: string; message: string } | null;
}

/** The running score of mode="practice", since practice started. */
export interface PracticeScore {
  correct: number;
  questions: number;
  wrong: number;
  hints: number;
  revealed: number;
  skipped: number;
}

export interface BackpropExplorerEventMap {
  ready: CustomEvent<{ mode: BackpropExplorerMode }>;
  phase: CustomEvent<PhaseEventDetail>;
  step: CustomEvent<StepEventDetail>;
  diverged: CustomEvent<Divergence>;
  error: CustomEvent<{ message: string; code: string | null }>;
  answer: CustomEvent<AnswerEventDetail>;
}

export interface BackpropExplorerElement extends HTMLElement {
  /** 'loading', 'ready' or 'error'. */
  readonly readyState: BackpropExplorerReadyState;
  /** Resolves with the element when it is ready; rejects when it cannot start (bad spec, src…). */
  readonly ready: Promise<BackpropExplorerElement>;
  /** The engine (shared by every element of the page); null until loaded. */
  readonly engine: Engine | null;
  /** The session of the network shown (owned by the element: read it, do not delete it). */
  readonly session: Session | null;
  readonly mode: BackpropExplorerMode;
  /** mode="practice" (shown as the step-through view with practice on): the score; else null. */
  readonly score: PracticeScore | null;
  /** Step-through mode: the next phase, as the "Next phase" button. */
  nextPhase(): void;
  /** Step-through mode: undoes the last phase; false when there is no history. */
  previousPhase(): boolean;
  /** Step-through mode: runs to the end of the current step. */
  step(): void;
  /** Step-through mode: back to the initial parameters. */
  reset(): void;
  addEventListener<K extends keyof BackpropExplorerEventMap>(
    type: K,
    listener: (this: BackpropExplorerElement, ev: BackpropExplorerEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: HTMLElement, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof BackpropExplorerEventMap>(
    type: K,
    listener: (this: BackpropExplorerElement, ev: BackpropExplorerEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: HTMLElement, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'backprop-explorer': BackpropExplorerElement;
  }
}
