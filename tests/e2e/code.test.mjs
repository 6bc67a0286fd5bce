// The Code tab of the step-through view in Chromium: it follows Next/Previous phase with the
// current phase's lines highlighted, shows a line's matrix on tap (seed 002 values checked by
// hand), switches NumPy/PyTorch, downloads both scripts, works with the keyboard alone and
// at 390 px. Screenshots go to /tmp/codegen-shots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { openApp, resizeTo } from './browser.mjs';

const SHOTS = '/tmp/codegen-shots';
mkdirSync(SHOTS, { recursive: true });

// Seed 002 by hand: x = [1, 2], W1 = [[0.1, 0.2], [0.3, 0.4]], b1 = [0.01, 0.02],
// W2 = [0.5, 0.6], b2 = 0.05, sigmoid, BCE with y = 1.
const sig = (z) => 1 / (1 + Math.exp(-z));
const z1 = [0.1 * 1 + 0.2 * 2 + 0.01, 0.3 * 1 + 0.4 * 2 + 0.02];
const a1 = z1.map(sig);
const yhat = sig(0.5 * a1[0] + 0.6 * a1[1] + 0.05);
const dZ2 = yhat - 1;

let app;
before(async () => {
  app = await openApp({ viewport: { width: 1440, height: 1000 } });
  await app.load();
});
after(async () => {
  await app?.close();
});

const panel = () => app.page.getByTestId('code');
const current = () => panel().locator('.code-phase-current');

async function settle() {
  await app.page.waitForSelector('#view-step:not([data-animating])', { timeout: 10000 });
}
async function press(name) {
  await app.page.getByRole('button', { name, exact: true }).click();
  await settle();
}
async function shot(name) {
  await app.page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}
async function openValue(name) {
  const button = current().getByRole('button', { name: `Show ${name}`, exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const box = app.page.locator(`#${await button.getAttribute('aria-controls')}`);
  return box.locator('td').evaluateAll((cells) => cells.map((c) => Number(c.title)));
}

test('the Code tab follows Next and Previous phase with the session values', async () => {
  const page = app.page;
  const codeTab = page.getByRole('tab', { name: 'Code' });
  await codeTab.click();
  assert.equal(await codeTab.getAttribute('aria-selected'), 'true');
  assert.ok(await panel().isVisible());
  assert.equal(await current().getAttribute('data-phase'), 'Forward 1');
  assert.match(await current().textContent(), /Next phase runs these lines/);

  await press('Next phase');
  assert.equal(await current().getAttribute('data-phase'), 'Forward 1');
  const z1line = current().locator('.code-line', { hasText: 'Z1 = W1 @ A0 + b1' });
  assert.match(await z1line.textContent(), /\(2, 1\)/);
  assert.match(await z1line.textContent(), /broadcast to \(2, 2\)/, 'the * slip note is next to the line');
  const z = await openValue('Z1');
  assert.ok(Math.abs(z[0] - z1[0]) < 1e-15 && Math.abs(z[1] - z1[1]) < 1e-15, `Z1 shown ${z}`);
  await shot('code-forward1-1440');

  await press('Next phase');
  await press('Next phase');
  assert.equal(await current().getAttribute('data-phase'), 'Loss');
  await press('Next phase');
  assert.equal(await current().getAttribute('data-phase'), 'Backward 2');
  assert.equal((await current().locator('.code-text').first().textContent()).trim(), 'dZ2 = A2 - Y');
  const dz = await openValue('dZ2');
  assert.ok(Math.abs(dz[0] - dZ2) < 1e-14, `dZ2 shown ${dz}, by hand ${dZ2}`);
  await shot('code-backward2-1440');

  await press('Previous phase');
  assert.equal(await current().getAttribute('data-phase'), 'Loss');
  assert.match(await current().textContent(), /np\.log1p/);
});

test('switching to PyTorch shows where each quantity lives after backward()', async () => {
  const page = app.page;
  await page.getByRole('radio', { name: 'PyTorch' }).check();
  assert.equal(await panel().getAttribute('data-lang'), 'pytorch');
  assert.match(await current().textContent(), /binary_cross_entropy_with_logits/);
  await press('Next phase');
  const text = await current().textContent();
  assert.match(text, /L\.backward\(\)/);
  assert.match(text, /dW2 = W2\.grad\.clone\(\)/);
  await shot('code-pytorch-backward2-1440');
  await page.getByRole('radio', { name: 'NumPy' }).check();
  assert.equal(await panel().getAttribute('data-lang'), 'numpy');
  assert.match(await current().textContent(), /dW2 = dZ2 @ A1\.T \/ m/);
});

test('Download as Python: both scripts, with the exact initial parameters', async () => {
  const page = app.page;
  for (const [label, marker] of [['NumPy', 'import numpy as np'], ['PyTorch', 'torch.optim.SGD']]) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Download ${label} script` }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.py$/);
    const text = readFileSync(await download.path(), 'utf8');
    assert.ok(text.includes(marker), `${label} script`);
    assert.ok(text.includes('[[0.1, 0.2], [0.3, 0.4]]'), `${label} script has W1 exactly`);
    assert.ok(text.includes('steps = 1'), `${label} script runs the step shown`);
  }
  assert.match(await panel().getByRole('status').textContent(), /downloaded/);
});

test('keyboard alone: tabs with arrows, shortcuts move the highlight, Enter opens a value', async () => {
  const page = app.page;
  await press('Reset');
  const eqTab = page.getByRole('tab', { name: 'Equations' });
  await eqTab.click();
  assert.ok(!(await panel().isVisible()));
  await eqTab.focus();
  await page.keyboard.press('ArrowRight');
  const codeTab = page.getByRole('tab', { name: 'Code' });
  assert.equal(await codeTab.getAttribute('aria-selected'), 'true');
  assert.ok(await codeTab.evaluate((t) => t === document.activeElement || t.getRootNode().activeElement === t));
  await page.keyboard.press('n');
  await settle();
  assert.equal(await current().getAttribute('data-phase'), 'Forward 1');
  const show = current().getByRole('button', { name: 'Show A1', exact: true });
  await show.focus();
  await page.keyboard.press('Enter');
  assert.equal(await show.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Enter');
  assert.equal(await show.getAttribute('aria-expanded'), 'false');
});

test('390, 768 and 1440 px, light and dark: the Code tab fits the window', async () => {
  const page = app.page;
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [390, 768, 1440]) {
      // The new width laid out before the tab bar is looked at (isVisible does not wait: read
      // too early it saw the old width's hidden bar, skipped the tab and the code stayed hidden).
      await resizeTo(page, width, 900);
      // On a phone the equations and code sit behind the Math tab (explorer/panel-tabs.ts).
      const mathTab = page.locator('#view-step').getByRole('tab', { name: 'Math' });
      if (await mathTab.isVisible()) await mathTab.click();
      await panel().scrollIntoViewIfNeeded();
      // Every element of the Code tab stays inside the window (a long line wraps; a wide
      // matrix scrolls inside its own box, which stays inside the window).
      const outside = await page.evaluate(() => {
        const w = document.documentElement.clientWidth;
        const panel = document.querySelector('[data-testid="code"]');
        const boxes = [panel, panel.parentElement.querySelector('.code-tabs'), ...panel.querySelectorAll('.code-bar *, .code-listing, .code-row, .code-notes, .code-value')];
        return boxes.filter((e) => e && e.getBoundingClientRect().right > w + 0.5).map((e) => e.className || e.tagName);
      });
      assert.deepEqual(outside, [], `${width} px ${scheme}: outside the window`);
      assert.ok(await page.getByRole('tab', { name: 'Code' }).isVisible());
      await shot(`code-${width}-${scheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  app.assertClean();
});
