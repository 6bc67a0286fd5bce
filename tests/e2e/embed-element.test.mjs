// <backprop-explorer> on a hostile host page: `* { all: unset }`, huge fonts and other rules
// aimed at its insides. Two elements render correctly and independently (sessions, digits,
// keyboard focus, dialogs), one runs a full step of seed 002 with the numbers computed by
// hand, the JS API and events report it, only the seven KaTeX faces the bundle carries are used,
// the console stays clean and no request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { close, distDir, fullStepSeed002, openBrowser, outside, seed002, SEED002_SPEC, serve } from './embed-support.mjs';

const HOSTILE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hostile host</title>
<link rel="icon" href="data:,">
<style>
  * { all: unset; }
  head, title, style, script { display: none; }
  html { font-size: 48px !important; }
  body { display: block; font: italic 40px/3 "Comic Sans MS", cursive; color: #c00; letter-spacing: 6px; text-transform: uppercase; margin: 20px; }
  div, section, p, button, svg, table, td, .katex, .explorer, .bpx-root { padding: 30px !important; font-size: 70px !important; }
  [hidden] { display: block !important; }
  svg { width: 20px !important; height: 20px !important; }
  button { background: lime !important; }
  backprop-explorer { border: 3px dashed #c00; margin: 10px 0; }
  .col { display: block; width: 860px; }
</style></head>
<body>
  <h1>A course page with very loud CSS</h1>
  <div class="col"><backprop-explorer id="a" preset="seed002" controls="all"></backprop-explorer></div>
  <p>Some text between the two elements.</p>
  <div class="col"><backprop-explorer id="b" preset="seed002"></backprop-explorer></div>
  <script src="backprop-explorer.js"></script>
</body></html>`;


let server;
let b;
before(async () => {
  server = await serve(distDir, { pages: { '/hostile.html': HOSTILE, '/net.json': JSON.stringify(SEED002_SPEC) } });
  b = await openBrowser({ isForeign: outside(server.origin), viewport: { width: 1000, height: 900 } });
  await b.page.goto(server.url('hostile.html'));
  await b.page.waitForFunction(() => ['a', 'b'].every((id) => document.getElementById(id).readyState === 'ready'), null, { timeout: 20000 });
});
after(async () => {
  await b?.close();
  await server?.close();
});

const el = (id) => b.page.locator(`backprop-explorer#${id}`);

test('both elements render with their own styles despite the host page', async () => {
  const page = b.page;
  for (const id of ['a', 'b']) {
    const box = await el(id).boundingBox();
    assert.ok(box.width > 800 && box.width < 900, `#${id} fills its 860px column (${box.width})`);
    assert.ok(box.height > 400 && box.height < 4000, `#${id} has a sane height (${box.height})`);
    const look = await page.evaluate((id) => {
      const root = document.getElementById(id).shadowRoot;
      const cs = (sel) => getComputedStyle(root.querySelector(sel));
      const svg = root.querySelector('.diagram svg').getBoundingClientRect();
      return {
        hostDisplay: getComputedStyle(document.getElementById(id)).display,
        rootFont: cs('.bpx-root').fontSize,
        rootFamily: cs('.bpx-root').fontFamily,
        rootColour: cs('.bpx-root').color,
        transform: cs('.bpx-root').textTransform,
        button: cs('.control-row button').fontSize,
        buttonBg: cs('.control-row button:not(.primary)').backgroundColor,
        katex: cs('.katex').fontSize,
        svgWidth: svg.width,
        hiddenShown: [...root.querySelectorAll('[hidden]')].filter((e) => getComputedStyle(e).display !== 'none').length,
      };
    }, id);
    assert.equal(look.hostDisplay, 'block');
    assert.equal(look.rootFont, '16px', 'the host page’s 40px/48px do not reach inside');
    assert.match(look.rootFamily, /system-ui/);
    assert.equal(look.rootColour, 'rgb(28, 31, 36)');
    assert.equal(look.transform, 'none');
    assert.equal(look.button, '16px');
    assert.equal(look.buttonBg, 'rgb(255, 255, 255)');
    assert.ok(parseFloat(look.katex) < 25, `KaTeX at its own size (${look.katex})`);
    assert.ok(look.svgWidth > 300, `the diagram keeps its width (${look.svgWidth})`);
    assert.equal(look.hiddenShown, 0, '[hidden] stays hidden inside');
  }
  await b.shot('embed-hostile-page', { fullPage: true });
  await el('a').screenshot({ path: 'test-results/embed-hostile-a.png' });
  await b.assertClean();
});

test('a full step in one element: exact numbers, JS API and events; the other stays put', async () => {
  const page = b.page;
  await page.evaluate(() => {
    window.__events = [];
    for (const id of ['a', 'b']) {
      for (const type of ['phase', 'step', 'diverged']) {
        document.getElementById(id).addEventListener(type, (e) => window.__events.push([id, type, e.detail]));
      }
    }
  });
  await fullStepSeed002(el('a'), el('a').locator('.explorer'));
  const events = await page.evaluate(() => window.__events);
  const ofA = events.filter(([id]) => id === 'a');
  assert.deepEqual(ofA.filter(([, t]) => t === 'phase').map(([, , d]) => d.phase), ['forward 1', 'forward 2', 'loss', 'backward 2', 'backward 1', 'update']);
  const steps = ofA.filter(([, t]) => t === 'step');
  assert.equal(steps.length, 1, 'one step event');
  assert.equal(steps[0][2].step, 1);
  close(steps[0][2].loss, seed002.loss, 1e-12, 'the step event’s loss');
  assert.equal(events.filter(([id]) => id === 'b').length, 0, 'element b heard nothing');
  assert.equal(await el('b').locator('.explorer').getAttribute('data-phase'), 'start');

  // The JS API: the session of each element, and stepping through the element.
  const api = await page.evaluate(() => {
    const a = document.getElementById('a');
    const bEl = document.getElementById('b');
    const before = bEl.session.state().cursor;
    bEl.nextPhase();
    bEl.nextPhase();
    return {
      aStep: a.session.state().step,
      aW2: Array.from(a.session.W(2).data),
      bBefore: before,
      bYhat: bEl.session.A(2).data[0],
      bPhase: bEl.shadowRoot.querySelector('.explorer').dataset.phase,
      same: a.session === bEl.session,
      sharedEngine: a.engine === bEl.engine,
      mode: a.mode,
    };
  });
  assert.equal(api.aStep, 1);
  close(api.aW2[0], seed002.W2new[0], 1e-12, 'a.session.W(2)');
  assert.equal(api.bBefore, 0);
  close(api.bYhat, seed002.yhat, 1e-12, 'b.session.A(2) after two nextPhase() calls');
  assert.equal(api.bPhase, 'forward 2');
  assert.equal(api.same, false, 'each element has its own session');
  assert.equal(api.sharedEngine, true, 'one engine for the page');
  assert.equal(api.mode, 'step');
  await b.assertClean();
});

test('digits and keyboard focus belong to one element', async () => {
  const page = b.page;
  // Element a shows 3 digits; b keeps 6.
  await el('a').getByRole('combobox', { name: 'Significant digits' }).selectOption('3');
  await el('a').getByRole('button', { name: 'Reset', exact: true }).click();
  await el('a').getByRole('button', { name: 'Next phase', exact: true }).click();
  await el('a').getByRole('button', { name: 'Next phase', exact: true }).click();
  await page.waitForFunction(() => document.getElementById('a').shadowRoot.querySelector('.explorer').dataset.phase === 'forward 2');
  assert.equal((await el('a').getByTestId('yhat').textContent()).trim(), '0.693');
  assert.equal((await el('b').getByTestId('yhat').textContent()).trim(), '0.693131');

  // Keys go to the element that has the focus.
  await el('b').getByRole('button', { name: 'Reset', exact: true }).click(); // b is at start, focused
  await page.keyboard.press('n');
  await page.waitForFunction(() => document.getElementById('b').shadowRoot.querySelector('.explorer').dataset.phase === 'forward 1');
  assert.equal(await el('a').locator('.explorer').getAttribute('data-phase'), 'forward 2', 'a ignored the key');
  await b.assertClean();
});

test('the inspector opens inside its own element, styled, and keeps its keys', async () => {
  const page = b.page;
  await el('a').getByRole('button', { name: 'Reset', exact: true }).click();
  await el('a').getByRole('button', { name: 'Step', exact: true }).click();
  await el('a').locator('.explorer').focus();
  await page.keyboard.press('i');
  const dialog = el('a').getByTestId('inspector');
  await dialog.waitFor();
  const where = await page.evaluate(() => {
    const d = document.getElementById('a').shadowRoot.querySelector('dialog.inspector');
    return { open: d?.open, inB: !!document.getElementById('b').shadowRoot.querySelector('dialog[open]'), radius: d && getComputedStyle(d).borderRadius, font: d && getComputedStyle(d).fontSize };
  });
  assert.deepEqual(where, { open: true, inB: false, radius: '10px', font: '16px' });
  const phase = await el('a').locator('.explorer').getAttribute('data-phase');
  await page.keyboard.press('n'); // not for the explorer behind the modal dialog
  assert.equal(await el('a').locator('.explorer').getAttribute('data-phase'), phase);
  await b.shot('embed-hostile-inspector');
  await page.keyboard.press('Escape');
  await b.assertClean();
});

test('the formulas use only the KaTeX faces the script carries, all loaded', async () => {
  const fonts = await b.page.evaluate(async () => {
    await document.fonts.ready;
    const registered = [...document.fonts].map((f) => `${f.family}|${f.style}|${f.status}`);
    const used = new Set();
    for (const id of ['a', 'b']) {
      for (const e of document.getElementById(id).shadowRoot.querySelectorAll('.katex-html *')) {
        if (!e.textContent.trim() || e.children.length) continue;
        const cs = getComputedStyle(e);
        used.add(`${cs.fontFamily.split(',')[0].trim().replace(/"/g, '')}|${cs.fontStyle}`);
      }
    }
    return { registered, used: [...used] };
  });
  const known = new Set(fonts.registered.map((r) => r.split('|').slice(0, 2).join('|')));
  for (const u of fonts.used) assert.ok(known.has(u), `${u} is used but not carried by the script (${[...known].join(', ')})`);
  assert.ok(fonts.registered.every((r) => !r.endsWith('|error')), `no face failed: ${fonts.registered.join(', ')}`);
  assert.ok(fonts.registered.some((r) => r === 'KaTeX_Main|normal|loaded'));
});

test('made from a script: src, then attribute changes, then a bad spec', async () => {
  const out = await b.page.evaluate(async () => {
    const el = document.createElement('backprop-explorer');
    el.setAttribute('src', 'net.json');
    el.setAttribute('controls', 'playback summary');
    document.body.append(el);
    await el.ready;
    const log = { fromSrc: el.session.layers.join('-') };
    el.nextPhase();
    el.nextPhase();
    log.yhat = el.session.A(2).data[0];
    // A preset replaces the network (a 'ready' event follows).
    const again = new Promise((resolve) => el.addEventListener('ready', resolve, { once: true }));
    el.setAttribute('preset', 'softmax3');
    el.removeAttribute('src');
    await again;
    log.preset = el.session.layers.join('-');
    // Train mode with the same attributes: the preset's structure in the training view.
    const train = new Promise((resolve) => el.addEventListener('ready', resolve, { once: true }));
    el.setAttribute('mode', 'train');
    await train;
    log.train = el.session.layers.join('-');
    log.trainView = !!el.shadowRoot.querySelector('.bpx-train');
    // A bad spec: the engine's message in the element, an 'error' event, readyState 'error'.
    const failed = new Promise((resolve) => el.addEventListener('error', (e) => resolve(e.detail), { once: true }));
    el.setAttribute('mode', 'step');
    el.setAttribute('spec', JSON.stringify({ layers: [2, 0, 1], activations: ['sigmoid', 'sigmoid'], loss: 'bce' }));
    log.error = await failed;
    log.state = el.readyState;
    log.shown = el.shadowRoot.querySelector('.bpx-embed-status').textContent;
    log.rejects = await el.ready.then(() => 'resolved', (e) => e.message);
    el.remove();
    return log;
  });
  assert.equal(out.fromSrc, '2-2-1');
  close(out.yhat, seed002.yhat, 1e-12, 'ŷ of the spec loaded from src');
  assert.equal(out.preset, '2-3-3');
  assert.equal(out.train, '2-3-3');
  assert.equal(out.trainView, true);
  assert.equal(out.error.code, 'INVALID_SPEC');
  assert.match(out.error.message, /^layers\[1\]: expected an integer between 1 and 64, got 0/);
  assert.equal(out.state, 'error');
  assert.match(out.shown, /layers\[1\]/);
  assert.match(out.rejects, /layers\[1\]/);
  await b.assertClean();
});
