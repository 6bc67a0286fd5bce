// Entry point for the page, bundlers and Node: the ES-module build with its .wasm.
// Types and docs: index.d.ts; guide: docs/js-api.md.
import factory from './dist/bpx_wasm.mjs';
import { BpxError, createEngineWith } from './engine.js';

export { BpxError, Engine, Session, createEngineWith } from './engine.js';

const WASM_FILE = 'bpx_wasm.wasm';
const isNode = typeof process !== 'undefined' && !!process.versions?.node && typeof window === 'undefined';

// Node cannot let the browser glue fetch the .wasm (it fetches file paths): read the
// bytes here, from where locateFile says (a path, a file: URL or an http(s): URL) or
// from dist/ beside this file.
async function nodeWasmBinary(locateFile) {
  const distDir = new URL('./dist/', import.meta.url).href;
  const located = locateFile ? String(locateFile(WASM_FILE, distDir)) : new URL(WASM_FILE, distDir).href;
  if (/^https?:/i.test(located)) {
    const response = await fetch(located);
    if (!response.ok) throw new BpxError('INVALID_ARGUMENT', `cannot load ${located}: HTTP ${response.status}`, 'locateFile');
    return new Uint8Array(await response.arrayBuffer());
  }
  const fsName = 'node:fs';
  const { readFileSync } = await import(/* @vite-ignore */ fsName);
  return readFileSync(located.startsWith('file:') ? new URL(located) : located);
}

/**
 * Loads the engine. In browsers the .wasm is fetched next to dist/bpx_wasm.mjs (or
 * where options.locateFile says); in Node it is read from disk (or from the URL that
 * options.locateFile gives) unless options.wasmBinary holds its bytes.
 */
export async function createEngine(options = {}) {
  if (options === null || typeof options !== 'object') {
    throw new BpxError('INVALID_ARGUMENT', 'createEngine: expected an options object', 'options');
  }
  if (isNode && !options.wasmBinary) {
    options = { ...options, wasmBinary: await nodeWasmBinary(options.locateFile) };
  }
  return createEngineWith(factory, options);
}
