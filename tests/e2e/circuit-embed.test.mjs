// <backprop-explorer mode="circuit" expr="..."> under the strict CSP: the element shows the
// program's circuit, steps it from its own buttons and keys, and a second element on the
// page stays where it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { STRICT_CSP, distDir, openBrowser, outside, serve } from './embed-support.mjs';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Circuits in a course page</title>
<link rel="icon" href="data:,"></head>
<body>
  <backprop-explorer id="a" mode="circuit" expr="x = 3
y = x * x + x"></backprop-explorer>
  <backprop-explorer id="b" mode="circuit"></backprop-explorer>
  <script src="backprop-explorer.js"></script>
</body></html>`;

let server;
let b;
before(async () => {
  server = await serve(distDir, { pages: { '/circuits.html': PAGE }, headers: { 'Content-Security-Policy': STRICT_CSP } });
  b = await openBrowser({ isForeign: outside(server.origin), viewport: { width: 900, height: 900 } });
  await b.page.goto(server.url('circuits.html'));
  await b.page.waitForFunction(() => ['a', 'b'].every((id) => document.getElementById(id).readyState === 'ready'), null, { timeout: 20000 });
});
after(async () => {
  await b?.close();
  await server?.close();
});

test('mode="circuit" with expr: the fork y = x*x + x steps to dy/dx = 7, the other element is untouched', async () => {
  const a = b.page.locator('#a');
  const other = b.page.locator('#b');
  assert.equal(await a.getByLabel('Program', { exact: true }).inputValue(), 'x = 3\ny = x * x + x');
  // Without expr the element shows the first preset.
  assert.match(await other.getByLabel('Program', { exact: true }).inputValue(), /q = x \+ y/);
  await a.getByRole('button', { name: 'Next gate', exact: true }).click();
  await a.locator('.circuit-right > .circuit-graph').focus();
  await b.page.keyboard.press('ArrowRight');
  await b.page.keyboard.press('ArrowRight');
  await b.page.keyboard.press('ArrowRight');
  // By hand: dy/dx = 2x + 1 = 7, the sum of 1 (through the add) and 3 + 3 (the two wires
  // into the multiply), listed in the order the backward pass reaches them.
  assert.match(await a.locator('.circuit-narration').textContent(), /x is a fork: its gradients add up, 1 \+ 3 \+ 3 = 7/);
  // The row of x: its name, its value (a field: a value can be changed), gradient and estimate.
  const row = await a.locator('.circuit-inputs tbody tr').first().locator('th, td').evaluateAll((els) =>
    els.map((c) => (c.querySelector('input')?.value ?? c.textContent).trim()));
  assert.deepEqual(row.slice(0, 2), ['x', '3']);
  assert.match(row.slice(2).join(' '), /^7\s+7/);
  assert.deepEqual(await a.locator('.circuit-right > .circuit-graph .circuit-sum').allTextContents(), ['Σ 7']);
  assert.match(await other.locator('.circuit-indicator').textContent(), /Start/);
  assert.equal(new URL(b.page.url()).search, '', 'an embed leaves the host page URL alone');
  await b.shot('circuit-embed');
  // One element removed from the page (its view disposed): the other still steps, no errors.
  const before = await b.page.evaluate(() => document.querySelectorAll('#a, #b').length);
  await b.page.evaluate(() => document.getElementById('a').remove());
  await b.page.waitForFunction(() => !document.getElementById('a'));
  assert.equal(before, 2);
  await other.locator('.circuit-right > .circuit-graph').focus();
  await b.page.keyboard.press('ArrowRight');
  assert.match(await other.locator('.circuit-indicator').textContent(), /Forward: step 1 of 4/);
  await b.assertClean();
});
