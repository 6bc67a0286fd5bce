// What embed.html and the element let other origins learn. A page on another origin that
// frames embed.html?src=<a same-origin file> gets no message at all (the frame posts only to
// its own origin or the declared ?parent-origin=), and when it declares itself, the error it
// gets quotes nothing of the file. The element loads src only from its own origin (or those
// in src-origins), refuses data: URLs, and each load has its own `ready` promise.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { STRICT_CSP, distDir, openBrowser, repoRoot, serve } from './embed-support.mjs';

const seed002 = JSON.parse(readFileSync(`${repoRoot}/examples/seed002.json`, 'utf8'));

const SECRET = 'SECRET-TOKEN-4242';
const hostPage = (frames) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>other origin</title><link rel="icon" href="data:,">
<script>
  window.__messages = [];
  addEventListener('message', (e) => window.__messages.push(JSON.stringify(e.data)));
</script></head><body>${frames}</body></html>`;
const ELEMENT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>element</title><link rel="icon" href="data:,">
<script defer src="backprop-explorer.js"></script></head><body></body></html>`;

let home; // dist/ with a private file and a page with the element
let other; // another origin (another port): the framing page, and a spec served with CORS
let b;
before(async () => {
  home = await serve(distDir, { pages: { '/private/secret.txt': `${SECRET} do not share`, '/element.html': ELEMENT_PAGE } });
  const framed = (q, id) => `<iframe id="${id}" src="${home.url(`embed.html?${q}&id=${id}`)}" title="${id}"></iframe>`;
  other = await serve(distDir, {
    headers: { 'Access-Control-Allow-Origin': '*' },
    pages: {
      '/spec.json': JSON.stringify(seed002),
      '/silent.html': hostPage(framed('src=/private/secret.txt', 'silent')),
    },
  });
  b = await openBrowser();
});
after(async () => {
  await b?.close();
  await home?.close();
  await other?.close();
});

async function frameSettled(page, id) {
  await page.frameLocator(`#${id}`).locator('backprop-explorer').waitFor({ state: 'attached', timeout: 20000 });
  const frame = page.frames().find((f) => f.url().includes(`id=${id}`));
  await frame.waitForFunction(() => document.querySelector('backprop-explorer')?.readyState !== 'loading', null, { timeout: 20000 });
  return frame;
}

test('a page on another origin framing embed.html?src=<private file> gets no message', async () => {
  await b.page.goto(other.url('silent.html'));
  const frame = await frameSettled(b.page, 'silent');
  assert.equal(await frame.evaluate(() => document.querySelector('backprop-explorer').readyState), 'error');
  // The frame itself shows why (its pixels are not readable from the parent).
  assert.match(await frame.locator('backprop-explorer').evaluate((el) => el.shadowRoot.textContent), /not valid JSON/);
  await b.page.waitForTimeout(300); // messages already posted would have arrived
  assert.deepEqual(await b.page.evaluate(() => window.__messages), []);
});

test('a declared parent origin gets messages, and an error of a src spec quotes nothing of it', async () => {
  const q = `src=/private/secret.txt&parent-origin=${encodeURIComponent(other.origin)}`;
  await b.page.goto(other.url('silent.html'));
  await b.page.evaluate(([url]) => {
    document.body.innerHTML = `<iframe id="declared" src="${url}" title="declared"></iframe>`;
  }, [home.url(`embed.html?${q}&id=declared`)]);
  await frameSettled(b.page, 'declared');
  await b.page.waitForFunction(() => window.__messages.some((m) => m.includes('"error"')), null, { timeout: 10000 });
  const messages = await b.page.evaluate(() => window.__messages);
  assert.ok(messages.some((m) => m.includes('"resize"')), 'resize messages arrive');
  for (const m of messages) assert.ok(!m.includes('SECRET'), `a message quotes the file: ${m}`);
  const error = JSON.parse(messages.find((m) => m.includes('"error"')));
  assert.equal(error.detail.message, 'the spec at src could not be used; the frame shows why');
});

async function elementWith(attrs) {
  await b.page.goto(home.url('element.html'));
  return b.page.evaluate(async (a) => {
    await customElements.whenDefined('backprop-explorer');
    const el = document.createElement('backprop-explorer');
    for (const [k, v] of Object.entries(a)) el.setAttribute(k, v);
    document.body.append(el);
    try {
      await el.ready;
      return { ok: true };
    } catch (e) {
      return { ok: false, message: e.message };
    }
  }, attrs);
}

test('the element loads src from its own origin, others only when listed, never data:', async () => {
  const data = `data:application/json,${encodeURIComponent(JSON.stringify(seed002))}`;
  assert.deepEqual(await elementWith({ src: data }), { ok: false, message: 'src: data: URLs are not loaded; put the spec in the spec attribute' });
  const foreign = await elementWith({ src: other.url('spec.json') });
  assert.equal(foreign.ok, false);
  assert.equal(foreign.message, `src: ${other.origin} is another origin; list it in the src-origins attribute to load from it`);
  assert.deepEqual(await elementWith({ src: other.url('spec.json'), 'src-origins': other.origin }), { ok: true });
  // Same origin: the file's content never appears in the error.
  const secret = await elementWith({ src: '/private/secret.txt' });
  assert.equal(secret.ok, false);
  assert.equal(secret.message, `src: ${home.url('private/secret.txt')} is not valid JSON`);
});

test('each load of the element has its own ready promise', async () => {
  await b.page.goto(home.url('element.html'));
  const outcomes = await b.page.evaluate(async ([good]) => {
    await customElements.whenDefined('backprop-explorer');
    const el = document.createElement('backprop-explorer');
    const settle = (p) => p.then((x) => (x === el ? 'ready' : 'other'), (e) => `error: ${e.message}`);
    el.setAttribute('spec', '{"layers": [2, 0]}');
    document.body.append(el);
    const out = [await settle(el.ready)];
    el.setAttribute('spec', good); // invalid -> valid: the new promise resolves
    out.push(await settle(el.ready));
    el.setAttribute('spec', '{"layers": [3, 0]}'); // valid -> invalid: the new promise rejects
    out.push(await settle(el.ready));
    return out;
  }, [JSON.stringify(seed002)]);
  assert.equal(outcomes[0].startsWith('error: layers[1]'), true, outcomes[0]);
  assert.equal(outcomes[1], 'ready');
  assert.equal(outcomes[2].startsWith('error: layers[1]'), true, outcomes[2]);
});

test("the built pages load under default-src 'self' without a violation (the icon is a file)", async () => {
  const strict = await serve(distDir, { headers: { 'Content-Security-Policy': `default-src 'self'; ${STRICT_CSP}` } });
  try {
    for (const page of ['index.html', 'embed.html?preset=xor', 'gallery.html']) {
      await b.page.goto(strict.url(page));
      await b.page.waitForFunction(() => document.readyState === 'complete');
      await b.page.waitForTimeout(300); // the icon is requested after load
      const violations = await b.page.evaluate(() => window.__cspViolations);
      assert.deepEqual(violations, [], page);
    }
  } finally {
    await strict.close();
  }
});
