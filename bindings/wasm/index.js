// Entry point for the page, bundlers and Node: the ES-module build with its .wasm.
import factory from './dist/bpx_wasm.mjs';
import { createEngineWith } from './engine.js';

export { BpxError, Engine, Session } from './engine.js';

const isNode = typeof process !== 'undefined' && !!process.versions?.node && typeof window === 'undefined';

/**
 * Loads the engine. In browsers the .wasm is fetched next to dist/bpx_wasm.mjs (or
 * where options.locateFile says); in Node it is read from disk unless wasmBinary is given.
 */
export async function createEngine(options = {}) {
  if (isNode && !options.wasmBinary && !options.locateFile) {
    const fsName = 'node:fs';
    const { readFileSync } = await import(/* @vite-ignore */ fsName);
    options = { ...options, wasmBinary: readFileSync(new URL('./dist/bpx_wasm.wasm', import.meta.url)) };
  }
  return createEngineWith(factory, options);
}
