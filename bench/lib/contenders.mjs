// The contenders: each returns {name, run(reps) -> {ms, parts, faults}} and optionally
// prepare() (run before its turn, outside the timed region) and dispose().
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { GRID } from './workloads.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function findNativeBinary() {
  const candidates = [
    process.env.BPX_BENCH_BIN,
    path.join(repoRoot, 'build/native/bench/bpx_bench'),
    path.join(repoRoot, 'build/bench/bpx_bench'),
  ].filter(Boolean);
  return candidates.find((p) => existsSync(p)) ?? null;
}

const specText = (w) => readFileSync(path.join(repoRoot, w.spec), 'utf8');

export function gridPoints() {
  const { nx, ny, lo, hi } = GRID;
  const out = new Float32Array(nx * ny * 2);
  for (let r = 0; r < ny; r++) {
    for (let c = 0; c < nx; c++) {
      const k = r * nx + c;
      out[2 * k] = lo + ((hi - lo) * c) / (nx - 1);
      out[2 * k + 1] = lo + ((hi - lo) * r) / (ny - 1);
    }
  }
  return out;
}

/** The data and initial parameters of a spec, read from an engine session. */
export function sessionSetup(engine, w) {
  const s = engine.session(specText(w));
  const spec = s.spec();
  const d = s.data();
  const init = { W: [], b: [] };
  for (let l = 1; l <= s.L; l++) {
    init.W.push(Float64Array.from(s.W(l).data));
    init.b.push(Float64Array.from(s.b(l).data));
  }
  const data = { X: d.X.data, Y: d.Y.data, XTest: d.XTest.data, YTest: d.YTest.data, n: d.X.cols, nTest: d.XTest.cols };
  s.delete();
  return { spec, init, data };
}

export function nativeContender(bin, w) {
  const args = ['--kind', w.kind, '--spec', path.join(repoRoot, w.spec), '--nx', String(GRID.nx), '--ny', String(GRID.ny)];
  if (w.calls) args.push('--calls', String(w.calls));
  return {
    name: 'native',
    native: true,
    run(reps, warmup = 2) {
      const out = execFileSync(bin, [...args, '--reps', String(reps), '--warmup', String(warmup)], { encoding: 'utf8' });
      return JSON.parse(out);
    },
  };
}

export function inProcess(name, once, extra = {}) {
  return {
    name,
    ...extra,
    run(reps) {
      const ms = [];
      const parts = {};
      const faults = [];
      for (let i = 0; i < reps; i++) {
        const f0 = process.resourceUsage().minorPageFault;
        const t0 = performance.now();
        const p = once();
        ms.push(performance.now() - t0);
        faults.push(process.resourceUsage().minorPageFault - f0);
        if (p) for (const [k, v] of Object.entries(p)) (parts[k] ??= []).push(v);
      }
      return { ms, parts, faults };
    },
  };
}

// One Stepper.next() of the step-through view makes one engine call
// (web/src/explorer/controller.ts #runNext: nextPhaseSnapshot()).
const pagePhase = (s) => s.nextPhaseSnapshot();
// The calls the view made per phase before nextPhaseSnapshot(), for comparison (workload 5q).
const SNAPSHOT_PER_LAYER = ['W', 'b', 'Z', 'dZ', 'dW', 'db', 'gprime'];
function pagePhaseBefore(s) {
  const L = s.L;
  const before = s.state();
  if (before.nextPhase.kind === 'update') {
    for (let l = 1; l <= L; l++) {
      s.W(l);
      s.b(l);
    }
  }
  s.nextPhase();
  s.state(); // #emit
  s.state(); // readSnapshot
  for (const name of SNAPSHOT_PER_LAYER) for (let l = 1; l <= L; l++) s.matrix(name, l);
  for (const name of ['A', 'dA']) for (let l = 0; l <= L; l++) s.matrix(name, l);
  s.Y();
  s.matrix('losses');
}

export function wasmContender(engine, w) {
  const s = engine.session(specText(w));
  const { nx, ny, lo, hi } = GRID;
  const updates = Math.ceil(s.state().trainExamples / s.state().batchSize);
  const grid = (precision) => s.predictGrid(nx, ny, lo, hi, lo, hi, { allUnits: true, precision });
  const once = {
    // The training view's frame (web/src/train): train(steps of one epoch), state(),
    // evaluate('train'), evaluate('test'), then every unit map on the float kernel.
    frame: () => {
      const t0 = performance.now();
      s.train(updates);
      s.state();
      const t1 = performance.now();
      s.evaluate('train');
      s.evaluate('test');
      const t2 = performance.now();
      grid('float');
      const t3 = performance.now();
      return { train: t1 - t0, loss: t2 - t1, grid: t3 - t2 };
    },
    step: () => void s.train(1),
    grid: () => void grid('float'),
    grid_double: () => void grid('double'),
    next_phase: () => {
      for (let i = 0; i < w.calls; i++) s.nextPhase();
    },
    page_phase: () => {
      for (let i = 0; i < w.calls; i++) pagePhase(s);
    },
    page_phase_before: () => {
      for (let i = 0; i < w.calls; i++) pagePhaseBefore(s);
    },
  }[w.kind];
  return inProcess('wasm', once, { dispose: () => s.delete() });
}

export async function tfContender(tf, backend, engine, w) {
  const { makeTfContender } = await import('../peers/tfjs_mlp.mjs');
  const setup = sessionSetup(engine, w);
  const m = await makeTfContender(tf, backend, { ...setup, grid: gridPoints() });
  const once = {
    frame: () => {
      const t0 = performance.now();
      m.trainEpoch();
      const t1 = performance.now();
      m.losses();
      const t2 = performance.now();
      m.grid();
      const t3 = performance.now();
      return { train: t1 - t0, loss: t2 - t1, grid: t3 - t2 };
    },
    step: () => m.step(),
    grid: () => void m.grid(),
  }[w.kind];
  // Activate this contender's backend before it runs (outside the timed region).
  return { ...inProcess(`tfjs-${backend}`, once), prepare: () => tf.setBackend(backend), dispose: () => m.dispose() };
}

export async function playgroundContender(engine, w) {
  const pg = await import('../peers/playground_style.mjs');
  const { spec, init, data } = sessionSetup(engine, w);
  const points = (X, Y, n) => Array.from({ length: n }, (_, k) => ({ x: X[k], y: X[n + k], label: Y[k] }));
  const train = points(data.X, data.Y, data.n);
  const test = points(data.XTest, data.YTest, data.nTest);
  const sizes = spec.layers;
  const weights = init.W.map((W, l) =>
    Array.from({ length: sizes[l + 1] }, (_, j) => Array.from(W.subarray(j * sizes[l], (j + 1) * sizes[l]))));
  const network = pg.buildNetwork(sizes, { weights, biases: init.b.map((b) => Array.from(b)) });
  const maps = new Map();
  const lr = spec.optimizer.learning_rate;
  const once = () => {
    const t0 = performance.now();
    pg.trainEpoch(network, train, spec.batch_size, lr);
    const t1 = performance.now();
    pg.getLoss(network, train);
    pg.getLoss(network, test);
    const t2 = performance.now();
    pg.unitMaps(network, GRID.nx, GRID.lo, GRID.hi, maps);
    const t3 = performance.now();
    return { train: t1 - t0, loss: t2 - t1, grid: t3 - t2 };
  };
  return inProcess('playground', once);
}

