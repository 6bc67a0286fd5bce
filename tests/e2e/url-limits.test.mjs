// Oversized links (web/src/page-params.ts): a fragment of megabytes (a t.hidden list of 10^6
// entries, about the longest URL Chromium accepts) is not read. The page and embed.html open with
// their defaults, say why in their language, and put no multi-megabyte URL back into the address
// bar. A long list below that cap is read, and rejected by the settings table with a message
// that names the limit, not the whole list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { distDir, openBrowser, outside, serve } from './embed-support.mjs';
import { catalogue } from './i18n-support.mjs';

let server;
let b;
before(async () => {
  server = await serve(distDir);
  b = await openBrowser({ viewport: { width: 1200, height: 900 }, isForeign: outside(server.origin) });
});
after(async () => {
  await b?.close();
  await server?.close();
});

const hiddenList = (n) => Array(n).fill('4').join(',');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The catalogue's page.linkTooLong for a link of `chars` characters, its {max} left open. */
function tooLongPattern(lang, chars) {
  const [head, tail] = catalogue(lang)['page.linkTooLong'].replace('{chars}', chars.toLocaleString('en')).split('{max}');
  return new RegExp(`^${escape(head)}([\\d,]+)${escape(tail)}$`);
}

async function open(path, ready) {
  await b.page.goto('about:blank');
  await b.page.goto(server.url(path));
  await b.page.waitForSelector(ready, { timeout: 30000 });
}

for (const [page, ready, message] of [
  ['index.html', 'body[data-ready="true"]', '#app-status'],
  ['embed.html', 'backprop-explorer', 'body > p[role="alert"]'],
]) {
  test(`${page}: a t.hidden list of 10^6 entries is not read, and not written back`, async () => {
    const hash = `#mode=train&t.hidden=${hiddenList(1e6)}`;
    assert.ok(hash.length > 2e6, `a fragment of ${hash.length} characters`);
    await open(`${page}${hash}`, ready);
    await b.page.waitForSelector(message);
    const text = (await b.page.locator(message).textContent()).trim();
    const m = text.match(tooLongPattern('en', hash.length));
    assert.ok(m, `the message: ${text.slice(0, 300)}`);
    const max = Number(m[1].replace(/,/g, ''));
    assert.ok(max < hash.length / 10, `the cap (${max}) is far below the link's length`);
    // A view writes its state when it is shown: after the page (or the frame's element) is ready.
    await b.page.evaluate(() => document.querySelector('backprop-explorer')?.ready);
    const url = b.page.url();
    assert.ok(url.length <= max, `the address after loading is ${url.length} characters long`);
    assert.equal(new URLSearchParams(new URL(url).hash.slice(1)).get('t.hidden'), null, 'the list was not written back');
    await b.assertClean();
  });
}

test('a t.hidden list below the cap but longer than the layers allowed is refused by the settings', async () => {
  const list = hiddenList(10000);
  await open(`index.html#mode=train&t.hidden=${list}`, 'body[data-ready="true"]');
  const view = b.page.locator('.bpx-train');
  await view.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 30000 });
  const shown = await view.evaluate((el) => el.textContent);
  assert.ok(!shown.includes(list.slice(0, 200)), 'the list is not echoed back');
  assert.match(shown, /at most \d+ numbers, got 10000/, 'the message names the limit');
  // What the view writes back holds no more layers than it may have (nor activations for them).
  const url = b.page.url();
  assert.ok(url.length < 1000, `the address after loading is ${url.length} characters long`);
  await b.assertClean();
});
