// The largest network a spec may describe, from the engine's own catalogue limits (no number
// copied): 2 inputs, maxLayers − 1 hidden layers of maxUnits, one sigmoid output, every point
// of a circle data set in one batch. Shared by the browser tests of big networks and
// bench/step-view-large.mjs; the spec is built here and handed to the page.
import { createEngine } from '../../bindings/wasm/index.js';

/** maxLayers, maxUnits, maxPoints, ... as engine.catalog().limits gives them. */
export const LIMITS = (await createEngine()).catalog().limits;

/** The spec, with `hidden` on every hidden layer; `extra` keys (say, init) are added. */
export function largestSpec(hidden = 'relu', extra = {}) {
  const { maxLayers, maxUnits, maxPoints } = LIMITS;
  return {
    layers: [2, ...Array(maxLayers - 1).fill(maxUnits), 1],
    activations: [...Array(maxLayers - 1).fill(hidden), 'sigmoid'],
    loss: 'bce',
    batch_size: maxPoints,
    ...extra,
    data: { dataset: 'circle', points: maxPoints, train_fraction: 1, seed: 2 },
  };
}
