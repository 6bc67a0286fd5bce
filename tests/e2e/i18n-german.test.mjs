// The page in German, walked like a person walks it: the step-through view phase by phase,
// the Code tab, the inspector, the value editor, practice, the circuit view and the keyboard
// help. At every stop no visible English UI string may remain: every visible text node,
// aria-label, title, placeholder and menu option is compared with the English catalogue's
// values (web/src/i18n/en*.ts) and with the engine's English words the page shows in English
// (circuit presets, loss names). The same scanner on the English page must find them (so the
// check can fail). Numbers typed with a decimal comma reach the engine; ?decimal=locale shows
// commas; the browser's language alone picks German; <backprop-explorer lang="de"> speaks German.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './browser.mjs';
import { englishAmong, englishMatchers, visibleStrings } from './i18n-support.mjs';

const matchers = englishMatchers();
/** Engine words in English, read off the English page (circuit presets' titles and text, losses). */
let engineWords = [];

/**
 * The views the walk visits, each opened from the step-through view of a fresh German page.
 * Adding a view is one line: { name, open: async (page) => { ...clicks... } }. For the training
 * view (once web/src/train/ speaks German):
 *   { name: 'train', open: (page) => page.getByRole('tab', { name: 'Trainieren' }).click() },
 */
const VIEWS = [
  { name: 'step-start', open: async () => {} },
  { name: 'step-phases', open: (page) => walkPhases(page) },
  { name: 'code', open: (page) => page.getByRole('tab', { name: 'Code', exact: true }).click() },
  { name: 'inspector', open: (page) => openInspector(page) },
  { name: 'value-editor', open: (page) => page.getByRole('button', { name: /^Gewicht W\[1\] Zeile 1, Spalte 1 bearbeiten/ }).click() },
  { name: 'practice', open: (page) => practise(page) },
  { name: 'circuit', open: (page) => walkCircuit(page) },
  { name: 'help', open: (page) => page.getByRole('button', { name: 'Tastenkürzel' }).click() },
];

let app;
before(async () => {
  app = await openApp({ viewport: { width: 1440, height: 900 } });
  // The English words the engine writes, as the English page shows them.
  await app.load('?lang=en&mode=circuit');
  const circuit = app.page.locator('.circuit-view');
  const presets = await circuit.locator('.circuit-preset select option').allTextContents();
  engineWords = presets.filter((p) => /[a-z]{3} [a-z]{2,}/i.test(p) && !p.startsWith('('));
  engineWords.push((await circuit.locator('.circuit-about').textContent()).trim());
  await app.load('?lang=en');
  engineWords.push(...(await app.page.locator('.structure select').nth(-2).locator('option').allTextContents()));
  assert.ok(engineWords.length >= 6, `engine words read: ${engineWords.join(' | ')}`);
});
after(async () => {
  await app?.close();
});

async function nextPhase(page) {
  await page.getByRole('button', { name: 'Nächste Phase', exact: true }).first().click();
  await page.waitForFunction(() => !document.querySelector('.explorer[data-animating]'));
}

/** Every phase of seed 002's first step, scanning after each. */
async function walkPhases(page) {
  for (let k = 0; k < 6; k++) {
    await nextPhase(page);
    await assertGerman(page, `phase ${k + 1} (${await page.locator('.explorer').getAttribute('data-phase')})`);
  }
}

async function openInspector(page) {
  await nextPhase(page);
  await page.getByRole('button', { name: /^Neuron Einheit 1 von Schicht 2 untersuchen/ }).click();
  const dialog = page.getByRole('dialog', { name: /Neuron 1 von Schicht 2/ });
  await dialog.waitFor();
  await assertGerman(page, 'inspector after Vorwärts 1');
  await dialog.getByRole('button', { name: 'Zusammengefasst' }).click();
  await dialog.getByRole('button', { name: 'Nächste Phase' }).click();
  await dialog.getByRole('button', { name: 'Nächste Phase' }).click();
  await dialog.getByRole('button', { name: 'der Aktivierung' }).click();
  assert.match(await dialog.getByTestId('inspector-phase').textContent(), /Phase Verlust · als Nächstes: Rückwärts 2/);
}

async function practise(page) {
  await page.getByRole('button', { name: 'Üben beginnen' }).click();
  const box = page.getByRole('textbox', { name: /^Ihr Wert für/ });
  await box.fill('0,62'); // Z[1](0,0) is 0.51: wrong, and typed with a decimal comma
  await box.press('Enter');
  const feedback = page.locator('.practice-feedback');
  assert.match(await feedback.textContent(), /^Noch nicht/);
  await page.getByRole('button', { name: 'Tipp', exact: true }).click();
  assert.match(await page.locator('.practice-hint').textContent(), /^Tipp 1 von 3: /);
  await box.fill('0,51'); // 1·0.1 + 2·0.2 + 0.01 = 0.51 (by hand)
  await box.press('Enter');
  assert.match(await feedback.textContent(), /^Richtig: .* \(auf die 2 eingegebenen Stellen\)\./);
}

async function walkCircuit(page) {
  await page.getByRole('tab', { name: 'Schaltkreis' }).click();
  const next = page.getByRole('button', { name: 'Nächstes Gatter' });
  for (let k = 0; k < 4; k++) await next.click(); // CS231n f = (x + y) z: 2 gates forward, then back
  assert.match(await page.locator('.circuit-indicator').textContent(), /^Rückwärts: Schritt 4 von 4/);
  assert.match(await page.locator('.circuit-narration').textContent(), /Addition verteilt|Multiplikation tauscht/);
}

async function assertGerman(page, where) {
  const hits = englishAmong(await visibleStrings(page), matchers, engineWords);
  assert.deepEqual(hits, [], `English on the German page (${where})`);
}

for (const view of VIEWS) {
  test(`German: ${view.name} shows no English UI string`, async () => {
    await app.load('?lang=de&preset=seed002');
    assert.equal(await app.page.evaluate(() => document.documentElement.lang), 'de');
    await view.open(app.page);
    await assertGerman(app.page, view.name);
    await app.screenshot(`i18n-de-${view.name}`);
  });
}

test('the scanner finds the English of the English page (the check can fail)', async () => {
  await app.load('?lang=en&preset=seed002');
  await app.page.getByRole('button', { name: 'Next phase', exact: true }).first().click();
  const hits = englishAmong(await visibleStrings(app.page), matchers, engineWords);
  const texts = new Set(hits.map((h) => h.text));
  for (const s of ['Next phase', 'Equations', 'parameter (W, b: learned)', 'Forward, layer 1', 'Edit the network']) assert.ok(texts.has(s), `${s} found`);
  assert.ok(hits.length > 40, `${hits.length} English strings found`);
});

test('errors: the engine code in German, the engine message as English detail', async () => {
  await app.load('?lang=de&preset=seed002');
  const page = app.page;
  await page.getByText('Netzbeschreibung (JSON)').click();
  await page.getByRole('textbox', { name: 'Netzbeschreibung als JSON' }).fill('{"layers": [2, 0, 1], "activations": ["sigmoid", "sigmoid"]}');
  await page.getByRole('button', { name: 'Beschreibung übernehmen' }).click();
  const error = page.locator('.edit-error');
  assert.match(await error.textContent(), /^Die Netzbeschreibung ist bei layers\[1\] ungültig\./);
  const detail = error.locator('.engine-detail');
  assert.equal(await detail.getAttribute('lang'), 'en');
  assert.match(await detail.textContent(), /layers\[1\]/);
  await assertGerman(page, 'spec error');
});

test('decimal comma: typed in the value editor and the learning rate, shown with ?decimal=locale', async () => {
  await app.load('?lang=de&decimal=locale&preset=seed002');
  const page = app.page;
  await page.getByRole('button', { name: /^Gewicht W\[1\] Zeile 1, Spalte 1 bearbeiten/ }).click();
  const box = page.getByRole('textbox', { name: /^Gewicht W\[1\] Zeile 1, Spalte 1$/ });
  assert.equal(await box.inputValue(), '0,1'); // the value shown with the locale's separator
  await box.fill('0,25');
  await page.getByRole('button', { name: 'Übernehmen' }).click();
  const spec = () => page.evaluate(() => JSON.parse(document.querySelector('.spec-editor textarea').value));
  assert.equal((await spec()).init.weights[0][0][0], 0.25);
  const lr = page.getByRole('textbox', { name: 'Lernrate η' });
  await lr.fill('0,05');
  await lr.press('Enter');
  await lr.blur();
  assert.equal((await spec()).optimizer.learning_rate, 0.05);
  await nextPhase(page);
  // z1 = 0.25·1 + 0.2·2 + 0.01 = 0.66; a = σ(0.66) = 0.6592…: shown as 0,6592…, exact in data-value.
  const a = page.locator('[data-testid="neuron-value"]').first();
  assert.match(await a.textContent(), /^0,6\d*$/);
  await app.screenshot('i18n-de-decimal-comma');
});

test('the browser language alone picks German; lang=en keeps English', async () => {
  const de = await openApp({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
  try {
    await de.load('?preset=seed002');
    assert.equal(await de.page.getByRole('tab', { name: 'Schrittweise' }).getAttribute('aria-selected'), 'true');
    await de.page.getByRole('button', { name: 'Nächste Phase', exact: true }).first().waitFor();
    await de.screenshot('i18n-de-browser-390');
    await de.load('?lang=en');
    await de.page.getByRole('button', { name: 'Next phase', exact: true }).first().waitFor();
    de.assertClean();
  } finally {
    await de.close();
  }
});

test('<backprop-explorer lang="de"> through embed.html?lang=de speaks German', async () => {
  await app.page.goto(app.url('embed.html?lang=de&preset=seed002'));
  await app.page.locator('body[data-ready="true"]').waitFor({ timeout: 20000 });
  const next = app.page.getByRole('button', { name: 'Nächste Phase', exact: true });
  await next.click();
  assert.equal(await app.page.locator('backprop-explorer').getAttribute('lang'), 'de');
  await assertGerman(app.page, 'embed.html');
  app.assertClean();
});
