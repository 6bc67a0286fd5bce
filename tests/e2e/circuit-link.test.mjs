// A teacher links a circuit with its program and changed input values: ?set=... overrides the
// program's values, changing a value in the inputs table writes it into the URL, and the link
// opens the same numbers. Answers by hand for f = (x + y) z: df/dx = df/dy = z, df/dz = x + y.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './browser.mjs';

let app;
before(async () => {
  app = await openApp({ root: 'dist', viewport: { width: 1440, height: 900 } });
});
after(async () => {
  await app?.close();
});

const page = () => app.page;
const view = () => page().locator('.circuit-view');
const PROGRAM = 'x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z';

async function inputs() {
  const rows = await view().locator('.circuit-inputs tbody tr').all();
  const out = {};
  for (const r of rows) {
    const cells = await r.locator('th, td').evaluateAll((els) => els.map((c) => (c.querySelector('input')?.value ?? c.textContent).trim()));
    out[cells[0]] = cells.slice(1);
  }
  return out;
}

async function toTheEnd() {
  const next = view().getByRole('button', { name: 'Next gate', exact: true });
  for (let i = 0; i < 10 && !(await next.isDisabled()); i++) await next.click();
}

// The page's state: the query, then the fragment on top (web/src/url-state.ts writes the fragment).
function stateOf(href) {
  const url = new URL(href);
  const out = new URLSearchParams(url.search);
  for (const [k, v] of new URLSearchParams(url.hash.slice(1))) out.set(k, v);
  return out;
}
const setParam = () => stateOf(page().url()).get('set');

test('the link carries the program and the values set over it', async () => {
  const query = new URLSearchParams({ mode: 'circuit', program: PROGRAM, set: 'x=1,z=2' });
  await app.load(`?${query}`);
  await toTheEnd();
  // x = 1, y = 5 (the program's), z = 2: f = 6 * 2 = 12; df/dx = df/dy = 2, df/dz = 6.
  assert.deepEqual(await inputs(), { x: ['1', '2', '2'], y: ['5', '2', '2'], z: ['2', '6', '6'] });
  assert.ok((await view().locator('.circuit-right > .circuit-graph .circuit-value').allTextContents()).includes('12'));
  assert.equal(setParam(), 'x=1,z=2', 'the values stay in the URL');

  // The teacher changes y by typing in its field.
  const y = view().getByRole('textbox', { name: 'Value of y' });
  await y.fill('−3');
  await y.press('Enter');
  await view().locator('.circuit-inputs tbody tr', { hasText: 'y' }).locator('.circuit-set').waitFor();
  assert.equal(setParam(), 'x=1,z=2,y=-3');
  await toTheEnd();
  // f = (1 - 3) * 2 = -4; df/dz = x + y = -2.
  assert.deepEqual(await inputs(), { x: ['1', '2', '2'], y: ['−3', '2', '2'], z: ['2', '−2', '−2'] });
  assert.equal(stateOf(page().url()).get('program'), PROGRAM, 'the program is unchanged');
  await app.screenshot('circuit-link-set');

  // The link opens the same numbers in a fresh page.
  const link = page().url();
  const other = await app.context.newPage();
  try {
    await other.goto(link);
    await other.waitForSelector('body[data-ready="true"]');
    const text = await other.locator('.circuit-inputs tbody').evaluate((b) => [...b.querySelectorAll('input')].map((i) => `${i.dataset.input}=${i.value}`));
    assert.deepEqual(text, ['x=1', 'y=−3', 'z=2']);
  } finally {
    await other.close();
  }

  // Not a number: said at the field, nothing changes.
  const z = view().getByRole('textbox', { name: 'Value of z' });
  await z.fill('two');
  await z.press('Enter');
  assert.equal(await z.getAttribute('aria-invalid'), 'true');
  assert.equal(setParam(), 'x=1,z=2,y=-3');

  // "Program values" drops every override.
  await view().getByRole('button', { name: 'Program values' }).click();
  assert.equal(setParam(), null);
  assert.deepEqual(Object.fromEntries(Object.entries(await inputs()).map(([k, v]) => [k, v[0]])), { x: '−2', y: '5', z: '−4' });
  assert.equal(await view().getByRole('button', { name: 'Program values' }).isVisible(), false);
  app.assertClean();
});

test('a value for a name the program does not have is dropped when the program changes', async () => {
  const query = new URLSearchParams({ mode: 'circuit', program: PROGRAM, set: 'y=1' });
  await app.load(`?${query}`);
  assert.equal((await inputs()).y[0], '1');
  await view().getByLabel('Program', { exact: true }).fill('a = 2\nb = a * a');
  await page().waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('program') === 'a = 2\nb = a * a');
  assert.equal(setParam(), null);
  assert.deepEqual(Object.keys(await inputs()), ['a']);
  assert.equal(await view().getByRole('alert').count(), 0, 'no error shown');
  app.assertClean();
});

test('at 390 px the value fields fit', async () => {
  await page().setViewportSize({ width: 390, height: 800 });
  const query = new URLSearchParams({ mode: 'circuit', program: PROGRAM, set: 'x=0.125' });
  await app.load(`?${query}`);
  const table = await view().locator('.circuit-inputs').boundingBox();
  assert.ok(table.x >= 0 && table.x + table.width <= 390, `the table fits: ${JSON.stringify(table)}`);
  assert.equal(await page().evaluate(() => document.documentElement.scrollWidth), 390, 'no sideways scroll');
  await app.screenshot('circuit-link-390');
  await page().setViewportSize({ width: 1440, height: 900 });
  app.assertClean();
});
