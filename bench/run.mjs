// Side-by-side benchmarks (issue 7): the engine natively (bench/native/bpx_bench, spawned
// between the others), our wasm module under Node through the JS wrapper (as the page
// calls it), TensorFlow.js 4 with its cpu and wasm backends, and a Playground-style JS
// engine (bench/peers/playground_style.mjs) for the frames. Contenders alternate within
// each round (the order rotates), after a warm-up; the table shows medians and ratios.
//
//   node bench/run.mjs [--rounds 7] [--only 1,2,5] [--contenders native,wasm] [--no-page] [--quick]
//
// Writes bench/results/latest.md (table, machine, date) and latest.json (every sample).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { installNetworkGuard, networkAttempts } from './lib/no_network.mjs';
import { median } from './lib/stats.mjs';
import { WORKLOADS as ALL_WORKLOADS } from './lib/workloads.mjs';
import {
  findNativeBinary, nativeContender, playgroundContender, tfContender, wasmContender,
} from './lib/contenders.mjs';
import { agreementCheck } from './lib/agreement.mjs';
import { render } from './lib/report.mjs';

installNetworkGuard();

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');

// ---------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
};
const QUICK = flag('--quick');
const ROUNDS = Number(option('--rounds', QUICK ? 3 : 7));
const ONLY = option('--only', null)?.split(',');
const CONTENDERS = option('--contenders', null)?.split(','); // e.g. native,wasm
const ROUND_BUDGET_MS = QUICK ? 60 : 150; // time each contender gets per round and workload
const MIN_REPS = 3;
const MAX_REPS = 50;
const WARMUP_MS = QUICK ? 100 : 300;
const log = (...a) => console.error(...a); // progress on stderr; the report on stdout
const WORKLOADS = ALL_WORKLOADS.filter((w) => !ONLY || ONLY.includes(w.id));

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------
async function main() {
  const started = new Date();
  const load0 = os.loadavg();
  const { createEngine } = await import('../bindings/wasm/index.js');
  const engine = await createEngine();

  // TensorFlow.js, both backends, from bench/node_modules; the wasm backend's .wasm files
  // are read from disk (setWasmPaths with a file path), never fetched.
  // TF.js prints a hint about tfjs-node when its cpu backend starts: keep it out of the report.
  for (const k of ['log', 'warn']) {
    const real = console[k];
    console[k] = (...a) => (String(a[0]).includes('tfjs-node') ? undefined : real(...a));
  }
  if (!existsSync(path.join(here, 'node_modules/@tensorflow/tfjs'))) {
    console.error('bench/run.mjs needs the benchmark\'s own dependencies: run `npm ci --prefix bench` first (or `bash scripts/bench.sh`, which does).');
    process.exit(1);
  }
  const tf = await import('@tensorflow/tfjs');
  const tfw = await import('@tensorflow/tfjs-backend-wasm');
  tfw.setWasmPaths(path.join(here, 'node_modules/@tensorflow/tfjs-backend-wasm/dist') + path.sep);
  const haveTfWasm = await tf.setBackend('wasm');
  const tfInfo = {
    version: tf.version.tfjs,
    wasmSimd: haveTfWasm ? await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') : null,
    wasmThreads: haveTfWasm ? tfw.getThreadsCount() : null,
  };
  await tf.setBackend('cpu');

  const bin = findNativeBinary();
  if (!bin) log('[bench] native binary not found (build/native/bench/bpx_bench or build/bench/bpx_bench): native skipped');

  log('[bench] equal-work check: one update from the same weights on the same 10 points');
  const agreement = await agreementCheck(engine, tf, haveTfWasm);

  // Build every contender of every workload.
  const plan = [];
  for (const w of WORKLOADS) {
    const contenders = [];
    for (const name of w.contenders) {
      if (CONTENDERS && !CONTENDERS.includes(name)) continue;
      if (name === 'native') {
        if (bin) contenders.push(nativeContender(bin, w));
      } else if (name === 'wasm') contenders.push(wasmContender(engine, w));
      else if (name === 'tfjs-cpu') contenders.push(await tfContender(tf, 'cpu', engine, w));
      else if (name === 'tfjs-wasm' && haveTfWasm) contenders.push(await tfContender(tf, 'wasm', engine, w));
      else if (name === 'playground') contenders.push(await playgroundContender(engine, w));
    }
    plan.push({ w, contenders, samples: {}, parts: {}, faults: {}, reps: {} });
  }

  // Warm-up, and the repetitions per round that fill about ROUND_BUDGET_MS.
  log(`[bench] warm-up, then ${ROUNDS} rounds (contender order rotates each round)`);
  for (const p of plan) {
    for (const c of p.contenders) {
      await c.prepare?.();
      let est;
      if (c.native) {
        est = median(c.run(5, 3).ms);
      } else {
        const t0 = performance.now();
        const ms = [];
        while (ms.length < MIN_REPS || (performance.now() - t0 < WARMUP_MS && ms.length < MAX_REPS)) ms.push(...c.run(1).ms);
        est = median(ms);
      }
      p.reps[c.name] = Math.max(MIN_REPS, Math.min(MAX_REPS, Math.ceil(ROUND_BUDGET_MS / Math.max(est, 1e-3))));
    }
  }

  for (let r = 0; r < ROUNDS; r++) {
    log(`[bench] round ${r + 1}/${ROUNDS}`);
    for (const p of plan) {
      const n = p.contenders.length;
      for (let i = 0; i < n; i++) {
        const c = p.contenders[(i + r) % n];
        await c.prepare?.();
        const res = c.run(p.reps[c.name]);
        (p.samples[c.name] ??= []).push(...res.ms);
        (p.faults[c.name] ??= []).push(...(res.faults ?? []));
        for (const [k, v] of Object.entries(res.parts ?? {})) ((p.parts[c.name] ??= {})[k] ??= []).push(...v);
      }
    }
  }
  for (const p of plan) for (const c of p.contenders) c.dispose?.();

  // Page figures.
  const { payloadSizes, readyTimes } = await import('./page.mjs');
  const sizes = payloadSizes(repoRoot);
  let ready = { skipped: 'not measured (--no-page)' };
  if (!flag('--no-page')) {
    log('[bench] headless Chromium: navigation to ready');
    try {
      ready = await readyTimes(repoRoot, { cold: QUICK ? 1 : 3, warm: QUICK ? 3 : 7 });
    } catch (e) {
      ready = { skipped: `failed: ${e.message}` };
    }
  }
  const load1 = os.loadavg();

  const report = render({ plan, agreement, tfInfo, sizes, ready, started, load0, load1, bin, rounds: ROUNDS });
  console.log(report.text);
  const outDir = path.join(here, 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'latest.md'), report.text + '\n');
  const json = {
    date: started.toISOString(),
    machine: report.machine,
    rounds: ROUNDS,
    agreement,
    tfjs: tfInfo,
    sizes,
    ready,
    workloads: plan.map((p) => ({ id: p.w.id, title: p.w.title, reps: p.reps, samples: p.samples, parts: p.parts, faults: p.faults })),
    network: networkAttempts(),
  };
  writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(json, null, 1) + '\n');
  log(`[bench] wrote ${path.relative(repoRoot, path.join(outDir, 'latest.md'))} and latest.json`);
}


main().catch((e) => {
  console.error(e);
  process.exit(1);
});
