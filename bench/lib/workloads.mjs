// The workloads of issue 7 ("Benchmarks"), their contenders and targets.

/** Playground's heatmap: 100 x 100 cells over [-6, 6]^2. */
export const GRID = { nx: 100, ny: 100, lo: -6, hi: 6 };

export const ALL = ['native', 'wasm', 'tfjs-cpu', 'tfjs-wasm', 'playground'];
export const WORKLOADS = [
  {
    id: '1',
    title: 'Frame: 2→4→2→1 tanh, 250 pts, batch 10 (25 updates + 500 fwd + 7 unit maps 100×100)',
    spec: 'bench/specs/frame1.json',
    kind: 'frame',
    contenders: ALL,
    budgetMs: 1,
    playgroundMs: [9, 15],
  },
  {
    id: '2',
    title: 'Frame: 2→8×6→1 tanh, same work (49 unit maps)',
    spec: 'bench/specs/frame2.json',
    kind: 'frame',
    contenders: ALL,
    budgetMs: 7,
    playgroundMs: [65, 110],
  },
  {
    id: '3',
    title: 'Full-batch SGD step, 250 pts, 2-8-8-1 tanh/tanh/sigmoid, bce',
    spec: 'bench/specs/mlp881.json',
    kind: 'step',
    contenders: ['native', 'wasm', 'tfjs-cpu', 'tfjs-wasm'],
  },
  {
    id: '4',
    title: 'Forward over a 100×100 grid, 2-8-8-1, every unit (float kernel)',
    spec: 'bench/specs/mlp881.json',
    kind: 'grid',
    contenders: ['native', 'wasm', 'tfjs-cpu', 'tfjs-wasm'],
  },
  {
    id: '4d',
    title: '(info) the same grid on the exact double path (predictGrid precision "double")',
    spec: 'bench/specs/mlp881.json',
    kind: 'grid_double',
    contenders: ['native', 'wasm'],
    info: true,
  },
  {
    id: '5',
    title: 'Step mode: 10,000 nextPhase calls, seed 002 (2-2-1 sigmoid, bce)',
    spec: 'examples/seed002.json',
    kind: 'next_phase',
    contenders: ['native', 'wasm'],
    calls: 10000,
  },
  {
    id: '5p',
    title: '(info) Step mode as the page runs it: 1,000 phases of Stepper.next() (one nextPhaseSnapshot() call each), seed 002',
    spec: 'examples/seed002.json',
    kind: 'page_phase',
    contenders: ['wasm'],
    calls: 1000,
    info: true,
  },
  {
    id: '5q',
    title: '(info) the same 1,000 phases with the calls the view made before (state() three times, nextPhase(), a call per matrix)',
    spec: 'examples/seed002.json',
    kind: 'page_phase_before',
    contenders: ['wasm'],
    calls: 1000,
    info: true,
  },
];

export const LABEL = {
  native: 'native C++',
  wasm: 'our wasm (Node)',
  'tfjs-cpu': 'TF.js cpu',
  'tfjs-wasm': 'TF.js wasm',
  playground: 'Playground-style JS engine',
};

