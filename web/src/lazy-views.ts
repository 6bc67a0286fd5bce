// The views that are not on screen at start, loaded the first time they are opened. In the
// built page each is a classic script beside backprop-explorer.js (vite.chunks.js); under
// the dev server, an ES module.
export const loadTrainView = () => import('./train/index');
export const loadCircuitView = () => import('./circuit/index');
