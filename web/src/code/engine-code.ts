// The code view's types, from the engine's own declarations (the engine has the methods).
export type { CodeLang, CodeLine, PhaseCode } from '../../../bindings/wasm/engine.js';
