// The defects a new reader met in the step-through view, in Chromium: the middle of a neuron
// opens the inspector (mouse and tap); the "About this example" table keeps each pass's
// values; the inspector shows what the phase has computed and follows it live; phase chips
// jump through time travel; Copy link carries the step-through state only; the LaTeX
// walkthrough; exports carry the legend. Numbers are checked against seed002ByHand().
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openApp, repoRoot } from './browser.mjs';
import { close, helpers, openTouchApp, seed002ByHand } from './reader-support.mjs';

const H = seed002ByHand();
let app;
let page;
let ui;
before(async () => {
  app = await openApp({ viewport: { width: 1440, height: 900 } });
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await app.load();
  page = app.page;
  ui = helpers(page);
});
after(async () => {
  await app?.close();
});

const dialog = () => page.locator('dialog.inspector');
const node = async (label) => {
  const el = dialog().locator(`[data-testid^="op-node-"][data-label="${label}"]`);
  return { value: await el.getAttribute('data-value'), grad: await el.getAttribute('data-grad') };
};
const chain = (id) => dialog().locator(`[data-testid="${id}"]`).first().getAttribute('data-value');

async function clickCentre(locator) {
  const b = await locator.boundingBox();
  await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
}

test('clicking the middle of a neuron, number included, opens the inspector', async () => {
  await ui.load('seed002');
  for (const target of ['forward 1', 'update']) {
    await ui.runTo(target);
    const circle = page.locator('[data-testid="diagram"] [data-node="1:0"] circle');
    // The number is drawn over the middle of the circle: that is where the click lands.
    const hit = await circle.evaluate((c) => {
      const r = c.getBoundingClientRect();
      return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.tagName;
    });
    assert.equal(hit, 'text', 'the value is under the centre');
    await clickCentre(circle);
    await dialog().waitFor();
    assert.match(await dialog().getByRole('heading', { level: 2 }).textContent(), /Neuron 1 of layer 1/);
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
  }
  app.assertClean();
});

test('a tap on the middle of a neuron opens the inspector on a touch screen', async () => {
  const phone = await openTouchApp();
  try {
    await phone.load('?preset=seed002');
    const p = phone.page;
    await p.getByRole('button', { name: 'Next phase', exact: true }).tap();
    await p.waitForSelector('#view-step[data-phase="forward 1"]:not([data-animating])');
    const value = p.locator('[data-testid="diagram"] [data-node="1:0"] g[data-reveal="forward-1"] > text');
    await value.scrollIntoViewIfNeeded();
    const b = await value.boundingBox();
    await p.touchscreen.tap(b.x + b.width / 2, b.y + b.height / 2);
    await p.locator('dialog.inspector').waitFor();
    assert.match(await p.locator('dialog.inspector h2').textContent(), /Neuron 1 of layer 1/);
    phone.assertClean();
  } finally {
    await phone.close();
  }
});

test('About this example: each row keeps the engine value of the pass it belongs to', async () => {
  await ui.load('seed002');
  const cell = (what) => page.locator('table.compare tr', { has: page.locator('th', { hasText: what }) }).locator('td').nth(1);
  const cellValue = async (what) => Number(await cell(what).getAttribute('data-value'));
  await ui.runTo('update');
  close(await cellValue('z[1]₁'), H.f1.z1[0], 1e-15, 'pass 1 z[1]₁ at the update');
  // The second forward pass: the first pass's rows keep their values and verdicts.
  await ui.press('Next phase', 'forward 1');
  close(await cellValue('z[1]₁'), H.f1.z1[0], 1e-15, 'pass 1 z[1]₁ during pass 2');
  close(await cellValue('δ[2] = dZ[2]'), H.dZ2, 1e-15, 'pass 1 δ[2] during pass 2');
  close(await cellValue('dW[2]₁'), H.dW2[0], 1e-15, 'pass 1 dW[2]₁ during pass 2');
  close(await cellValue('new W[2]₁'), H.W2new[0], 1e-15, 'pass 1 new W[2]₁ during pass 2');
  close(await cellValue('new b[1]'), H.b1new[0], 1e-15, 'pass 1 new b[1] during pass 2');
  assert.equal((await cell('pass 2: z[2]').textContent()).trim(), '—', 'pass 2 z[2] not yet computed');
  await ui.press('Next phase', 'forward 2');
  close(await cellValue('pass 2: z[2]'), H.f2.z2, 1e-12, 'pass 2 z[2]');
  close(await cellValue('pass 2: ŷ'), H.f2.yhat, 1e-12, 'pass 2 ŷ');
  close(await cellValue('z[2]'), H.f1.z2, 1e-15, 'pass 1 z[2] still pass 1');
  assert.match(await page.locator('table.compare tr', { hasText: 'z[1]₁' }).first().textContent(), /rounding/);
  app.assertClean();
});

test('the inspector shows what the phase has computed and follows Next/Previous phase', async () => {
  await ui.load('seed002');
  await ui.runTo('forward 1');
  await page.getByRole('button', { name: 'Inspect neuron unit 1 of layer 1' }).click();
  await dialog().waitFor();
  let z = await node('z');
  close(Number(z.value), H.f1.z1[0], 1e-15, 'z at Forward 1');
  assert.equal(z.grad, '', 'no gradient at Forward 1');
  assert.equal(await chain('link-delta'), '', 'δ not yet computed');
  assert.match(await dialog().getByTestId('inspector-phase').textContent(), /Forward 1/);
  // Follows the phase while open: the dialog's own buttons and keys.
  const next = dialog().getByRole('button', { name: 'Next phase', exact: true });
  await next.click(); // forward 2
  await next.click(); // loss
  await next.click(); // backward 2: dA[1] known, dZ[1] not yet
  await page.waitForSelector('#view-step[data-phase="backward 2"]');
  assert.match(await dialog().getByTestId('inspector-phase').textContent(), /Backward 2/);
  close(Number(await chain('link-dL_da')), H.dA1[0], 1e-15, 'dL/da = dA[1]₁ at Backward 2');
  assert.equal((await node('z')).grad, '', 'dZ[1] waits for Backward 1');
  await page.keyboard.press('ArrowRight'); // backward 1
  await page.waitForSelector('#view-step[data-phase="backward 1"]');
  await dialog().getByTestId('inspector-phase').filter({ hasText: 'Backward 1' }).waitFor();
  close(Number((await node('z')).grad), H.dZ1[0], 1e-15, 'dL/dz = dZ[1]₁ at Backward 1');
  close(Number((await node('w1')).grad), H.dW1[0][0], 1e-15, 'dL/dw1 at Backward 1');
  assert.equal(await chain('link-w_new-0'), '', 'the new weight waits for the update');
  await page.keyboard.press('ArrowRight'); // update
  await dialog().getByTestId('inspector-phase').filter({ hasText: 'Update' }).waitFor();
  // The update shows the pass that has just ended: its z, and the new weight.
  close(Number((await node('z')).value), H.f1.z1[0], 1e-15, 'z of pass 1 at the update');
  close(Number(await chain('link-w_new-0')), H.W1new[0][0], 1e-15, 'new w1 at the update');
  close(Number((await node('w1')).value), H.W1[0][0], 0, 'w1 before the update');
  // The diagram still has the updated weight (the inspector's read left the session as it was).
  close(Number(await page.getByTestId('m-W-1-0-0').getAttribute('data-value')), H.W1new[0][0], 1e-15, 'W[1]₁₁ after the update');
  await page.keyboard.press('ArrowRight'); // pass 2, forward 1
  await dialog().getByTestId('inspector-phase').filter({ hasText: 'Forward 1' }).waitFor();
  z = await node('z');
  close(Number(z.value), H.f2.z1[0], 1e-15, 'z of pass 2');
  assert.equal(z.grad, '');
  await page.keyboard.press('ArrowLeft');
  await dialog().getByTestId('inspector-phase').filter({ hasText: 'Update' }).waitFor();
  close(Number((await node('z')).value), H.f1.z1[0], 1e-15, 'back at the update');
  // E and G keep working, again and again.
  const expanded = () => dialog().getByRole('button', { name: 'Expanded', exact: true }).getAttribute('aria-pressed');
  const fromLoss = () => dialog().getByRole('button', { name: 'the loss', exact: true }).getAttribute('aria-pressed');
  for (const want of ['false', 'true', 'false', 'true']) {
    await page.keyboard.press('e');
    assert.equal(await expanded(), want, 'E toggles the sigmoid gates');
  }
  for (const want of ['false', 'true', 'false']) {
    await page.keyboard.press('g');
    assert.equal(await fromLoss(), want, 'G toggles the root');
  }
  await page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'hidden' });
  app.assertClean();
});

test('phase chips are buttons that jump through time travel', async () => {
  await ui.load('seed002');
  const chips = page.getByRole('list', { name: 'Phases of a step' });
  await chips.getByRole('button', { name: 'Backward 2', exact: true }).click();
  await ui.phase('backward 2');
  close(Number(await page.getByTestId('m-dZ-2-0-0').getAttribute('data-value')), H.dZ2, 1e-15, 'dZ[2] after the jump');
  assert.equal(await chips.getByRole('button', { name: 'Backward 2', exact: true }).getAttribute('aria-current'), 'step');
  await chips.getByRole('button', { name: 'Forward 1', exact: true }).click();
  await ui.phase('forward 1');
  assert.equal(await page.getByTestId('loss').textContent(), '—', 'back before the loss');
  close(Number(await page.getByTestId('m-Z-1-0-0').getAttribute('data-value')), H.f1.z1[0], 1e-15, 'Z[1] after jumping back');
  await chips.getByRole('button', { name: 'Update', exact: true }).click();
  await ui.phase('update');
  close(Number(await page.getByTestId('m-W-2-0-0').getAttribute('data-value')), H.W2new[0], 1e-15, 'W[2] after jumping to the update');
  app.assertClean();
});

test('Copy link carries the step-through state only; the LaTeX walkthrough is offered', async () => {
  // A page address full of training settings and points.
  await page.goto(app.url(`?preset=xor&noise=0.3&dataset=spiral&points=${encodeURIComponent('[[0.1,0.2,1]]')}`));
  await page.waitForSelector('body[data-ready="true"]');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('Link to this network copied').waitFor();
  const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  const state = new URLSearchParams(link.hash.slice(1)); // in the fragment (web/src/url-state.ts)
  assert.equal(link.search, '', `no query: ${link}`);
  assert.deepEqual([...state.keys()], ['preset'], `only the example: ${link}`);
  assert.equal(state.get('preset'), 'xor');

  await page.getByRole('button', { name: 'Copy walkthrough (LaTeX)' }).click();
  await page.getByText('Walkthrough (LaTeX) copied').waitFor();
  const tex = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(tex, /\\begin\{bmatrix\}/);
  const bpx = [path.join(repoRoot, 'build/native/bpx')].find(existsSync);
  if (bpx) {
    const spec = JSON.parse(await page.evaluate(() => document.querySelector('textarea[aria-label="Spec JSON"]').value));
    const cli = execFileSync(bpx, ['walkthrough', '-', '--format', 'tex'], { input: JSON.stringify(spec), encoding: 'utf8' });
    assert.equal(tex.trim(), cli.trim(), 'the same text as `bpx walkthrough --format tex`');
  }
  app.assertClean();
});

test('SVG and PNG exports carry the legend, and text stays inside its tags', async () => {
  await page.goto(app.url('?preset=seed002'));
  await page.waitForSelector('body[data-ready="true"]');
  await ui.runTo('update');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download SVG' }).click();
  const svg = readFileSync(await (await download).path(), 'utf8');
  for (const text of ['input / target (data)', 'parameter (W, b: learned)', 'negative weight (dashed)', 'gradients (d…), backward pulse']) {
    assert.ok(svg.includes(text), `the exported SVG has the legend item "${text}"`);
  }
  // Drawn on its own, every text of a tag lies inside the tag's box.
  const outside = await page.evaluate((markup) => {
    const host = document.createElement('div');
    host.innerHTML = markup.replace(/^<\?xml[^>]*>/, '');
    document.body.append(host);
    const bad = [];
    for (const g of host.querySelectorAll('[data-tag]')) {
      const r = g.querySelector('rect').getBBox();
      for (const t of g.querySelectorAll('text')) {
        const b = t.getBBox();
        if (b.x < r.x - 0.5 || b.x + b.width > r.x + r.width + 0.5) bad.push(`${t.textContent} (${b.width.toFixed(1)} in ${r.width.toFixed(1)})`);
      }
    }
    const legend = host.querySelector('[data-legend]').getBBox();
    const [, , w, h] = host.querySelector('svg').getAttribute('viewBox').split(' ').map(Number);
    host.remove();
    return { bad, legendInside: legend.y + legend.height <= h && legend.x + legend.width <= w };
  }, svg);
  assert.deepEqual(outside.bad, [], 'text outside its tag');
  assert.ok(outside.legendInside, 'the legend lies inside the drawing');
  const png = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PNG' }).click();
  const bytes = readFileSync(await (await png).path());
  // PNG header: width and height (big-endian) at bytes 16..23; the legend adds height.
  const [, , vw, vh] = (await page.getByTestId('diagram').getAttribute('viewBox')).split(' ').map(Number);
  assert.equal(bytes.readUInt32BE(16), Math.round(vw * 2), 'PNG width: the drawing at 2×');
  assert.ok(bytes.readUInt32BE(20) > vh * 2 + 40, `PNG height ${bytes.readUInt32BE(20)} includes the legend (drawing ${vh * 2})`);
  app.assertClean();
});
