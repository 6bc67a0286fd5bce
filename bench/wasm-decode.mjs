// The inlined wasm's unpacking at start, side by side in one process (Node): the same module
// packed as raw deflate (zlib level 9, read by DecompressionStream("deflate-raw")) and by xz
// with the build's own arguments (read by xz-decompress, what the bundle runs). Prints sizes,
// median times and their ratio. Needs bindings/wasm/dist/ (npm run build:wasm) and xz.
//   node bench/wasm-decode.mjs [rounds]
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import xz from 'xz-decompress';
import { xzPack } from '../vite.classic.js';

const wasm = readFileSync(new URL('../bindings/wasm/dist/bpx_wasm.wasm', import.meta.url));
const rounds = Number(process.argv[2] ?? 30);
const deflated = deflateRawSync(wasm, { level: 9 });
const packed = xzPack(wasm);

const read = (stream) => new Response(stream).arrayBuffer();
const contenders = {
  'deflate-raw (DecompressionStream)': () => read(new Blob([deflated]).stream().pipeThrough(new DecompressionStream('deflate-raw'))),
  'xz (xz-decompress)': () => read(new xz.XzReadableStream(new Blob([packed]).stream())),
};
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
const times = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
for (let r = 0; r < rounds + 3; r++) {
  for (const [name, run] of Object.entries(contenders)) {
    const t0 = performance.now();
    const out = await run();
    const dt = performance.now() - t0;
    if (out.byteLength !== wasm.length) throw new Error(`${name}: ${out.byteLength} bytes, expected ${wasm.length}`);
    if (r >= 3) times[name].push(dt); // three warm-up rounds
  }
}
console.log(`wasm ${wasm.length} B; deflate-raw level 9 ${deflated.length} B; xz ${packed.length} B (${(100 * (1 - packed.length / deflated.length)).toFixed(1)} % smaller)`);
const [d, x] = Object.keys(contenders).map((k) => median(times[k]));
for (const [name, t] of [[Object.keys(contenders)[0], d], [Object.keys(contenders)[1], x]]) console.log(`${name}: median ${t.toFixed(2)} ms over ${rounds} rounds`);
console.log(`xz / deflate-raw: ${(x / d).toFixed(2)}x`);
