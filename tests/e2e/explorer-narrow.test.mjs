// Phones, tablets and narrow columns in Chromium: no horizontal scrolling of the page from
// 320 px up (both views), the diagram's text at least 11 px on screen (the diagram pans inside
// its box instead), zoom by buttons and by a two-finger pinch, controls that keep their labels
// and wrap, an Example picker wide enough for whole names, and edge labels that a tap shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { distDir, openBrowser, serve } from './embed-support.mjs';
import { openLoadedApp, openTouchApp } from './reader-support.mjs';

let app;
let page;
let ui;
before(async () => ({ app, page, ui } = await openLoadedApp({ viewport: { width: 1440, height: 900 } })));
after(() => app?.close());

/** Smallest on-screen font size (CSS px) of the diagram's text. */
const smallestDiagramText = () => {
  const svg = document.querySelector('[data-testid="diagram"]');
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  let min = Infinity;
  for (const t of svg.querySelectorAll('text')) if (t.textContent) min = Math.min(min, Number(t.getAttribute('font-size')) * scale);
  return min;
};

const pageWidth = () => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth });

test('no sideways scrolling from 320 px up; diagram text at least 11 px; labelled controls', async () => {
  const presets = await page.getByTestId('preset-select').locator('option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v !== 'custom'));
  for (const width of [320, 390, 768, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    for (const id of presets) {
      await ui.load(id);
      await page.getByRole('combobox', { name: 'Animation speed' }).selectOption('0');
      for (const phase of ['start', 'update']) {
        if (phase !== 'start') await page.locator('#view-step').getByRole('button', { name: 'Step', exact: true }).click();
        await ui.phase(phase);
        const w = await page.evaluate(pageWidth);
        assert.ok(w.scroll <= w.inner, `${id} ${phase} at ${width} px: the page is ${w.scroll} px wide`);
        const min = await page.evaluate(smallestDiagramText);
        assert.ok(min >= 11 - 1e-6, `${id} ${phase} at ${width} px: diagram text of ${min.toFixed(2)} px`);
      }
    }
    // Every step control shows its label, inside the window.
    const controls = await page.locator('.control-row > button').evaluateAll((bs) => bs.map((b) => {
      const label = b.querySelector('.label').getBoundingClientRect();
      return { name: b.getAttribute('aria-label'), labelWidth: label.width, right: b.getBoundingClientRect().right };
    }));
    for (const c of controls) {
      assert.ok(c.labelWidth > 10, `${c.name} keeps its label at ${width} px`);
      assert.ok(c.right <= width, `${c.name} inside the window at ${width} px`);
    }
    // The Example picker is wide enough for the longest name.
    const picker = await page.getByTestId('preset-select').evaluate((s) => {
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = getComputedStyle(s).font;
      const longest = Math.max(...[...s.options].map((o) => ctx.measureText(o.text).width));
      return { longest, inner: s.clientWidth - parseFloat(getComputedStyle(s).paddingLeft) - parseFloat(getComputedStyle(s).paddingRight) };
    });
    assert.ok(picker.inner >= picker.longest + 16, `Example picker at ${width} px: ${picker.inner.toFixed(0)} px for names of ${picker.longest.toFixed(0)} px`);
    // The training view does not scroll sideways either.
    await page.getByRole('tab', { name: 'Train' }).click();
    await page.waitForSelector('#view-train:not([hidden]) .bpx-train');
    const t = await page.evaluate(pageWidth);
    assert.ok(t.scroll <= t.inner, `Train at ${width} px: the page is ${t.scroll} px wide`);
    await page.getByRole('tab', { name: 'Step through' }).click();
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('combobox', { name: 'Animation speed' }).selectOption('1');
  app.assertClean();
});

test('zoom buttons and Fit change the diagram scale; the box pans, not the page', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await ui.load('seed002');
  const svgWidth = () => page.getByTestId('diagram').evaluate((s) => s.getBoundingClientRect().width);
  const w0 = await svgWidth();
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  const w1 = await svgWidth();
  assert.ok(Math.abs(w1 / w0 - 1.25) < 0.01, `zoom in: ${w0} → ${w1}`);
  await page.getByRole('button', { name: 'Fit to width', exact: true }).click();
  const box = await page.getByTestId('diagram-viewport').evaluate((v) => v.clientWidth);
  assert.ok(Math.abs((await svgWidth()) - box) <= 1, 'Fit: the diagram as wide as its box');
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  const viewport = page.getByTestId('diagram-viewport');
  await viewport.evaluate((v) => v.scrollBy(100, 0));
  assert.ok((await viewport.evaluate((v) => v.scrollLeft)) > 0, 'the diagram box pans');
  assert.equal(await page.evaluate(() => scrollX), 0, 'the page does not');
  // The inspector's operation graph is as readable.
  await page.getByRole('button', { name: 'Inspect neuron unit 1 of layer 1' }).click();
  await page.locator('dialog.inspector').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="opgraph"]').style.width !== '');
  const min = await page.evaluate(() => {
    const svg = document.querySelector('[data-testid="opgraph"]');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Math.min(...[...svg.querySelectorAll('text')].filter((t) => t.textContent).map((t) => Number(t.getAttribute('font-size')) * scale));
  });
  assert.ok(min >= 11 - 1e-6, `operation graph text of ${min.toFixed(2)} px at 390 px`);
  const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
  assert.ok(w.scroll <= w.inner, `with the inspector open the page is ${w.scroll} px wide`);
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1440, height: 900 });
  app.assertClean();
});

test('a two-finger pinch zooms the diagram; a tap shows an edge label that a mouse hovers', async () => {
  const phone = await openTouchApp();
  try {
    await phone.load('?preset=softmax3');
    const p = phone.page;
    const svg = p.getByTestId('diagram');
    const width = () => svg.evaluate((s) => s.getBoundingClientRect().width);
    const before = await width();
    await p.getByTestId('diagram-viewport').scrollIntoViewIfNeeded();
    const box = await p.getByTestId('diagram-viewport').boundingBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + Math.min(box.height, 300) / 2;
    const cdp = await phone.context.newCDPSession(p);
    const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: type === 'touchEnd' ? [] : [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }],
    });
    await touch('touchStart', 40);
    for (const d of [50, 60, 70, 80]) await touch('touchMove', d);
    await touch('touchEnd', 80);
    const after = await width();
    assert.ok(after > before * 1.5, `pinch out: ${before.toFixed(0)} → ${after.toFixed(0)} px`);
    // softmax3's layers have too many edges for tags: a tap on an edge shows its label.
    await p.getByRole('button', { name: 'Fit to width', exact: true }).tap();
    const point = await p.locator('[data-hit="2:0:0"]').evaluate((line) => {
      const m = line.getScreenCTM();
      const pt = new DOMPoint((line.x1.baseVal.value + line.x2.baseVal.value) / 2, (line.y1.baseVal.value + line.y2.baseVal.value) / 2).matrixTransform(m);
      return { x: pt.x, y: pt.y };
    });
    await p.touchscreen.tap(point.x, point.y);
    await p.waitForFunction(() => document.querySelector('[data-layer="hover"]')?.textContent.includes('W[2] 1,1'));
    phone.assertClean();
  } finally {
    await phone.close();
  }
});

test('an element in a narrow column does not widen its host page', async () => {
  const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title>
    <meta name="viewport" content="width=device-width, initial-scale=1"></head>
    <body style="margin:8px"><backprop-explorer preset="xor" controls="all"></backprop-explorer>
    <script src="backprop-explorer.js"></script></body></html>`;
  const server = await serve(distDir, { pages: { '/host.html': host } });
  const b = await openBrowser({ viewport: { width: 320, height: 800 } });
  try {
    await b.page.goto(server.url('host.html'));
    await b.page.waitForFunction(() => document.querySelector('backprop-explorer')?.readyState === 'ready', null, { timeout: 20000 });
    for (let k = 0; k < 6; k++) {
      await b.page.locator('backprop-explorer').getByRole('button', { name: 'Next phase', exact: true }).click();
      await b.page.waitForFunction(() => !document.querySelector('backprop-explorer').shadowRoot.querySelector('[data-animating]'));
      const w = await b.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
      assert.ok(w.scroll <= w.inner, `host page ${w.scroll} px wide at 320 px after ${k + 1} phases`);
    }
    await b.assertClean();
  } finally {
    await b.close();
    await server.close();
  }
});
