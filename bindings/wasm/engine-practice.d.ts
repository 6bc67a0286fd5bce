// Types of practice mode: the learner's answers, checked by the core. Re-exported by
// engine.d.ts; guide: docs/js-api.md.
import type { Spec } from './engine-spec.js';

// --- Practice mode ---------------------------------------------------------------------

/** A quantity of one step, in the README's notation. */
export type PracticeQuantity = 'Z' | 'A' | 'loss' | 'dA' | 'dZ' | 'dW' | 'db' | 'W' | 'b';

/** One entry of a quantity: `quantity: 'dZ', layer: 2` (or `quantity: 'dZ[2]'`); entry 0-based [row, col]. */
export interface PracticeQuestion {
  quantity: PracticeQuantity | string;
  /** 1..L (0 also for dA: dL/dX); not used for the loss. */
  layer?: number;
  /** [row, col] or {row, col}; default [0, 0]. */
  entry?: [number, number] | { row: number; col: number };
}

export interface PracticeAnswer extends PracticeQuestion {
  /** As typed: a number (point or comma), a fraction or arithmetic such as `0.5*0.62 + 0.05`. */
  answer: string;
}

/** A known mistake that reproduces the answer (id from `practiceCatalogue()`), or `unknown`. */
export interface PracticeDiagnosis {
  id: string;
  /** Quotes the learner's number. */
  message: string;
}

export interface PracticeHints {
  /** The exact value of the entry. */
  expected: number;
  /** Level 1 the rule, 2 the rule with this entry's numbers, 3 the value (plain text). */
  hints: [string, string, string];
}

export interface PracticeCheck extends PracticeHints {
  /** Equal to the exact value at the digits typed. */
  correct: boolean;
  /** The value of what was typed. */
  answer: number;
  /** Significant digits the answer carries. */
  digits: number;
  /** Only when wrong. */
  diagnosis: PracticeDiagnosis | null;
}

/** A quantity a phase computes, with its shape. */
export interface PracticeQuantityInfo {
  quantity: PracticeQuantity;
  layer: number;
  /** "dZ[2]" or "loss". */
  name: string;
  rows: number;
  cols: number;
}

export interface PracticeExercise {
  seed: number;
  /** "2-3-2, tanh hidden units, softmax output, cross-entropy, learning rate 0.5" */
  title: string;
  spec: Spec;
}

export interface PracticeCatalogue {
  mistakes: { id: string; summary: string }[];
  limits: { answerLength: number; answerNesting: number; answerDigits: number };
}
// --- end of practice mode --------------------------------------------------------------
