// The engine checks what a teacher pastes: a spec (engine.validate, whose error names the
// JSON path, e.g. `layers[1]: expected an integer between 1 and 64, got 0`) and a circuit
// program (engine.circuit, whose error gives the line and column). The page adds no rule; it
// shows the error in its language (web/src/i18n/errors.ts: summary, then the engine's English).
import type { Engine } from '../engine';

/** `error` null: nothing was pasted. */
export type SpecCheck = { ok: true; spec: string } | { ok: false; error: unknown };
export type ProgramCheck = { ok: true } | { ok: false; error: unknown };

/** The spec as compact JSON when the engine accepts `text`, else the engine's error. */
export function checkSpec(engine: Engine, text: string): SpecCheck {
  if (!text.trim()) return { ok: false, error: null };
  const v = engine.validate(text);
  if (!v.ok) return { ok: false, error: v.error };
  return { ok: true, spec: JSON.stringify(JSON.parse(text)) };
}

/** Whether the engine builds a circuit from `text`; else its error (it names the line and column). */
export function checkProgram(engine: Engine, text: string): ProgramCheck {
  try {
    engine.circuit(text);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e };
  }
}

/**
 * The most of an uploaded file the page reads: above the engine's own spec limit (so the
 * engine says what is too long), and a bound on what a chosen file can make the page hold.
 */
export const MAX_FILE_READ = 64 << 20;
