// One engine (one wasm module instance) per page, shared by every <backprop-explorer> and the
// app shell: each element only opens its own sessions.
import { loadEngine, type Engine } from '../engine';

let pending: Promise<Engine> | null = null;

export function sharedEngine(): Promise<Engine> {
  pending ??= loadEngine().catch((e: unknown) => {
    pending = null; // a later element may try again
    throw e;
  });
  return pending;
}
