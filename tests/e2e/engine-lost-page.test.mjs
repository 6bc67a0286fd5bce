// The full page (dist/index.html) when the engine cannot go on. An example that does not fit in
// the engine's memory (filled to its last kilobyte) leaves the view on its network with a message
// under the picker; so full a module is discarded (not even its health probe fits), and a lost
// engine (also: its module damaged, then an allocation fails: tests/e2e/engine-damage.mjs) puts
// an alert at the top with a Reload button, which brings the page back at the state in its
// address on a fresh engine. No page error in any case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './browser.mjs';
import { installEngineDamage } from './engine-damage.mjs';
import { largestSpec } from './largest-network.mjs';

let app;
const errors = [];
before(async () => {
  app = await openApp({ viewport: { width: 1440, height: 900 } });
  await installEngineDamage(app.page);
  app.page.on('pageerror', (e) => errors.push(e.message));
});
after(async () => {
  await app?.close();
});

const picker = () => app.page.getByRole('combobox', { name: 'Example network' });

test('an example the full engine memory cannot hold: the view keeps its network and says why', async () => {
  await app.load('#preset=seed002');
  await app.page.getByRole('button', { name: 'Next phase', exact: true }).first().waitFor();
  // Fill the module's memory (no damage: the key names stay whole) to its last kilobyte.
  await app.page.evaluate(() => window.__bpxFillEngine(1 << 10));
  await picker().selectOption({ label: 'Three classes with softmax' });
  const message = app.page.locator('.preset-error');
  await message.waitFor();
  assert.match(await message.textContent(), /memory/i);
  assert.equal(await picker().inputValue(), 'seed002', 'the picker names the network still shown');
  assert.equal(await app.page.locator('[data-testid="diagram"] [data-node^="2:"]').count(), 1, 'still the 2-2-1 network');
  await reloadFromAlert();
  assert.equal(await picker().inputValue(), 'seed002', 'the example of the address');
  assert.deepEqual(errors, [], 'no page error');
});

/** The alert of a lost engine, its Reload button focused; pressing it loads the page afresh. */
async function reloadFromAlert() {
  const alert = app.page.locator('.engine-lost[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /The engine stopped .* Reload the page/);
  const reload = alert.getByRole('button', { name: 'Reload the page' });
  const focused = await reload.evaluate((b) => (b === document.activeElement ? 'Reload' : `${document.activeElement?.tagName} ${document.activeElement?.textContent?.slice(0, 40)}`));
  assert.equal(focused, 'Reload', 'the focus is on Reload');
  await Promise.all([app.page.waitForEvent('load'), reload.click()]);
  await app.page.waitForFunction(() => document.body.dataset.ready === 'true');
  assert.equal(await app.page.locator('.engine-lost').count(), 0);
}

test('a lost engine: an alert with Reload, which brings the page back where it was', async () => {
  await app.load('?preset=xor'); // a navigation: a fresh page and engine
  const next = app.page.getByRole('button', { name: 'Next phase', exact: true }).first();
  await next.waitFor();
  await next.click();
  await app.page.getByText('Spec (JSON)').click();
  const damaged = await app.page.evaluate(() => window.__bpxDamageEngine());
  assert.ok(damaged >= 1, 'the key is in the module\'s memory');
  // The largest network the engine allows does not fit any more: out of memory, and the
  // health probe then finds the module damaged.
  await app.page.getByRole('textbox', { name: 'Spec JSON' }).fill(JSON.stringify(largestSpec()));
  await app.page.getByRole('button', { name: 'Apply spec' }).click();
  await app.page.locator('.engine-lost[role="alert"]').waitFor();
  await app.screenshot('engine-lost-page');
  await reloadFromAlert();
  assert.equal(await picker().inputValue(), 'xor', 'the example of the address');
  await app.page.getByRole('button', { name: 'Next phase', exact: true }).first().click();
  await app.page.waitForFunction(() => document.getElementById('view-step').dataset.phase === 'forward 1');
  assert.deepEqual(errors, [], 'no page error');
});
