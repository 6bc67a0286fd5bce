// The code view's calls on the engine, typed from the engine's own declarations.
import type { CodeLinesOptions, CodeScriptOptions, PhaseCode } from '../../../bindings/wasm/engine.js';
import type { Engine, Session } from '../engine';

export type { CodeLang, CodeLine, PhaseCode } from '../../../bindings/wasm/engine.js';

export interface CodeEngine {
  readonly codeMaxSteps: number;
  codeLines(session: Session, options?: CodeLinesOptions): PhaseCode;
  codeScript(session: Session, options?: CodeScriptOptions): string;
}

/** The page's engine is the wrapper of bindings/wasm/engine.js, which has these methods. */
export function codeEngine(engine: Engine): CodeEngine {
  return engine as unknown as CodeEngine;
}
