// dist/customize.html in German, chosen by the browser's language alone (a de-DE browser, no
// lang= in the address), walked like a teacher walks it: each mode (its parts), a bad spec
// (the engine's error: German summary, English detail marked lang="en"), a bad program, a bad
// height, a copy and a saved file. At every stop no visible English UI string may remain (the
// scanner of tests/e2e/i18n-support.mjs: the English catalogue's values and the engine's English
// circuit titles; the part names, tokens a teacher types in controls="…", are marked lang="en"
// and left out as the engine's names are). ?lang=en in the same browser gives the English page, and the same scanner
// finds its English there (so the check can fail). No mode scrolls sideways at 390 px in German;
// the main page's ?lang= goes with its link to the customise page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue, englishAmong, englishMatchers, visibleStrings } from './i18n-support.mjs';
import { course, downloaded, openCustomize } from './customize-support.mjs';

const matchers = englishMatchers();
const de = catalogue('de');
/** The engine's English circuit titles, read off the English page. */
let engineWords = [];

let c;
before(async () => {
  c = await course({ locale: 'de-DE' });
  await openCustomize(c, '?lang=en');
  await c.b.page.waitForFunction(() => document.getElementById('c-circuit-preset').options.length > 1);
  // Titles with words (as tests/e2e/i18n-german.test.mjs picks them; "CS231n: f = (x + y) z" is the same in German).
  const titles = (await c.b.page.locator('#c-circuit-preset option').allTextContents()).slice(1);
  engineWords = titles.filter((p) => /[a-z]{3} [a-z]{2,}/i.test(p) && !p.startsWith('('));
  assert.ok(engineWords.length >= 5, engineWords.join(' | '));
});
after(async () => {
  await c?.close();
});

async function assertGerman(where) {
  const strings = await visibleStrings(c.b.page);
  const hits = englishAmong(strings, matchers, engineWords);
  assert.deepEqual(hits, [], `${where}: English on the German page`);
  return strings;
}

test('the English page (?lang=en, in a German browser): the scanner finds its English', async () => {
  await openCustomize(c, '?lang=en');
  assert.equal(await c.b.page.evaluate(() => document.documentElement.lang), 'en');
  const found = new Set(englishAmong(await visibleStrings(c.b.page), matchers, engineWords).map((h) => h.text));
  const en = catalogue('en');
  for (const key of ['customize.heading', 'customize.parts', 'customize.out.file', 'customize.part.playback', 'customize.mode.train.about']) {
    assert.ok(found.has(en[key]), `the scanner finds "${en[key]}" on the English page`);
  }
});

test('German by the browser language: every mode, errors, a copy and a saved file, no English UI string', async () => {
  const page = c.b.page;
  await openCustomize(c);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.equal(await page.title(), de['customize.title']);
  await assertGerman('start (step through)');
  await c.b.shot('customize-de-1440');

  await page.getByRole('radio', { name: new RegExp(`^${de['customize.mode.practice']}\\b`) }).check();
  await page.waitForFunction(() => document.getElementById('c-preview').getAttribute('mode') === 'practice');
  await assertGerman('practice');

  await page.getByRole('radio', { name: new RegExp(`^${de['customize.mode.train']}\\b`) }).check();
  await page.waitForFunction(() => {
    const el = document.getElementById('c-preview');
    return el.getAttribute('mode') === 'train' && el.readyState === 'ready' && !!el.shadowRoot.querySelector('.bpx-train');
  });
  await page.getByRole('combobox', { name: /^hyper\b/ }).selectOption('locked');
  await assertGerman('train, hyper locked');

  // A spec the engine refuses: the German summary, the engine's English as marked detail.
  await page.getByRole('radio', { name: de['customize.source.spec'] }).check();
  await page.getByRole('textbox', { name: de['customize.spec'] }).fill('{"layers":[2,0,1]}');
  const specError = page.locator('#c-spec-error');
  await specError.filter({ hasText: 'layers[1]' }).waitFor();
  assert.equal(await specError.locator('[lang="en"]').count(), 1, "the engine's English detail is marked lang=en");
  await assertGerman('a refused spec');
  await page.getByRole('textbox', { name: de['customize.spec'] }).fill('');
  await specError.filter({ hasText: de['customize.specEmpty'] }).waitFor();
  await assertGerman('an empty spec');

  await page.getByRole('radio', { name: new RegExp(`^${de['customize.mode.circuit']}\\b`) }).check();
  await page.waitForFunction(() => !!document.getElementById('c-preview').shadowRoot.querySelector('.circuit-view'));
  await page.getByRole('textbox', { name: de['customize.program'] }).fill('x = 3\ny = x *');
  await page.locator('#c-program-error').filter({ hasText: /2.*8/ }).waitFor();
  await assertGerman('circuit, a refused program');

  await page.getByRole('textbox', { name: de['customize.height'], exact: true }).fill('tall');
  await page.locator('#c-height-error').filter({ hasText: de['customize.heightBad'] }).waitFor();
  await assertGerman('a bad height');
  await page.getByRole('textbox', { name: de['customize.height'], exact: true }).fill('');

  const oneTag = de['customize.out.oneTag'];
  await page.getByRole('button', { name: `${de['customize.copy']}: ${oneTag}` }).click();
  await page.getByRole('status').filter({ hasText: `${oneTag}.` }).waitFor();
  await downloaded(c, 'german.html', `${de['customize.save']}: ${de['customize.out.file']}`);
  await page.getByRole('status').filter({ hasText: 'backprop-explorer-standalone.html' }).waitFor();
  await assertGerman('after a copy and a saved file');
  await c.b.assertClean();
});

test('German at 390 px: no mode makes the page scroll sideways (long German titles in the menus)', async () => {
  const page = c.b.page;
  await page.setViewportSize({ width: 390, height: 900 });
  await openCustomize(c);
  for (const mode of ['step', 'practice', 'train', 'circuit']) {
    await page.locator(`input[name="c-mode"][value="${mode}"]`).check();
    await page.waitForFunction((m) => document.getElementById('c-preview').getAttribute('mode') === (m === 'step' ? null : m), mode);
    await page.waitForFunction(() => document.getElementById('c-circuit-preset').options.length > 1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `${mode}: the page is ${overflow} px wider than the window`);
  }
  await c.b.shot('customize-de-390', { fullPage: true });
  await page.setViewportSize({ width: 1440, height: 1000 });
});

test("the main page's ?lang=en goes with its link to the customise page (over the German browser)", async () => {
  const page = c.b.page;
  await page.goto(c.server.url('dist/index.html?lang=en'));
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.getByRole('link', { name: 'Customise for your course' }).click();
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), catalogue('en')['customize.heading']);
});
