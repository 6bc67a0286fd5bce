// <backprop-explorer lock="…"> and digits="…": a locked part is shown but cannot be used, by
// pointer, keyboard or shortcut, while an element without the lock beside it works; lifting the
// lock gives the part back; the training view locks the same way; digits picks the step view's
// significant digits (ŷ of seed 002 by hand: 0.6931306594690766); embed.html passes both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { distDir, openBrowser, outside, serve } from './embed-support.mjs';

const HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Locked parts</title><link rel="icon" href="data:,"></head>
<body>
  <backprop-explorer id="locked" preset="seed002" controls="playback phases summary" lock="playback presets" digits="3"></backprop-explorer>
  <backprop-explorer id="free" preset="seed002" controls="playback phases summary"></backprop-explorer>
  <backprop-explorer id="train" mode="train" t.data="xor" t.hidden="2" lock="hyper playback"></backprop-explorer>
  <script src="backprop-explorer.js"></script>
</body></html>`;

let server;
let b;
before(async () => {
  server = await serve(distDir, { pages: { '/lock.html': HOST } });
  b = await openBrowser({ isForeign: outside(server.origin), viewport: { width: 1100, height: 900 } });
  await b.page.goto(server.url('lock.html'));
  await b.page.waitForFunction(() => ['locked', 'free', 'train'].every((id) => document.getElementById(id).readyState === 'ready'), null, { timeout: 20000 });
});
after(async () => {
  await b?.close();
  await server?.close();
});

const el = (id) => b.page.locator(`backprop-explorer#${id}`);
const phaseOf = (id) => el(id).locator('.explorer').getAttribute('data-phase');
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
/** Gives element `id` the keyboard (its root takes the focus, as a click inside does) and checks it has it. */
async function focusIn(id) {
  await el(id).locator('.bpx-root').focus();
  assert.equal(await b.page.evaluate(() => document.activeElement?.id), id, `the focus is in #${id}`);
}

test('a locked part is shown but disabled; its shortcuts do nothing; an unlocked element works', async () => {
  const next = el('locked').getByRole('button', { name: 'Next phase', exact: true });
  await next.waitFor();
  assert.ok(await next.isVisible(), 'playback is shown');
  assert.ok(await next.isDisabled(), 'Next phase is disabled');
  const presets = el('locked').getByRole('combobox', { name: /example/i });
  assert.ok(await presets.isVisible(), 'presets is shown although controls does not list it');
  assert.ok(await presets.isDisabled(), 'the example picker is disabled');
  // The digits picker is not shown (not in controls), but digits="3" took effect.
  assert.equal(await el('locked').locator('.digits-picker select').inputValue(), '3');

  await next.click({ force: true, timeout: 2000 }).catch(() => {}); // a person clicking anyway
  await focusIn('locked');
  for (const key of ['n', 'ArrowRight', 's', ' ']) await b.page.keyboard.press(key);
  await pause(300);
  assert.equal(await phaseOf('locked'), 'start', 'neither click nor keys ran a phase');
  assert.ok(await el('locked').getByRole('button', { name: 'Reset', exact: true }).isDisabled(), 'the view kept its buttons disabled');

  // The same keys on the element without a lock run phases.
  await focusIn('free');
  await b.page.keyboard.press('n');
  await b.page.keyboard.press('n');
  await b.page.waitForFunction(() => document.getElementById('free').shadowRoot.querySelector('.explorer').dataset.phase === 'forward 2');
  assert.equal((await el('free').getByTestId('yhat').textContent()).trim(), '0.693131', 'six digits by default');
  await b.assertClean();
});

test('lifting the lock gives the part back; digits shows ŷ with three digits', async () => {
  await b.page.evaluate(() => document.getElementById('locked').removeAttribute('lock'));
  await b.page.waitForFunction(() => document.getElementById('locked').readyState === 'ready');
  const next = el('locked').getByRole('button', { name: 'Next phase', exact: true });
  await next.click();
  await next.click();
  await b.page.waitForFunction(() => document.getElementById('locked').shadowRoot.querySelector('.explorer').dataset.phase === 'forward 2');
  assert.equal((await el('locked').getByTestId('yhat').textContent()).trim(), '0.693');
  assert.equal(await el('locked').getByRole('combobox', { name: /example/i }).count(), 0, 'presets is hidden again (not in controls)');
  // Locked again later: the Next phase button goes back to disabled at once.
  await b.page.evaluate(() => document.getElementById('locked').setAttribute('lock', 'playback'));
  await b.page.waitForFunction(() => document.getElementById('locked').readyState === 'ready');
  assert.ok(await el('locked').getByRole('button', { name: 'Next phase', exact: true }).isDisabled());
  await b.assertClean();
});

test('the training view locks its hyperparameters and playback, not the rest', async () => {
  const t = el('train');
  const lr = t.getByRole('combobox', { name: 'Learning rate' });
  await lr.waitFor();
  assert.ok(await lr.isVisible() && (await lr.isDisabled()), 'learning rate shown and disabled');
  const play = t.getByRole('button', { name: 'Play', exact: true });
  assert.ok(await play.isVisible() && (await play.isDisabled()), 'Play shown and disabled');
  const dataset = t.getByRole('combobox', { name: 'Data set' });
  assert.ok(!(await dataset.isDisabled()), 'the data set (part edit) is not locked');
  await focusIn('train');
  for (const key of ['k', 's', 'e']) await b.page.keyboard.press(key);
  await pause(300);
  assert.equal(await b.page.evaluate(() => document.getElementById('train').session.state().step), 0, 'the keys trained nothing');
  await b.assertClean();
});

test('embed.html passes lock and digits', async () => {
  await b.page.goto(server.url('embed.html?preset=seed002&controls=playback,digits,summary&lock=digits&digits=4'));
  await b.page.waitForFunction(() => document.body.dataset.ready === 'true');
  const digits = b.page.locator('backprop-explorer').getByRole('combobox', { name: 'Significant digits' });
  assert.equal(await digits.inputValue(), '4');
  assert.ok(await digits.isDisabled());
  assert.ok(!(await b.page.locator('backprop-explorer').getByRole('button', { name: 'Next phase', exact: true }).isDisabled()));
  await b.assertClean();
});
