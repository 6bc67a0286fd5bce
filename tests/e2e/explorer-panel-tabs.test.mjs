// Phones and narrow embeds: the step view's panels become tabs right under the controls, so
// the equations stay next to "Next phase" instead of a long scroll below the diagram. Wide
// layouts keep the three panels side by side with no tab bar.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { distDir, openBrowser, serve } from './embed-support.mjs';
import { openLoadedApp } from './reader-support.mjs';
import { resizeTo } from './browser.mjs';

let app;
let page;
let ui;
before(async () => ({ app, page, ui } = await openLoadedApp({ viewport: { width: 390, height: 844 } })));
after(() => app?.close());

const shown = (locator) => locator.evaluate((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');

test('at 390 px the panels are tabs under the controls; Math shows the equations Next phase changes', async () => {
  const view = page.locator('#view-step');
  const tabs = view.getByRole('tablist', { name: 'Panels' });
  assert.ok(await shown(tabs), 'the tab bar is shown at 390 px');
  assert.deepEqual(await tabs.getByRole('tab').allTextContents(), ['Diagram', 'Math', 'About']);
  const math = view.getByTestId('math');
  assert.equal(await tabs.getByRole('tab', { name: 'Diagram' }).getAttribute('aria-selected'), 'true');
  assert.ok(await shown(view.getByTestId('diagram')), 'the diagram is the first tab');
  assert.equal(await shown(math), false, 'the equations wait behind their tab');

  // A tap on Math (where a person taps: the tab's middle), then Next phase.
  const mathTab = tabs.getByRole('tab', { name: 'Math' });
  const box = await mathTab.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  assert.equal(await mathTab.getAttribute('aria-selected'), 'true');
  assert.ok(await shown(math), 'Math shows the equations');
  assert.equal(await shown(view.getByTestId('diagram')), false, 'one panel at a time');
  await ui.press('Next phase', 'forward 1');
  assert.match(await math.innerText(), /0\.51/, 'the equations show z[1] of seed 002 (0.1·1 + 0.2·2 + 0.01 = 0.51)');

  // The equations begin within a screen of the button that changed them.
  const next = await view.getByRole('button', { name: 'Next phase' }).boundingBox();
  const mathTop = (await math.boundingBox()).y;
  assert.ok(mathTop - (next.y + next.height) < 400, `equations start ${Math.round(mathTop - next.y)} px below Next phase`);

  // Keyboard: arrows move between tabs and do not step the network.
  await mathTab.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await tabs.getByRole('tab', { name: 'About' }).getAttribute('aria-selected'), 'true');
  assert.ok(await shown(view.getByRole('heading', { name: 'About this example' })));
  assert.equal(await view.getAttribute('data-phase'), 'forward 1', 'arrow keys on the tabs leave the phase alone');
  await page.keyboard.press('Home');
  assert.equal(await tabs.getByRole('tab', { name: 'Diagram' }).getAttribute('aria-selected'), 'true');
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(w <= 390, `no sideways scrolling (${w} px)`);
});

test('at 1440 px there is no tab bar and the equations sit beside the diagram', async () => {
  await resizeTo(page, 1440, 900);
  const view = page.locator('#view-step');
  assert.equal(await shown(view.getByRole('tablist', { name: 'Panels', includeHidden: true })), false);
  const diagram = await view.getByTestId('diagram').boundingBox();
  const math = await view.getByTestId('math').boundingBox();
  assert.ok(math.x > diagram.x + diagram.width - 1, 'equations to the right of the diagram');
  assert.ok(await shown(view.getByRole('heading', { name: 'About this example' })));
  await resizeTo(page, 390, 844);
});

test('in a 360 px column the element has the tabs; a panel left out of controls has no tab', async () => {
  const column = (controls) => `<div style="width:360px">${'<p>Course text.</p>'.repeat(3)}
    <backprop-explorer preset="seed002" ${controls}></backprop-explorer></div>`;
  const host = (body) => `<!doctype html><html lang="en"><body>${body}<script type="module" src="/backprop-explorer.js"></script></body></html>`;
  const server = await serve(distDir, {
    pages: {
      '/all.html': host(column('')),
      '/nomath.html': host(column('controls="playback phases notes"')),
    },
  });
  const b = await openBrowser({ viewport: { width: 1280, height: 900 } });
  try {
    await b.page.goto(server.url('/all.html'));
    const el = b.page.locator('backprop-explorer');
    await el.getByRole('button', { name: 'Next phase' }).waitFor();
    const tabs = el.getByRole('tablist', { name: 'Panels' });
    assert.ok(await shown(tabs), 'the element is narrow though the window is wide');
    await tabs.getByRole('tab', { name: 'Math' }).click();
    await el.getByRole('button', { name: 'Next phase' }).click();
    await b.page.waitForFunction(() => /0\.51/.test(document.querySelector('backprop-explorer').shadowRoot.querySelector('[data-testid="math"]').innerText));

    // The author leaves the equations out while their tab is selected: a panel still shows.
    await el.evaluate((e) => e.setAttribute('controls', 'playback phases notes'));
    await tabs.getByRole('tab', { name: 'Diagram', selected: true }).waitFor();
    assert.ok(await shown(el.getByTestId('diagram')), 'the diagram shows instead of an empty panel');
    assert.equal(await el.getAttribute('controls'), 'playback phases notes');

    await b.page.goto(server.url('/nomath.html'));
    await el.getByRole('button', { name: 'Next phase' }).waitFor();
    assert.equal(await shown(tabs.getByRole('tab', { name: 'Math', includeHidden: true })), false, 'no tab for the hidden equations');
    assert.ok(await shown(tabs.getByRole('tab', { name: 'About' })));
    await b.assertClean();
  } finally {
    await b.close();
    await server.close();
  }
});
