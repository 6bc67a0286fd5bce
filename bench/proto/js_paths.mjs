// PROTOTYPE measurements (benchmark only): what the JS boundary costs on the two hot paths,
// against the shipped module in the same process. Build first: bash bench/proto/build.sh.
//
//   node bench/proto/js_paths.mjs
//
// grid:  predictGrid(..., {allUnits: true, precision: 'float'}) through the wrapper, against
//        the same kernel through a bare C API with the result (a) left in wasm memory,
//        (b) copied into a new Float32Array (what the binding's .slice() does), (c) copied
//        into one Float32Array reused from frame to frame.
// phase: nextPhase() through the wrapper (JSON string + JSON.parse) against a bare call
//        that returns the phase index as an integer.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { median } from '../lib/stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(import.meta.url);
const factory = require(path.join(root, 'build/bench/proto_c_api.cjs'));
const proto = await factory();
const { createEngine } = await import(path.join(root, 'bindings/wasm/index.js'));
const engine = await createEngine();

function cstring(text) {
  const bytes = new TextEncoder().encode(text + '\0');
  const p = proto._malloc(bytes.length);
  proto.HEAPU8.set(bytes, p);
  return p;
}

const rounds = 7;
function alternate(entries, reps) {
  const ms = Object.fromEntries(entries.map(([k]) => [k, []]));
  for (let r = 0; r < rounds + 1; r++) {
    for (let i = 0; i < entries.length; i++) {
      const [k, fn] = entries[(i + r) % entries.length];
      for (let j = 0; j < reps; j++) {
        const t0 = performance.now();
        fn();
        const dt = performance.now() - t0;
        if (r > 0) ms[k].push(dt); // round 0 warms up
      }
    }
  }
  return Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, median(v)]));
}

const out = {};
for (const name of ['frame1', 'frame2', 'mlp881']) {
  const spec = readFileSync(path.join(root, `bench/specs/${name}.json`), 'utf8');
  const s = engine.session(spec);
  const specPtr = cstring(spec);
  const h = proto._proto_create(specPtr);
  proto._free(specPtr);
  proto._proto_grid(h, 100, 100, -6, 6);
  const n = proto._proto_grid_size(h);
  const keep = new Float32Array(n);
  out[`grid ${name} (${n} values)`] = alternate([
    ['wrapper predictGrid float', () => s.predictGrid(100, 100, -6, 6, -6, 6, { allUnits: true, precision: 'float' })],
    ['kernel only', () => proto._proto_grid(h, 100, 100, -6, 6)],
    ['kernel + new Float32Array', () => {
      const p = proto._proto_grid(h, 100, 100, -6, 6) >> 2;
      proto.HEAPF32.slice(p, p + n);
    }],
    ['kernel + reused Float32Array', () => {
      const p = proto._proto_grid(h, 100, 100, -6, 6) >> 2;
      keep.set(proto.HEAPF32.subarray(p, p + n));
    }],
  ], 10);
  s.delete();
  proto._proto_delete(h);
}
{
  const spec = readFileSync(path.join(root, 'examples/seed002.json'), 'utf8');
  const s = engine.session(spec);
  const labels = s.state().phases;
  const specPtr = cstring(spec);
  const h = proto._proto_create(specPtr);
  proto._free(specPtr);
  const calls = 10000;
  out[`step mode, ${calls} calls (ms)`] = alternate([
    ['wrapper nextPhase()', () => {
      for (let i = 0; i < calls; i++) s.nextPhase();
    }],
    ['integer next_phase + {phase, divergence} built in JS', () => {
      for (let i = 0; i < calls; i++) {
        const r = proto._proto_next_phase(h);
        void { phase: labels[r % 1000], divergence: r >= 1000 ? 'fetch' : null };
      }
    }],
  ], 2);
  s.delete();
  proto._proto_delete(h);
}
for (const [k, v] of Object.entries(out)) {
  console.log(k);
  for (const [what, ms] of Object.entries(v)) console.log(`  ${what.padEnd(52)} ${ms.toFixed(3)} ms`);
}
