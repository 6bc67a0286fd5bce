// Types of practice on circuits (Engine.circuitCheck, Engine.circuitMistakes in engine.js),
// kept beside engine.d.ts. The page's circuit view reads them through its CircuitEngine.
import type { CircuitOptions } from './engine.js';

export interface CircuitQuestion {
  /** A node id of the circuit ("n3"). */
  node: string;
  /** 'value': the node's value; 'wire': the gradient gate `node` passes to input `slot`; 'grad': d output / d node. */
  asked?: 'value' | 'wire' | 'grad';
  slot?: number;
  /** The text typed: a number or arithmetic (docs/practice.md). */
  answer: string;
}

export interface CircuitCheckResult {
  correct: boolean;
  expected: number;
  answer: number;
  digits: number;
  /** The known mistake that reproduces a wrong answer ('unknown' when none does). */
  diagnosis: { id: string; message: string } | null;
  /** The rule with this gate's numbers. */
  rule: string;
}

export interface CircuitPracticeEngine {
  circuitCheck(program: string, options: CircuitOptions | undefined, question: CircuitQuestion): CircuitCheckResult;
  circuitMistakes(): { id: string; summary: string }[];
}
