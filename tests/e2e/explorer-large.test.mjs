// The largest network the catalogue allows (engine.catalog().limits: layers, units, points) in
// the step-through view of a <backprop-explorer>: a full pass through the Next phase button, and
// at every phase what a reader sees stays right and bounded. The equations show matrices in
// their elided form (at most 6 rows and columns, \vdots and \cdots) under the engine's shapes;
// the diagram draws every edge (counted in its paths) with a bounded number of elements and
// texts, and no two label boxes overlap; the closed "All numbers" panel, once opened, shows the
// engine's numbers and "… n more rows" for the rows it leaves out. No timings: see
// bench/step-view-large.mjs for those.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { distDir, openBrowser, outside, serve } from './embed-support.mjs';
import { LIMITS, largestSpec } from './largest-network.mjs';

const HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Largest network</title><link rel="icon" href="data:,"></head>
<body><backprop-explorer id="big" preset="seed002" controls="default numbers"></backprop-explorer>
<script src="backprop-explorer.js"></script></body></html>`;

let server;
let b;
before(async () => {
  server = await serve(distDir, { pages: { '/large.html': HOST } });
  b = await openBrowser({ isForeign: outside(server.origin), viewport: { width: 1280, height: 900 } });
  await b.page.goto(server.url('large.html'));
  await b.page.waitForFunction(() => customElements.get('backprop-explorer') !== undefined);
});
after(async () => {
  await b?.close();
  await server?.close();
});

/** What the reader sees inside the element, read in the page. */
function seen() {
  const root = document.getElementById('big').shadowRoot;
  const svg = root.querySelector('[data-testid="diagram"]');
  const boxes = [...svg.querySelectorAll('[data-label-box]')].map((el) => {
    const r = el.getBBox();
    return { name: `${el.dataset.labelBox}:${el.closest('[data-node]')?.dataset.node ?? el.textContent}`, x: r.x, y: r.y, w: r.width, h: r.height };
  });
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const p = boxes[i];
      const q = boxes[j];
      if (p.x + 0.5 < q.x + q.w && q.x + 0.5 < p.x + p.w && p.y + 0.5 < q.y + q.h && q.y + 0.5 < p.y + p.h) overlaps.push(`${p.name} × ${q.name}`);
    }
  }
  const edges = {};
  for (const g of svg.querySelectorAll('[data-edges]')) {
    const lines = g.querySelectorAll('line[data-edge]').length;
    const paths = [...g.querySelectorAll('path[data-edge-bundle]')];
    edges[g.dataset.edges] = { drawn: lines + paths.reduce((n, p) => n + Number(p.dataset.count), 0), elements: lines + paths.length };
  }
  const tex = [...root.querySelectorAll('[data-testid="math"] annotation[encoding="application/x-tex"]')].map((a) => a.textContent);
  return {
    phase: root.querySelector('[data-phase]')?.dataset.phase,
    texts: svg.querySelectorAll('text').length,
    svgElements: svg.querySelectorAll('*').length,
    overlaps,
    edges,
    tex,
  };
}

/** Every bmatrix of a TeX string as rows × columns of shown entries. */
function bmatrices(tex) {
  return [...tex.matchAll(/\\begin\{bmatrix\}(.*?)\\end\{bmatrix\}/g)].map((m) => {
    const rows = m[1].split('\\\\');
    return { rows: rows.length, cols: Math.max(...rows.map((r) => r.split('&').length)), body: m[1] };
  });
}

test('the largest network: a full pass through the buttons shows bounded, right equations, diagram and numbers', async () => {
  const page = b.page;
  const spec = largestSpec();
  await page.evaluate(async (s) => {
    const el = document.getElementById('big');
    await el.ready;
    el.setAttribute('spec', JSON.stringify(s));
    await new Promise((r) => setTimeout(r, 0));
    await el.ready;
  }, spec);
  const { maxUnits, maxPoints } = LIMITS;
  const { layers } = spec;
  const L = layers.length - 1;
  assert.equal(L, LIMITS.maxLayers, 'as many weight layers as the catalogue allows');
  const units = layers.reduce((n, k) => n + k, 0);
  const explorer = page.locator('#big');
  const next = explorer.getByRole('button', { name: 'Next phase', exact: true });
  const phases = [
    ...Array.from({ length: L }, (_, k) => `forward ${k + 1}`),
    'loss',
    ...Array.from({ length: L }, (_, k) => `backward ${L - k}`),
    'update',
  ];
  for (const phase of phases) {
    await next.click();
    await page.waitForFunction((p) => document.getElementById('big').shadowRoot.querySelector('[data-phase]')?.dataset.phase === p, phase);
    const s = await page.evaluate(seen);
    assert.equal(s.phase, phase);
    assert.deepEqual(s.overlaps, [], `${phase}: no two label boxes overlap`);
    // One text per unit (its value) and per heading, input and target: not one per edge.
    assert.ok(s.texts <= 2 * units, `${phase}: ${s.texts} texts in the diagram for ${units} units`);
    let drawn = 0;
    let elements = 0;
    for (let l = 1; l <= L; l++) {
      const e = s.edges[l];
      assert.equal(e.drawn, layers[l] * layers[l - 1], `${phase}: every edge of layer ${l} drawn`);
      drawn += e.drawn;
      elements += e.elements;
    }
    assert.ok(elements * 10 <= drawn, `${phase}: ${drawn} edges in ${elements} elements`);
    assert.ok(s.svgElements < 20 * units, `${phase}: ${s.svgElements} elements in the diagram`);
    // The equations: every matrix elided to at most 6 × 6 shown entries, with the dots where it
    // leaves some out, under the engine's shapes.
    const tex = s.tex.join('\n');
    const ms = bmatrices(tex);
    assert.ok(ms.length > 0, `${phase}: matrices in the equations`);
    for (const m of ms) assert.ok(m.rows <= 6 && m.cols <= 6, `${phase}: a matrix shows ${m.rows} × ${m.cols} entries`);
    if (phase.startsWith('forward') || phase.startsWith('backward')) {
      const l = Number(phase.split(' ')[1]);
      const wide = layers[l] > 6 ? `${layers[l]}\\times ${maxPoints}` : null;
      if (wide) {
        assert.ok(tex.includes(`_{${wide}}`), `${phase}: the shape ${wide} under a batch matrix`);
        assert.ok(ms.some((m) => m.body.includes('\\vdots') && m.body.includes('\\cdots') && m.body.includes('\\ddots')), `${phase}: a matrix elided both ways`);
      }
    }
  }
  const state = await page.evaluate(() => document.getElementById('big').shadowRoot.querySelector('[data-testid="step-count"]')?.textContent.trim());
  assert.equal(state, '1', 'one full step after the update');
  // The "All numbers" panel: closed for a network this size, filled when opened.
  const panel = explorer.locator('details.numbers-panel');
  assert.equal(await panel.evaluate((d) => d.open), false, 'closed for the largest network');
  await panel.locator('summary').click();
  const W2 = explorer.getByTestId('matrix-W-2');
  await W2.waitFor();
  const shownRows = await W2.locator('tr:has(td[data-value])').count();
  assert.ok(shownRows < maxUnits, 'not every row of W[2]');
  assert.match(await W2.textContent(), new RegExp(`… ${maxUnits - shownRows} more rows`), 'the rows left out, counted');
  // The numbers are the engine's: a session of the same spec after one step.
  const expected = await page.evaluate((spec) => {
    const session = document.getElementById('big').engine.session(spec);
    try {
      session.step();
      const W = session.W(2);
      return { w: W.data[0], w01: W.data[1] };
    } finally {
      session.delete();
    }
  }, spec);
  assert.equal(Number(await explorer.getByTestId('m-W-2-0-0').getAttribute('data-value')), expected.w, 'W[2]₁₁ after the step');
  assert.equal(Number(await explorer.getByTestId('m-W-2-0-1').getAttribute('data-value')), expected.w01, 'W[2]₁₂ after the step');
  await b.assertClean();
});
