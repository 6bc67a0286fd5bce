// Practice mode in Chromium, as a learner uses it: the seed 002 step answered by typing (right,
// wrong with the mistake named, the three hint levels, skip and reveal), keyboard only, at
// 390 px, a seeded exercise from the URL, the element's answer event and score, and screenshots
// at 390, 768 and 1440 px (the page is light; the element also has theme="dark").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './browser.mjs';

const sig = (z) => 1 / (1 + Math.exp(-z));
// Seed 002 by hand: x = [1, 2], W1 = [[0.1, 0.2], [0.3, 0.4]], b1 = [0.01, 0.02], W2 = [0.5, 0.6],
// b2 = 0.05, y = 1, sigmoid layers, BCE (dZ[2] = yhat - y).
const a1 = [sig(0.51), sig(1.12)];
const z2 = 0.5 * a1[0] + 0.6 * a1[1] + 0.05;
const yhat = sig(z2);
const dA1 = [0.5 * (yhat - 1), 0.6 * (yhat - 1)];

let app;
before(async () => {
  app = await openApp({ viewport: { width: 1440, height: 900 } });
  await app.load();
});
after(async () => {
  await app?.close();
});

const panel = () => app.page.locator('.practice-panel');
const answerBox = () => app.page.getByRole('textbox', { name: /^Your value for/ });
const feedback = () => panel().getByRole('status');
async function question() {
  return (await panel().getAttribute('data-question')) ?? '';
}
async function answer(text, { click = false } = {}) {
  await answerBox().fill(text);
  if (click) await panel().getByRole('button', { name: 'Check', exact: true }).click();
  else await answerBox().press('Enter');
}
async function skip(n) {
  for (let i = 0; i < n; i++) await panel().getByRole('button', { name: 'Skip', exact: true }).click();
}

test('the seed 002 step by typing: right, wrong with the mistake named, hints, skip, reveal', async () => {
  const page = app.page;
  assert.equal(await answerBox().count(), 0, 'no answer box before practice starts');
  assert.equal(await panel().locator('.practice-card').isVisible(), false);
  await page.getByRole('button', { name: 'Start practice' }).click();
  assert.equal(await question(), 'Z[1](0,0)');
  await answer('0.51');
  assert.match(await feedback().textContent(), /^Right: Z\[1\]\(0,0\) = 0\.51 \(to the 2 digits you typed\)/);
  assert.equal(await question(), 'Z[1](1,0)');
  await answer('1,12'); // a decimal comma
  await answer('1/(1+exp(-0.51))', { click: true }); // arithmetic
  assert.equal(await feedback().getAttribute('data-result'), 'correct');

  // A[1](1,0): the three hint levels, then the value.
  assert.equal(await question(), 'A[1](1,0)');
  const hint = panel().locator('.practice-hint');
  const hintButton = panel().getByRole('button', { name: 'Hint', exact: true });
  await hintButton.click();
  assert.match(await hint.textContent(), /^Hint 1 of 3: A\[1\] = g\(Z\[1\]\) with g\(z\) = σ\(z\)/);
  await hintButton.click();
  assert.equal(await hint.textContent(), 'Hint 2 of 3: A[1](1,0) = 1 / (1 + exp(\u22121.12))');
  await hintButton.click();
  assert.equal(await hint.textContent(), `Hint 3 of 3: A[1](1,0) = ${a1[1].toPrecision(6)}`);
  await answer('0.754');
  // Its four entries done, forward 1 runs and the diagram shows the engine's values.
  await page.waitForSelector('#view-step[data-phase="forward 1"]');
  assert.equal(await question(), 'Z[2](0,0)');
  await app.screenshot('practice-1440-forward-2-question');

  // Z[2] from A[1] rounded to 3 digits, the seed document's method: named, not just "wrong".
  await answer('0.8149');
  assert.equal(await feedback().getAttribute('data-result'), 'wrong');
  assert.equal(await panel().locator('.practice-feedback').getAttribute('data-diagnosis'), 'rounded_early');
  assert.match(await feedback().textContent(), /your 0\.8149 follows the right method, on intermediate values rounded to 3/);
  await answer(z2.toFixed(4));
  assert.equal(await feedback().getAttribute('data-result'), 'correct');

  await panel().getByRole('button', { name: 'Reveal', exact: true }).click(); // A[2]
  assert.equal(await feedback().textContent(), `Revealed: A[2](0,0) = ${yhat.toPrecision(6)}`);
  await page.waitForSelector('#view-step[data-phase="forward 2"]');
  await skip(2); // loss, dA[2]
  await page.waitForSelector('#view-step[data-phase="loss"]');

  // dZ[2] as target - prediction.
  assert.equal(await question(), 'dZ[2](0,0)');
  await answer((1 - yhat).toFixed(4));
  assert.equal(await panel().locator('.practice-feedback').getAttribute('data-diagnosis'), 'sign');
  await skip(6); // dZ[2], dW[2] x2, db[2], dA[1] x2
  await page.waitForSelector('#view-step[data-phase="backward 2"]');

  // dZ[1](0,0) typed as dA[1](0,0): the example.
  assert.equal(await question(), 'dZ[1](0,0)');
  await answer(dA1[0].toFixed(4));
  const said = await feedback().textContent();
  await feedback().scrollIntoViewIfNeeded();
  assert.match(said, /^Not yet: your -0\.1534 takes dZ\[1\] to be dA\[1\]: the backward box multiplies by g′\(Z\[1\]\) = 0\.2344/);
  await app.screenshot('practice-1440-diagnosis');
  await skip(8 + 9); // the rest of backward 1, then the update
  await page.waitForSelector('#view-step[data-phase="update"][data-step="1"]');
  assert.match(await feedback().textContent(), /Step done: 3 of 31 right first time\./);
  assert.equal(await question(), 'Z[1](0,0)', 'the next step starts');
  app.assertClean();
});

test('keyboard only, at 390 px: start, answer, hint and skip without a pointer', async () => {
  const page = app.page;
  await page.setViewportSize({ width: 390, height: 844 });
  await app.load('?preset=seed002');
  await page.getByRole('button', { name: 'Start practice' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id), await answerBox().getAttribute('id'));
  await page.keyboard.type('0.51');
  await page.keyboard.press('Enter');
  assert.equal(await feedback().getAttribute('data-result'), 'correct');
  await page.keyboard.type('1.2');
  await page.keyboard.press('Enter');
  assert.equal(await feedback().getAttribute('data-result'), 'wrong');
  await page.keyboard.press('Tab'); // Check
  await page.keyboard.press('Tab'); // Hint
  await page.keyboard.press('Enter');
  assert.match(await panel().locator('.practice-hint').textContent(), /^Hint 1 of 3: Z\[1\] = W\[1\] A\[0\] \+ b\[1\]/);
  await page.keyboard.press('Tab'); // Reveal
  await page.keyboard.press('Tab'); // Skip
  await page.keyboard.press('Enter');
  assert.equal(await question(), 'A[1](0,0)');
  assert.match(await panel().locator('.practice-score').textContent(), /^This step: 1 right first time of 2 done · 1 hints · 0 revealed · 1 skipped/);
  // The practice panel and everything in it fit the 390 px screen.
  const right = await panel().evaluate((el) => Math.max(...[el, ...el.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)));
  assert.ok(right <= 390, `the practice panel fits 390 px (its right edge is at ${right} px)`);
  await answerBox().scrollIntoViewIfNeeded();
  await app.screenshot('practice-390-light');
  app.assertClean();
});

test('a seeded exercise from the URL, at 768 and 1440 px', async () => {
  const page = app.page;
  await page.setViewportSize({ width: 768, height: 1024 });
  await app.load('?exercise=5');
  await page.waitForSelector('.practice-panel[data-practice="on"]');
  assert.match(page.url(), /[?&#]exercise=5\b/);
  assert.equal(await question(), 'Z[1](0,0)');
  const seedBox = page.getByRole('spinbutton', { name: 'Exercise seed' });
  assert.equal(await seedBox.inputValue(), '5');
  await answerBox().scrollIntoViewIfNeeded();
  await app.screenshot('practice-768-light');
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.screenshot('practice-1440-light');
  // Another seed, other numbers, and the URL follows.
  await seedBox.fill('6');
  await page.getByRole('button', { name: 'New exercise' }).click();
  assert.match(page.url(), /[?&#]exercise=6\b/);
  app.assertClean();
});

test('<backprop-explorer mode="practice">: an answer event per check, a score, the dark theme', async () => {
  const { serve, openBrowser, outside, distDir } = await import('./embed-support.mjs');
  const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title>
<link rel="icon" href="data:,"></head><body>
<backprop-explorer id="p" preset="seed002" mode="practice" theme="dark"></backprop-explorer>
<script src="backprop-explorer.js"></script></body></html>`;
  const server = await serve(distDir, { pages: { '/course.html': host } });
  const b = await openBrowser({ isForeign: outside(server.origin), viewport: { width: 390, height: 844 } });
  try {
    const page = b.page;
    await page.goto(server.url('course.html'));
    await page.waitForFunction(() => document.getElementById('p').readyState === 'ready', null, { timeout: 20000 });
    await page.evaluate(() => {
      window.answers = [];
      document.getElementById('p').addEventListener('answer', (e) => window.answers.push(e.detail));
    });
    const box = page.getByRole('textbox', { name: 'Your value for Z[1](0,0)' });
    await box.fill('0.51');
    await box.press('Enter');
    const next = page.getByRole('textbox', { name: 'Your value for Z[1](1,0)' });
    await next.fill('1.2');
    await next.press('Enter');
    const answers = await page.evaluate(() => window.answers);
    assert.deepEqual(answers[0], { quantity: 'Z', layer: 1, entry: [0, 0], answer: '0.51', correct: true, diagnosis: null });
    assert.equal(answers[1].correct, false);
    assert.equal(answers[1].answer, '1.2');
    assert.equal(typeof answers[1].diagnosis.id, 'string');
    const score = await page.evaluate(() => document.getElementById('p').score);
    assert.deepEqual(score, { correct: 1, questions: 1, wrong: 1, hints: 0, revealed: 0, skipped: 0 });
    await next.scrollIntoViewIfNeeded();
    await b.shot('practice-embed-390-dark');
    await page.setViewportSize({ width: 1440, height: 900 });
    await next.scrollIntoViewIfNeeded();
    await b.shot('practice-embed-1440-dark');
    assert.deepEqual(b.foreign, []);
    assert.deepEqual(b.problems, []);
  } finally {
    await b.close();
    await server.close();
  }
});
