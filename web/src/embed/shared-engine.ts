// One engine (one wasm module instance) per page, shared by every <backprop-explorer> and the
// app shell: each element only opens its own sessions.
import { loadEngine, type Engine } from '../engine';

let pending: Promise<Engine> | null = null;
let loaded: Engine | null = null;

export function sharedEngine(): Promise<Engine> {
  // A module that failed beyond repair (engine.lost) is dropped: the next element loads a fresh one.
  if (loaded?.lost) pending = loaded = null;
  pending ??= loadEngine().then(
    (engine) => (loaded = engine),
    (e: unknown) => {
      pending = null; // a later element may try again
      throw e;
    },
  );
  return pending;
}
