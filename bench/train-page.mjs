// The training view's own speed in headless Chromium (issue 16): the built page (dist/, served
// on loopback) opened at ?mode=train, Play clicked like a person would, then for a few seconds
// of playing: epochs per second (the view's Epoch counter), epochs per frame, the 95th
// percentile of the interval between frames, and the frame's parts as the view itself times
// them (web/src/train/perf.ts: window.__bpxTrainPerf). Also the one-tag script's parts and the
// warm navigation to ready. Beside them, TensorFlow Playground's figures as quoted in issue 16.
//
//   npm run build && node bench/train-page.mjs [--seconds 6] [--json out.json]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, startServer } from '../tests/e2e/browser.mjs';
import { chromium } from 'playwright-core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(repoRoot, 'dist');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SECONDS = Number(arg('--seconds', '6'));
const WARM_UP_MS = 1500;

// TensorFlow Playground's page on this machine kind, headless Chromium (quoted in issue 16).
const PLAYGROUND = { default: '33 epochs/s (quoted in issue 16)', '6x8': '6–8 epochs/s (quoted in issue 16)' };

const NETWORKS = [
  { id: 'default', what: 'default network (2 features, 4-2 tanh), 500 points', query: '' },
  { id: '6x8', what: '6 hidden layers of 8, 500 points', query: '&t.hidden=8,8,8,8,8,8&t.points=500' },
];

const quantile = (xs, q) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs) => quantile(xs, 0.5);
const gz = (text) => gzipSync(text, { level: 9 }).length;

const FONT = /data:font\/woff2;base64,[A-Za-z0-9+/=]+/g;

/**
 * Gzipped parts of the one-tag script (the inlined engine, any inlined fonts, the rest) and the
 * gzipped size of each sibling chunk (backprop-explorer-NAME.js), with the fonts inside it.
 */
export function bundleParts(file = path.join(dist, 'backprop-explorer.js')) {
  const s = readFileSync(file, 'utf8');
  const wasm = /data:application\/octet-stream;base64,[A-Za-z0-9+/=]+/.exec(s)?.[0] ?? '';
  const fonts = (s.match(FONT) ?? []).join('');
  let rest = s.replace(wasm, '');
  for (const f of s.match(FONT) ?? []) rest = rest.replace(f, '');
  const chunks = {};
  for (const name of readdirSync(path.dirname(file))) {
    const m = /^backprop-explorer-([a-z]+)\.js$/.exec(name);
    if (!m) continue;
    const c = readFileSync(path.join(path.dirname(file), name), 'utf8');
    chunks[m[1]] = { total: gz(c), fonts: gz((c.match(FONT) ?? []).join('')) };
  }
  return { total: gz(s), engine: gz(wasm), fonts: gz(fonts), codeAndStyles: gz(rest), chunks };
}

async function playFor(page, origin, net) {
  await page.goto(`${origin}/?mode=train${net.query}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60000 });
  const epoch = () => page.evaluate(() => Number(document.querySelector('.bpx-t-epoch')?.textContent ?? NaN));
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(WARM_UP_MS);
  await page.evaluate(() => window.__bpxTrainPerf.clear());
  const e0 = await epoch();
  const t0 = await page.evaluate(() => performance.now());
  await page.waitForTimeout(SECONDS * 1000);
  const e1 = await epoch();
  const t1 = await page.evaluate(() => performance.now());
  const perf = await page.evaluate(() => {
    const p = window.__bpxTrainPerf;
    return { interval: p.interval(), work: p.work(), kinds: p.kinds(), parts: p.parts() };
  });
  await page.getByRole('button', { name: 'Pause' }).click();
  // The rings hold the last 600 frames: 10 s at 60 frames/s, more than the measured seconds.
  const frames = perf.interval;
  const seconds = (t1 - t0) / 1000;
  const epochs = e1 - e0;
  const framesInWindow = perf.kinds.length;
  return {
    network: net.id,
    what: net.what,
    epochsPerSecond: epochs / seconds,
    framesPerSecond: framesInWindow / seconds,
    epochsPerFrame: framesInWindow ? epochs / framesInWindow : NaN,
    p95IntervalMs: quantile(frames, 0.95),
    medianIntervalMs: median(frames),
    medianWorkMs: median(perf.work),
    parts: perf.parts,
    playground: PLAYGROUND[net.id],
  };
}

/** Warm navigation to ready: reloads of the page after a first load (median and all). */
async function warmNavigation(page, origin, reloads = 7) {
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60000 });
  const ms = [];
  for (let i = 0; i < reloads; i++) {
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60000 });
    ms.push(await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const ready = performance.getEntriesByName('bpx-ready')[0];
      return ready ? ready.startTime - (nav?.startTime ?? 0) : NaN;
    }));
  }
  return { medianMs: median(ms), ms };
}

async function main() {
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('dist/ is not built: npm run build');
  const server = await startServer(dist);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const out = { date: new Date().toISOString().slice(0, 10), cores: (await import('node:os')).cpus().length, sizes: bundleParts(), runs: [] };
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // performance.mark('bpx-ready') when body[data-ready] turns true: the probe of bench/page.mjs.
    await context.addInitScript(() => {
      new MutationObserver(() => {
        if (document.body?.dataset.ready === 'true' && !performance.getEntriesByName('bpx-ready').length) performance.mark('bpx-ready');
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    for (const net of NETWORKS) out.runs.push(await playFor(page, server.origin, net));
    out.navigation = await warmNavigation(page, server.origin);
    out.errors = errors;
  } finally {
    await browser.close();
    await server.stop();
  }
  print(out);
  const json = arg('--json', null);
  if (json) writeFileSync(json, JSON.stringify(out, null, 2));
}

function print(out) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
  const L = [];
  L.push(`Training view in headless Chromium (${out.cores} cores, ${out.date}; ${SECONDS} s of Play after ${WARM_UP_MS} ms):`);
  L.push('');
  L.push('| network | epochs/s | epochs per frame | frames/s | p95 frame interval | median frame work | frame parts, mean ms | TensorFlow Playground |');
  L.push('|---|---|---|---|---|---|---|---|');
  for (const r of out.runs) {
    const parts = Object.entries(r.parts).map(([k, v]) => `${k} ${f(v, 2)}`).join(', ');
    L.push(`| ${r.what} | ${f(r.epochsPerSecond)} | ${f(r.epochsPerFrame, 2)} | ${f(r.framesPerSecond)} | ${f(r.p95IntervalMs)} ms | ${f(r.medianWorkMs, 2)} ms | ${parts} | ${r.playground} |`);
  }
  L.push('');
  const s = out.sizes;
  L.push(`One-tag script dist/backprop-explorer.js, gzip -9: ${kb(s.total)} (${s.total} bytes): engine ${kb(s.engine)}, fonts ${kb(s.fonts)}, code, styles and glue ${kb(s.codeAndStyles)}.`);
  const chunks = Object.entries(s.chunks).map(([n, c]) => `${n} ${kb(c.total)}${c.fonts > 20 ? ` (fonts ${kb(c.fonts)})` : ''}`);
  L.push(`Its sibling chunks, loaded when first needed, gzip -9: ${chunks.join(', ')}.`);
  L.push(`Warm navigation to ready (reloads of dist/index.html): median ${f(out.navigation.medianMs)} ms (${out.navigation.ms.map((x) => f(x, 0)).join(', ')}).`);
  if (out.errors.length) L.push(`Page errors: ${out.errors.join('; ')}`);
  console.log(L.join('\n'));
}

await main();
