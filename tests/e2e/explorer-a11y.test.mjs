// Colour, contrast and themes in Chromium: an axe-core audit (from npm, injected into the page,
// nothing fetched) of the step-through view at several phases, the inspector, the training view
// and the <backprop-explorer> element, light and dark: no serious or critical violation; every
// text of the SVG diagrams at least 4.5:1 on what is drawn under it, light and dark (through the
// same CSS filter the page uses); one colour language (gradients purple, values not, sign not by
// colour); the page follows prefers-color-scheme, ?theme= and its switch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './browser.mjs';
import { distDir, openBrowser, serve } from './embed-support.mjs';
import { openLoadedApp } from './reader-support.mjs';

const AXE = readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

let app;
let page;
let ui;
before(async () => ({ app, page, ui } = await openLoadedApp({ viewport: { width: 1440, height: 1000 } })));
after(() => app?.close());

/** Serious and critical axe violations of the page (or of `context`, a selector). */
async function audit(p, context = 'html') {
  if (!(await p.evaluate(() => !!window.axe))) await p.evaluate(AXE);
  const result = await p.evaluate((ctx) => window.axe.run(ctx, { resultTypes: ['violations'] }), context);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`).join(' | ')}`);
}

/**
 * Every visible text of the SVGs under `selector` whose contrast with the shape drawn under it
 * (or the paper) is below 4.5:1. With `filtered`, colours first go through the SVG's CSS filter,
 * applied by a canvas with the same filter string (as the screen shows them).
 */
function svgContrast({ selector, filtered }) {
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  const rgb = (colour, filter) => {
    ctx.filter = filter || 'none';
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000';
    ctx.fillStyle = colour;
    ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  };
  const lum = (c) => {
    const [r, g, b] = c.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const bad = [];
  let checked = 0;
  for (const svg of document.querySelectorAll(selector)) {
    const filter = filtered ? getComputedStyle(svg).filter : 'none';
    const paper = svg.querySelector(':scope > rect')?.getAttribute('fill') ?? '#fff';
    for (const t of svg.querySelectorAll('text')) {
      if (!t.textContent.trim() || Number(getComputedStyle(t).opacity) === 0) continue;
      const b = t.getBBox();
      const cx = b.x + b.width / 2;
      const cy = b.y + b.height / 2;
      // The shape under the text: its group's rect or circle when the text's centre is inside it.
      let under = paper;
      for (let g = t.parentElement; g && g !== svg && !t.hasAttribute('paint-order'); g = g.parentElement) {
        const shape = g.querySelector(':scope > rect, :scope > circle');
        if (!shape) continue;
        const s = shape.getBBox();
        if (cx >= s.x && cx <= s.x + s.width && cy >= s.y && cy <= s.y + s.height) under = getComputedStyle(shape).fill;
        break;
      }
      const r = ratio(rgb(getComputedStyle(t).fill, filter), rgb(under, filter));
      checked++;
      if (r < 4.5) bad.push(`"${t.textContent}" ${r.toFixed(2)}:1`);
    }
  }
  return { bad, checked };
}

async function setTheme(p, theme) {
  await p.getByRole('combobox', { name: 'Colour theme' }).selectOption(theme);
  await p.waitForFunction((t) => document.documentElement.dataset.themeChoice === t && (t === 'auto' || document.documentElement.dataset.theme === t), theme);
}

test('axe finds no serious or critical problem in the step-through view and the inspector, light and dark', async () => {
  await page.getByRole('combobox', { name: 'Animation speed' }).selectOption('0');
  for (const theme of ['light', 'dark']) {
    await setTheme(page, theme);
    for (const id of ['seed002', 'xor', 'softmax3']) {
      await ui.load(id);
      for (const phase of ['start', 'loss', 'backward 1', 'update']) {
        await ui.runTo(phase);
        assert.deepEqual(await audit(page), [], `${id} at ${phase}, ${theme}`);
        const svg = await page.evaluate(svgContrast, { selector: '[data-testid="diagram"]', filtered: theme === 'dark' });
        assert.ok(svg.checked > 10, 'diagram texts checked');
        assert.deepEqual(svg.bad, [], `diagram text contrast, ${id} at ${phase}, ${theme}`);
      }
    }
    await ui.load('seed002');
    await ui.runTo('backward 1');
    await page.getByRole('button', { name: 'Inspect neuron unit 1 of layer 1' }).click();
    await page.locator('dialog.inspector').waitFor();
    assert.deepEqual(await audit(page, 'dialog.inspector'), [], `inspector, ${theme}`);
    const og = await page.evaluate(svgContrast, { selector: 'dialog.inspector [data-testid="opgraph"]', filtered: theme === 'dark' });
    assert.ok(og.checked > 10, 'operation graph texts checked');
    assert.deepEqual(og.bad, [], `operation graph text contrast, ${theme}`);
    await page.keyboard.press('Escape');
  }
  await setTheme(page, 'light');
  await page.getByRole('combobox', { name: 'Animation speed' }).selectOption('1');
  app.assertClean();
});

test('axe finds no serious or critical problem in the training view, light and dark', async () => {
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.waitForSelector('#view-train:not([hidden]) .bpx-train');
  for (const theme of ['light', 'dark']) {
    await setTheme(page, theme);
    assert.deepEqual(await audit(page), [], `training view, ${theme}`);
  }
  await setTheme(page, 'light');
  await page.getByRole('tab', { name: 'Step through' }).click();
  app.assertClean();
});

test('axe finds no serious or critical problem in the <backprop-explorer> element, light and dark', async () => {
  const host = (theme) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title></head>
    <body><main><h1>Backpropagation</h1><backprop-explorer preset="seed002" controls="all" theme="${theme}"></backprop-explorer></main>
    <script src="backprop-explorer.js"></script></body></html>`;
  const server = await serve(distDir, { pages: { '/light.html': host('light'), '/dark.html': host('dark') } });
  const b = await openBrowser({ viewport: { width: 1280, height: 1000 } });
  try {
    for (const theme of ['light', 'dark']) {
      await b.page.goto(server.url(`${theme}.html`));
      await b.page.waitForFunction(() => document.querySelector('backprop-explorer')?.readyState === 'ready', null, { timeout: 20000 });
      assert.deepEqual(await audit(b.page), [], `element, ${theme}`);
    }
  } finally {
    await b.close();
    await server.close();
  }
});

test('one colour language: gradients purple, values and parameters not, sign by "−" and dashes', async () => {
  await ui.load('xor');
  await page.getByRole('combobox', { name: 'Animation speed' }).selectOption('0');
  await ui.runTo('update');
  const colours = await page.evaluate(() => {
    const of = (sel) => [...new Set([...document.querySelectorAll(sel)].map((e) => getComputedStyle(e).color))];
    return { grad: of('.matrix.grad td'), value: of('.matrix.value td'), param: of('.matrix.param:not(.old) td') };
  });
  assert.equal(colours.grad.length, 1, `every gradient number one colour, whatever its sign: ${colours.grad}`);
  assert.equal(colours.value.length, 1, `every value one colour: ${colours.value}`);
  assert.ok(!colours.value.includes(colours.grad[0]) && !colours.param.includes(colours.grad[0]), 'values and parameters are not gradient-coloured');
  // Diagram: gradient lines (dW, db, dA, dZ) share one colour; negative weights are dashed.
  const diagram = await page.evaluate(() => {
    const texts = [...document.querySelectorAll('[data-testid="diagram"] text')];
    const gradFills = new Set(texts.filter((t) => /^d[WbAZ] /.test(t.textContent)).map((t) => t.getAttribute('fill')));
    const valueFills = new Set(texts.filter((t) => /^(w|b|z) /.test(t.textContent)).map((t) => t.getAttribute('fill')));
    const edges = [...document.querySelectorAll('[data-testid="diagram"] line[data-edge*=":"]:not([data-edge^="out"]):not([data-edge^="loss"])')];
    const negatives = edges.filter((e) => e.getAttribute('stroke') === '#D55E00');
    return { gradFills: [...gradFills], valueFills: [...valueFills], negatives: negatives.length, dashed: negatives.filter((e) => e.getAttribute('stroke-dasharray')).length, solidPositive: edges.filter((e) => e.getAttribute('stroke') === '#0072B2' && !e.getAttribute('stroke-dasharray')).length };
  });
  assert.equal(diagram.gradFills.length, 1, `one gradient colour in the diagram: ${diagram.gradFills}`);
  assert.ok(!diagram.valueFills.includes(diagram.gradFills[0]), 'values are not gradient-coloured');
  assert.ok(diagram.negatives > 0 && diagram.dashed === diagram.negatives, `negative weights dashed: ${diagram.dashed} of ${diagram.negatives}`);
  assert.ok(diagram.solidPositive > 0, 'positive weights solid');
  await page.getByRole('combobox', { name: 'Animation speed' }).selectOption('1');
  app.assertClean();
});

test('the page follows prefers-color-scheme, ?theme= and the switch', async () => {
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.getByRole('combobox', { name: 'Colour theme' }).selectOption('auto');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(app.url('?preset=seed002'));
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await theme(), 'dark', 'a dark system setting gives the dark theme');
  const darkBg = await background();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  assert.notEqual(await background(), darkBg, 'followed live when the system setting changes');
  await page.goto(app.url('?preset=seed002&theme=dark'));
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await theme(), 'dark', '?theme=dark wins over a light system setting');
  assert.equal(await background(), darkBg);
  await page.goto(app.url('?preset=seed002'));
  await page.waitForSelector('body[data-ready="true"]');
  await setTheme(page, 'dark');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await theme(), 'dark', 'the switch is remembered');
  await setTheme(page, 'auto');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  await page.emulateMedia({ colorScheme: null });
  app.assertClean();
});
