// The diagram's labels in Chromium: no two label boxes intersect, for every preset at every
// phase of a step (and the next forward pass) and at Digits 3, 6 and 17; numbers stay inside
// their circles and tags; the Digits setting reaches the diagram; tags stay visible while a
// phase animates; long equations show that they scroll.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openLoadedApp, seed002ByHand } from './reader-support.mjs';

let app;
let page;
let ui;
before(async () => ({ app, page, ui } = await openLoadedApp({ viewport: { width: 1440, height: 900 } })));
after(() => app?.close());

/** Every pair of intersecting label boxes, and numbers outside their circle or tag. */
function problems() {
  const svg = document.querySelector('[data-testid="diagram"]');
  const boxes = [...svg.querySelectorAll('[data-label-box]')].map((el) => {
    const b = el.getBBox();
    const name = el.dataset.tag ?? `${el.dataset.labelBox}:${el.closest('[data-node]')?.dataset.node ?? el.textContent}`;
    return { name, x: b.x, y: b.y, w: b.width, h: b.height };
  });
  const out = [];
  const eps = 0.5;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.x + eps < b.x + b.w && b.x + eps < a.x + a.w && a.y + eps < b.y + b.h && b.y + eps < a.y + a.h) out.push(`${a.name} × ${b.name}`);
    }
  }
  for (const g of svg.querySelectorAll('[data-node]')) {
    const circle = g.querySelector(':scope > circle');
    const value = g.querySelector(':scope > g[data-reveal] > text');
    if (!circle || !value || !value.textContent) continue;
    const c = circle.getBBox();
    const t = value.getBBox();
    if (t.x < c.x || t.x + t.width > c.x + c.width) out.push(`${value.textContent} spills out of neuron ${g.dataset.node}`);
  }
  for (const g of svg.querySelectorAll('[data-tag]')) {
    const r = g.querySelector('rect').getBBox();
    for (const t of g.querySelectorAll('text')) {
      const b = t.getBBox();
      if (b.x < r.x || b.x + b.width > r.x + r.width) out.push(`${t.textContent} spills out of tag ${g.dataset.tag}`);
    }
  }
  return out;
}

test('no two labels overlap, for every preset at every phase and at Digits 3, 6 and 17', async () => {
  await page.getByRole('combobox', { name: 'Animation speed' }).selectOption('0');
  const presets = await page.getByTestId('preset-select').locator('option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v !== 'custom'));
  assert.ok(presets.length >= 6, 'every preset');
  const seen = [];
  for (const digits of ['3', '6', '17']) {
    await page.getByRole('combobox', { name: 'Significant digits' }).selectOption(digits);
    for (const id of presets) {
      await ui.load(id);
      const phases = Number(await page.locator('.phase-indicator li').count());
      // The start, every phase of the step, then the next forward pass.
      for (let k = 0; k <= phases + 1; k++) {
        const where = `${id} at ${await page.locator('#view-step').getAttribute('data-phase')}, Digits ${digits}`;
        assert.deepEqual(await page.evaluate(problems), [], where);
        seen.push(where);
        await page.locator('#view-step').getByRole('button', { name: 'Next phase', exact: true }).click();
        await ui.settle();
      }
    }
  }
  assert.ok(seen.length > 100, `${seen.length} states checked`);
  await page.getByRole('combobox', { name: 'Significant digits' }).selectOption('6');
  await page.getByRole('combobox', { name: 'Animation speed' }).selectOption('1');
  app.assertClean();
});

test('the diagram honours Digits', async () => {
  const H = seed002ByHand();
  // The page's formatting: d significant digits, trailing zeros trimmed.
  const show = (v, d) => String(Number(v.toPrecision(d)));
  await ui.load('seed002');
  await page.getByRole('combobox', { name: 'Animation speed' }).selectOption('0');
  await ui.runTo('update');
  for (const d of [3, 8, 12]) {
    await page.getByRole('combobox', { name: 'Significant digits' }).selectOption(String(d));
    const tag = await page.locator('[data-tag="W:2:0:0"]').textContent();
    assert.ok(tag.includes(`0.5 → ${show(H.W2new[0], d)}`), `W[2]₁ at ${d} digits: ${tag}`);
    const bias = await page.locator('[data-tag="b:1:1"]').textContent();
    assert.ok(bias.includes(`b 0.02 → ${show(H.b1new[1], d)}`), `b[1]₂ at ${d} digits: ${bias}`);
  }
  await page.getByRole('combobox', { name: 'Significant digits' }).selectOption('6');
  await page.getByRole('combobox', { name: 'Animation speed' }).selectOption('1');
  app.assertClean();
});

test('weight and bias tags stay on screen while a phase animates', async () => {
  await ui.load('seed002');
  await page.getByRole('combobox', { name: 'Animation speed' }).selectOption('0.25');
  await ui.runTo('loss');
  for (const next of ['backward 2', 'backward 1', 'update']) {
    await page.locator('#view-step').getByRole('button', { name: 'Next phase', exact: true }).click();
    await page.waitForSelector(`#view-step[data-phase="${next}"][data-animating]`);
    await page.waitForTimeout(150); // well inside the animation (0.9 s / 0.25)
    const hidden = await page.evaluate(() => {
      const out = [];
      for (const t of document.querySelectorAll('[data-testid="diagram"] [data-tag]')) {
        const first = t.querySelector('text');
        if (Number(getComputedStyle(t).opacity) < 1) out.push(`${t.dataset.tag} (whole tag)`);
        else if (Number(getComputedStyle(first).opacity) < 1) out.push(`${t.dataset.tag}: ${first.textContent}`);
      }
      return { out, animating: document.querySelector('#view-step').dataset.animating };
    });
    assert.equal(hidden.animating, 'true', `${next} still animating when checked`);
    assert.deepEqual(hidden.out, [], `${next}: tags hidden during the animation`);
    await ui.settle();
  }
  await page.getByRole('combobox', { name: 'Animation speed' }).selectOption('1');
  app.assertClean();
});

test('long equations show that they scroll, in the panel and in the inspector', async () => {
  for (const width of [1440, 768, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [id, phase] of [['xor', 'backward 1'], ['xor', 'backward 2'], ['softmax3', 'backward 2'], ['softmax3', 'update']]) {
      await ui.load(id);
      await page.getByRole('combobox', { name: 'Animation speed' }).selectOption('0');
      await ui.runTo(phase);
      const bad = await page.evaluate(() => [...document.querySelectorAll('[data-testid="math"] .katex-display')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .filter((el) => el.dataset.overflow !== 'true' || el.tabIndex !== 0 || !el.nextElementSibling?.classList.contains('scroll-hint') || !el.nextElementSibling.checkVisibility())
        .map((el) => el.textContent.slice(0, 40)));
      assert.deepEqual(bad, [], `${id} ${phase} at ${width} px: equations cut off without a sign`);
    }
    await page.getByRole('button', { name: 'Inspect neuron unit 1 of layer 1' }).click();
    const dialog = page.locator('dialog.inspector');
    await dialog.waitFor();
    const bad = await dialog.evaluate((d) => [...d.querySelectorAll('.katex-display')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && (el.dataset.overflow !== 'true' || !el.nextElementSibling?.classList.contains('scroll-hint')))
      .map((el) => el.textContent.slice(0, 40)));
    assert.deepEqual(bad, [], `inspector at ${width} px: equations cut off without a sign`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('combobox', { name: 'Animation speed' }).selectOption('1');
  app.assertClean();
});
