// The step-through view of the largest network the catalogue allows (layers, units and points
// from engine.catalog().limits), in headless Chromium: ms to load the element, per view phase
// (el.nextPhase()) and per el.step(), against the engine's own session.nextPhase() in the same
// page. Needs `npm run build`. Run: node bench/step-view-large.mjs [--profile]
import { distDir, openBrowser, serve } from '../tests/e2e/embed-support.mjs';
import { largestSpec } from '../tests/e2e/largest-network.mjs';

const PROFILE = process.argv.includes('--profile');
const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Large</title><link rel="icon" href="data:,"></head>
<body><backprop-explorer id="a" preset="seed002"></backprop-explorer><script src="backprop-explorer.js"></script></body></html>`;

const server = await serve(distDir, { pages: { '/large.html': HOST } });
const b = await openBrowser({ viewport: { width: 1280, height: 900 } });
try {
  await b.page.goto(server.url('large.html'));
  await b.page.waitForFunction(() => customElements.get('backprop-explorer') !== undefined);
  let cdp;
  if (PROFILE) {
    cdp = await b.page.context().newCDPSession(b.page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const r = await b.page.evaluate(async (spec) => {
    const el = document.getElementById('a');
    await el.ready;
    let t0 = performance.now();
    el.setAttribute('spec', JSON.stringify(spec));
    await new Promise((r) => setTimeout(r, 0));
    await el.ready;
    const load = performance.now() - t0;
    const phases = [];
    for (let k = 0; k < 6; k++) {
      t0 = performance.now();
      el.nextPhase();
      phases.push(performance.now() - t0);
    }
    t0 = performance.now();
    el.step();
    const step = performance.now() - t0;
    const session = el.engine.session(spec);
    const engine = [];
    for (let k = 0; k < 6; k++) {
      t0 = performance.now();
      session.nextPhase();
      engine.push(performance.now() - t0);
    }
    session.delete();
    return { layers: spec.layers.join('-'), points: spec.data.points, load, phases, step, engine,
      texts: el.shadowRoot ? el.shadowRoot.querySelectorAll('svg text').length : document.querySelectorAll('svg text').length };
  }, largestSpec());
  const f = (xs) => xs.map((x) => x.toFixed(1)).join(' ');
  console.log(`network ${r.layers}, ${r.points} points`);
  console.log(`load ${r.load.toFixed(0)} ms; el.step() ${r.step.toFixed(0)} ms; svg text elements ${r.texts}`);
  console.log(`view el.nextPhase() ms: ${f(r.phases)}`);
  console.log(`engine session.nextPhase() ms: ${f(r.engine)}`);
  if (PROFILE) {
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = profile.timeDeltas;
    profile.samples.forEach((id, i) => {
      const n = byId.get(id);
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
    });
    console.log('self time, top 25 (ms):');
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${v.toFixed(0).padStart(6)}  ${k}`);
  }
} finally {
  await b.close();
  await server.close();
}
