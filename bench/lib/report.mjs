// The report: the table, the targets, where a frame goes, sizes and load times, checks.
import os from 'node:os';
import path from 'node:path';
import { networkAttempts } from './no_network.mjs';
import { fmtBytes, fmtMs, fmtRatio, mdTable, median, quantile } from './stats.mjs';
import { ALL, LABEL } from './workloads.mjs';
import { repoRoot } from './contenders.mjs';

export function render({ plan, agreement, tfInfo, sizes, ready, started, load0, load1, bin, rounds }) {
  const cpu = os.cpus();
  const machine = {
    cpu: `${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    load: `${load0.map((x) => x.toFixed(1)).join(' ')} → ${load1.map((x) => x.toFixed(1)).join(' ')}`,
  };
  const L = [];
  L.push('# Backprop Explorer benchmarks');
  L.push('');
  L.push(`${started.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${machine.cpu} · ${machine.os} · Node ${machine.node} · ` +
    `TF.js ${tfInfo.version} (wasm backend: SIMD ${tfInfo.wasmSimd ? 'on' : 'off'}, ${tfInfo.wasmThreads ?? '?'} thread) · ` +
    `load average ${machine.load} · ${rounds} rounds, contenders alternating, medians of all repetitions.`);
  L.push('');
  const med = (p, name) => median(p.samples[name] ?? []);
  const header = ['workload', ...ALL.map((c) => LABEL[c]), 'wasm ÷ native', 'TF.js cpu ÷ wasm', 'TF.js wasm ÷ wasm', 'Playground-style ÷ wasm'];
  const rows = plan.map((p) => {
    const m = Object.fromEntries(ALL.map((c) => [c, med(p, c)]));
    return [
      `${p.w.id}. ${p.w.title}`,
      ...ALL.map((c) => (p.w.contenders.includes(c) ? fmtMs(m[c]) : 'n/a')),
      fmtRatio(m.wasm / m.native),
      fmtRatio(m['tfjs-cpu'] / m.wasm),
      fmtRatio(m['tfjs-wasm'] / m.wasm),
      fmtRatio(m.playground / m.wasm),
    ];
  });
  L.push('Median time per repetition in ms (lower is better); ratios above 1× mean ours is faster.');
  L.push('');
  L.push(mdTable(header, rows));
  L.push('');

  // Targets.
  const t = [];
  const verdict = (ok) => (ok ? 'met' : '**not met**');
  for (const p of plan) {
    const m = Object.fromEntries(ALL.map((c) => [c, med(p, c)]));
    if (p.w.budgetMs) {
      t.push([`${p.w.id}: frame under ${p.w.budgetMs} ms (10× TF Playground's ${p.w.playgroundMs.join('–')} ms)`,
        `wasm ${fmtMs(m.wasm)} ms (native ${fmtMs(m.native)} ms)`, verdict(m.wasm < p.w.budgetMs)]);
      t.push([`${p.w.id}: (stricter, info) ≥ 10× our leaner Playground-style JS engine in this run`, `${fmtRatio(m.playground / m.wasm)} (it took ${fmtMs(m.playground)} ms)`,
        verdict(m.playground / m.wasm >= 10)]);
    }
    if (p.w.info) continue;
    for (const b of ['tfjs-cpu', 'tfjs-wasm']) {
      if (!p.w.contenders.includes(b)) continue;
      t.push([`${p.w.id}: ≥ 5× ${LABEL[b]}`, fmtRatio(m[b] / m.wasm), verdict(m[b] / m.wasm >= 5)]);
    }
    if (Number.isFinite(m.native)) {
      t.push([`${p.w.id}: wasm ≤ 1.5× native`, fmtRatio(m.wasm / m.native), verdict(m.wasm / m.native <= 1.5)]);
    }
  }
  if (sizes.bundle) {
    t.push(['one-tag script dist/backprop-explorer.js ≤ 300 KiB gzipped (issue 16)', fmtBytes(sizes.bundle.gzip), verdict(sizes.bundle.gzip <= 300 * 1024)]);
  }
  L.push('## Targets (issues 7 and 16)');
  L.push('');
  L.push(mdTable(['target', 'measured', 'verdict'], t));
  L.push('');
  const peer = plan.filter((p) => p.w.budgetMs).map((p) => `${fmtMs(med(p, 'playground'))} ms (frame ${p.w.id})`);
  if (peer.length) L.push('TF Playground\'s own engine is not run here: the issue measured it at 9–15 ms (frame 1) and 65–110 ms (frame 2) ' +
    'on this machine kind in Node 20, hence the 1 ms and 7 ms budgets. The Playground-style JS engine, our re-implementation ' +
    'of its documented algorithm (per-node objects and links, per-example forward and backprop, update every batch), ' +
    `took ${peer.join(' and ')} in this run.`, '');

  // Frame parts.
  const framePlans = plan.filter((p) => p.w.kind === 'frame');
  if (framePlans.length) {
    L.push('## Where a frame goes (median ms per part)');
    L.push('');
    const prow = [];
    for (const p of framePlans) {
      for (const c of ALL) {
        const parts = p.parts[c];
        if (!parts) continue;
        const f = (k) => fmtMs(median(parts[k] ?? []));
        const faults = p.faults[c]?.length ? String(Math.round(median(p.faults[c]))) : '—';
        prow.push([`${p.w.id}`, LABEL[c], f('train'), f('loss'), f('grid'), fmtMs(med(p, c)), faults]);
      }
    }
    L.push(mdTable(['frame', 'contender', 'train (one epoch)', 'train + test loss', 'unit maps 100×100', 'whole frame',
      'minor page faults per frame (median)'], prow));
    L.push('');
  }

  // Spread.
  L.push('<details><summary>Spread (25th–75th percentile, ms), repetitions per round, median minor page faults per repetition</summary>');
  L.push('');
  const srow = plan.map((p) => [p.w.id, ...ALL.map((c) => {
    const s = p.samples[c];
    const f = p.faults[c]?.length ? `, ${Math.round(median(p.faults[c]))} page faults` : '';
    return s ? `${fmtMs(quantile(s, 0.25))}–${fmtMs(quantile(s, 0.75))} (${p.reps[c]}/round${f})` : 'n/a';
  })]);
  L.push(mdTable(['workload', ...ALL.map((c) => LABEL[c])], srow));
  L.push('');
  L.push('</details>');
  L.push('');

  // Page.
  L.push('## Size and load');
  L.push('');
  const srows = [];
  if (sizes.bundle) srows.push(['one-tag script dist/backprop-explorer.js (engine, code, styles, fonts)', fmtBytes(sizes.bundle.gzip), fmtBytes(sizes.bundle.raw)]);
  if (sizes.standalone) srows.push(['standalone file dist/backprop-explorer-standalone.html (page + script inline, for offline use)', fmtBytes(sizes.standalone.gzip), fmtBytes(sizes.standalone.raw)]);
  if (sizes.wasm) srows.push(['engine alone: bindings/wasm/dist/bpx_wasm.wasm', fmtBytes(sizes.wasm.gzip), fmtBytes(sizes.wasm.raw)]);
  if (sizes.single) srows.push(['engine alone, single file: bindings/wasm/dist/bpx_wasm_single.js', fmtBytes(sizes.single.gzip), fmtBytes(sizes.single.raw)]);
  if (sizes.page) {
    const g = sizes.page.gzip;
    const r = sizes.page.raw;
    srows.push([`page dist/, total (JS ${fmtBytes(g.js)}, wasm ${fmtBytes(g.wasm)}, CSS ${fmtBytes(g.css)}, HTML ${fmtBytes(g.html)}, ` +
      `${sizes.page.fontCount} KaTeX woff2 ${fmtBytes(g.fonts)})`, fmtBytes(sizes.page.total), fmtBytes(sizes.page.totalRaw)]);
    void r;
  } else {
    srows.push(['page dist/', 'not built', '']);
  }
  if (ready.page?.bytes) {
    srows.push([`page: what a first load fetches until ready (${ready.page.bytes.files} files, fonts as woff2)`, fmtBytes(ready.page.bytes.total), '']);
  }
  L.push(mdTable(['what', 'gzip -9', 'raw'], srows));
  L.push('');
  const rrows = [];
  for (const [key, what] of [['page', 'page dist/ (body[data-ready])'], ['minimal', 'minimal page: one-tag script + a session (bench/page/minimal.html)']]) {
    const x = ready[key];
    if (!x) continue;
    if (x.skipped) rrows.push([what, x.skipped, '']);
    else rrows.push([what, `${fmtMs(x.cold)} (${x.coldMs.map(fmtMs).join(', ')})`, `${fmtMs(x.warm)}`]);
  }
  if (ready.skipped) rrows.push(['headless Chromium', ready.skipped, '']);
  L.push('Navigation to ready in headless Chromium (/usr/bin/chromium), static server on loopback, no throttling:');
  L.push('');
  L.push(mdTable(['page', 'first load in a fresh browser, median ms (runs)', 'reload, median ms'], rrows));
  L.push('');

  // Checks.
  L.push('## Checks');
  L.push('');
  L.push('- Equal work: from the same weights, the largest difference against the engine of W after one update on the same ' +
    '10 points (engine: exact double) and of every unit map over the grid (engine: its float kernel); TF.js computes in float32: ' +
    Object.entries(agreement).map(([k, v]) => `${k} ${v.toExponential(1)}`).join('; ') + '.');
  const foreign = [...(ready.page?.foreign ?? []), ...(ready.minimal?.foreign ?? [])];
  const attempts = networkAttempts();
  L.push(`- Network: ${attempts.length} attempt(s) from Node to reach the network (fetch and http(s) are refused while the benchmark runs)` +
    `${attempts.length ? `: ${attempts.join(', ')}` : ''}; ${foreign.length} page request(s) to other origins.`);
  const pageErrors = [...(ready.page?.errors ?? []), ...(ready.minimal?.errors ?? [])];
  if (pageErrors.length) L.push(`- Page errors: ${pageErrors.join('; ')}`);
  L.push(`- Native contender: ${bin ? path.relative(repoRoot, bin) : 'not built'}; rerun with \`bash scripts/bench.sh\`.`);
  return { text: L.join('\n'), machine };
}

