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
  SessionState,
  Spec,
} from '../../bindings/wasm/engine.js';
export type { ChainLinks as GraphLinks } from '../../bindings/wasm/engine.js';

/** Loads the engine; the .wasm is the bundled asset next to the page's JS. */
export async function loadEngine(): Promise<Engine> {
  const engine = await createEngineWith(factory, {
    locateFile: (path: string) => (path.endsWith('.wasm') ? wasmUrl : path),
  });
  useCatalogOf(engine);
  return engine;
}

/** Element (i, j) of a matrix. */
export function at(m: Matrix, i: number, j = 0): number {
  return m.data[i * m.cols + j];
}
