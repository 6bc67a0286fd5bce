// The engine checks what a teacher pastes: a spec (engine.validate, whose message names the
// JSON path, e.g. `layers[1]: expected an integer between 1 and 64, got 0`) and a circuit
// program (engine.circuit, whose error gives the line and column). The page adds no rule.
import type { Engine } from '../engine';

export type SpecCheck = { ok: true; spec: string } | { ok: false; message: string; path: string };
export type ProgramCheck = { ok: true } | { ok: false; message: string };

/** The spec as compact JSON when the engine accepts `text`, else the engine's message. */
export function checkSpec(engine: Engine, text: string): SpecCheck {
  if (!text.trim()) return { ok: false, message: 'Paste a spec (JSON) or read a file.', path: '' };
  const v = engine.validate(text);
  if (!v.ok) return { ok: false, message: v.error.message, path: v.error.path };
  return { ok: true, spec: JSON.stringify(JSON.parse(text)) };
}

/** Whether the engine builds a circuit from `text`; else its message (it names the line and column). */
export function checkProgram(engine: Engine, text: string): ProgramCheck {
  try {
    engine.circuit(text);
    return { ok: true };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The most of an uploaded file the page reads: above the engine's own spec limit (so the
 * engine says what is too long), and a bound on what a chosen file can make the page hold.
 */
export const MAX_FILE_READ = 64 << 20;
