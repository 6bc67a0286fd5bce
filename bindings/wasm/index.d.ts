// Types of the package entry point (index.js): createEngine plus everything engine.js
// exports. Guide with examples: docs/js-api.md.
import type { CreateEngineOptions, Engine } from './engine.js';

export * from './engine.js';

/**
 * Loads the engine (the ES-module build with its separate `.wasm`).
 *
 * - Browsers: the `.wasm` is fetched from beside `dist/bpx_wasm.mjs`, or from where
 *   `options.locateFile` says (bundlers), or not at all when `options.wasmBinary` holds it.
 * - Node: the `.wasm` is read from disk (or from the path, `file:` or `http(s):` URL that
 *   `options.locateFile` returns) unless `options.wasmBinary` holds it.
 *
 * @example
 * const engine = await createEngine();
 * const s = engine.session({ layers: [2, 2, 1], activations: ['sigmoid', 'sigmoid'], loss: 'bce',
 *   data: { dataset: 'circle' } });
 * s.step();
 * s.delete();
 */
export declare function createEngine(options?: CreateEngineOptions): Promise<Engine>;
