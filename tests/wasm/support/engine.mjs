// Shared by the wasm tests: the engine loaded through the package path (the "exports"
// map of package.json), the repository root and the seed 002 spec.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine } from 'backprop-explorer';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DIST = `${ROOT}bindings/wasm/dist/`;
// The native CLI to compare with; BPX_CLI=path overrides it.
export const BPX = process.env.BPX_CLI || `${ROOT}build/native/bpx`;
export const SEED002_TEXT = readFileSync(`${ROOT}examples/seed002.json`, 'utf8');
export const SEED002 = JSON.parse(SEED002_TEXT);

let loaded;
/** One engine per test file (each file runs in its own process). */
export function getEngine() {
  loaded ??= createEngine();
  return loaded;
}

/** Copies a matrix reply into plain rows (for readable assertions). */
export function rows(m) {
  const out = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}
