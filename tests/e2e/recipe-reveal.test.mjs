// Recipe: a reveal.js deck (npm reveal.js) with <backprop-explorer> on a slide, built by the test
// in a temporary folder with the snippet of docs/embedding.md. Moving between slides keeps the
// explorer's state (its phase and numbers); reveal's arrow keys change slide while the explorer
// does not have the focus, and step the explorer (not the deck) while it has.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { close, copyScriptFiles, openBrowser, outside, repoRoot, seed002, serve } from './embed-support.mjs';

// The deck of docs/embedding.md ("A reveal.js deck"), as it is written there.
const DECK = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A deck</title>
<link rel="stylesheet" href="reveal/reveal.css">
<link rel="stylesheet" href="reveal/theme/white.css">
<script defer src="backprop-explorer.js"></script>
</head><body>
<div class="reveal"><div class="slides">
<section><h2>Backpropagation</h2></section>
<section>
  <h2>One step of backprop</h2>
  <backprop-explorer preset="seed002" controls="playback phases summary" height="400"></backprop-explorer>
</section>
<section><h2>Questions?</h2></section>
</div></div>
<script src="reveal/reveal.js"></script>
<script>Reveal.initialize({ hash: true });</script>
</body></html>`;

let dir;
let server;
let b;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bpx-reveal-'));
  const reveal = path.join(repoRoot, 'node_modules/reveal.js/dist');
  cpSync(path.join(reveal, 'reveal.js'), path.join(dir, 'reveal/reveal.js'));
  cpSync(path.join(reveal, 'reveal.css'), path.join(dir, 'reveal/reveal.css'));
  cpSync(path.join(reveal, 'theme'), path.join(dir, 'reveal/theme'), { recursive: true });
  copyScriptFiles(dir); // the script and its sibling files (the equations' backprop-explorer-math.js among them)
  writeFileSync(path.join(dir, 'index.html'), DECK);
  server = await serve(dir);
  b = await openBrowser({ viewport: { width: 1280, height: 800 }, isForeign: outside(server.origin) });
});
after(async () => {
  await b?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('docs/embedding.md shows this deck as the test builds it', () => {
  assert.ok(readFileSync(path.join(repoRoot, 'docs/embedding.md'), 'utf8').includes(DECK));
});

const slide = () => b.page.evaluate(() => Reveal.getIndices().h);
const phase = () => b.page.locator('backprop-explorer').locator('.explorer').getAttribute('data-phase');
const yhat = async () => Number(await b.page.locator('backprop-explorer').getByTestId('yhat').first().getAttribute('data-value'));

test('reveal.js: the deck\'s keys change slide; the explorer keeps its state and its keys while focused', async () => {
  const page = b.page;
  await page.goto(server.url('index.html'));
  await page.waitForFunction(() => window.Reveal?.isReady());
  const el = page.locator('backprop-explorer');
  await page.waitForFunction(() => document.querySelector('backprop-explorer')?.readyState === 'ready', null, { timeout: 30000 });
  assert.equal(await slide(), 0);
  await page.keyboard.press('ArrowRight'); // nothing focused: the deck's key
  await page.waitForFunction(() => Reveal.getIndices().h === 1);
  assert.equal(await phase(), 'start', 'the deck\'s arrow did not step the explorer');

  // Two phases with the buttons: the focus is now inside the explorer.
  const next = el.getByRole('button', { name: 'Next phase', exact: true });
  await next.click();
  await next.click();
  assert.equal(await phase(), 'forward 2');
  close(await yhat(), seed002.yhat, 1e-12, 'ŷ after forward 2');
  // Focused: → and ← step the explorer, the slide stays.
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('backprop-explorer').shadowRoot.querySelector('.explorer').dataset.phase === 'loss');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('backprop-explorer').shadowRoot.querySelector('.explorer').dataset.phase === 'forward 2');
  // Space on the focused "Next phase" button presses it, and is not the deck's "next slide".
  await page.keyboard.press(' ');
  await page.waitForFunction(() => document.querySelector('backprop-explorer').shadowRoot.querySelector('.explorer').dataset.phase === 'loss');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('backprop-explorer').shadowRoot.querySelector('.explorer').dataset.phase === 'forward 2');
  assert.equal(await slide(), 1, 'the explorer\'s keys did not change slide');
  await b.shot('recipe-reveal-slide');

  // A click on the slide's heading takes the focus off the explorer: the arrows are the deck's again.
  await page.getByRole('heading', { name: 'One step of backprop' }).click();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => Reveal.getIndices().h === 2);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => Reveal.getIndices().h === 1);
  // Back on the slide: the same phase and numbers.
  assert.equal(await phase(), 'forward 2');
  close(await yhat(), seed002.yhat, 1e-12, 'ŷ after coming back');
  assert.equal(new URL(page.url()).hash, '#/1', 'the deck owns its URL; the element leaves it alone');
  await b.assertClean();
});
