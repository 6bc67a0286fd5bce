// Loads the engine for the page. The types are the engine's own declarations
// (bindings/wasm/engine.d.ts): the page restates none of them.
// The page loads the browser build directly (engine.js + the ES-module glue); the package
// entry index.js also carries a Node branch that the bundle does not need.
import factory from '../../bindings/wasm/dist/bpx_wasm.mjs';
import { createEngineWith } from '../../bindings/wasm/engine.js';
import wasmUrl from '../../bindings/wasm/dist/bpx_wasm.wasm?url';
import type { Engine, Matrix } from '../../bindings/wasm/engine.js';
import { useCatalogOf } from './catalog';

export { BpxError } from '../../bindings/wasm/engine.js';
export type {
  Catalog,
  Engine,
  ExplicitData,
  GraphNode,
  Matrix,
  MatrixName,
  NeuronGraph,
  Phase,
  PointData,
  Session,
  SessionSnapshot,
  SessionState,
  PhaseSnapshot,
  Spec,
} from '../../bindings/wasm/engine.js';
export type { ChainLinks as GraphLinks } from '../../bindings/wasm/engine.js';

// Test hook (tests/e2e/engine-lost.test.mjs; docs/architecture.md, "A lost engine"): when a page
// script has set window.__bpxTestModules to an array before the engine loads, each raw module
// loaded is pushed onto it, so that a test can damage one as tests/wasm/engine-lost.test.mjs
// does. No attribute, URL parameter or input reaches it.
declare global {
  interface Window {
    __bpxTestModules?: unknown[];
  }
}
const watchedFactory: typeof factory = async (options) => {
  const module = await factory(options);
  if (typeof window !== 'undefined' && Array.isArray(window.__bpxTestModules)) window.__bpxTestModules.push(module);
  return module;
};

/** Loads the engine; the .wasm is the bundled asset next to the page's JS. */
export async function loadEngine(): Promise<Engine> {
  const engine = await createEngineWith(watchedFactory, {
    locateFile: (path: string) => (path.endsWith('.wasm') ? wasmUrl : path),
  });
  useCatalogOf(engine);
  return engine;
}

/** Element (i, j) of a matrix. */
export function at(m: Matrix, i: number, j = 0): number {
  return m.data[i * m.cols + j];
}
