// What practice mode reads from the engine, in the engine's own declarations
// (bindings/wasm/engine.d.ts): the page restates none of the checking rules.
import type {
  PracticeCheck,
  PracticeExercise,
  PracticeHints,
  PracticeQuantityInfo,
} from '../../../bindings/wasm/engine.js';

export type { PracticeCheck, PracticeExercise, PracticeHints, PracticeQuantityInfo };

export interface PracticeQuestionRef {
  quantity: string;
  layer: number;
  entry: [number, number];
}

/** The practice methods of a session (engine.js's practice block). */
export interface PracticeSession {
  check(q: PracticeQuestionRef & { answer: string }): PracticeCheck;
  practiceHints(q: PracticeQuestionRef): PracticeHints;
  practiceQuestions(phase?: number): PracticeQuantityInfo[];
}

/** The practice methods of the engine. */
export interface PracticeEngine {
  exercise(seed: number): PracticeExercise;
}

/** What the `answer` event of the element carries. */
export interface AnswerDetail {
  quantity: string;
  layer: number;
  entry: [number, number];
  answer: string;
  correct: boolean;
  diagnosis: { id: string; message: string } | null;
}

/** Counts since practice started (the element's `score`). */
export interface PracticeScore {
  /** Entries answered right at the first try without a hint. */
  correct: number;
  /** Entries finished in any way (right, revealed or skipped). */
  questions: number;
  /** Wrong answers checked. */
  wrong: number;
  hints: number;
  revealed: number;
  skipped: number;
}
