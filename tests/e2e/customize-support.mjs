// Helpers of the customise page's tests (tests/e2e/customize*.test.mjs): a course folder served
// beside dist/, the page opened and settled, each output used as a course uses it (a host page
// with the one-tag snippet, another with the iframe snippet, the link opened, the standalone
// file downloaded and opened from disk), and what a student sees of an element (fingerprints
// compared with the preview's).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { watchPage } from './browser.mjs';
import { distDir, openBrowser, outside, serve } from './embed-support.mjs';

export const ONE_TAG = 'One tag (course pages that allow scripts)';
export const IFRAME = 'iframe (LMS pages that strip scripts keep the iframe)';
export const LINK = 'Link: exactly this, in a whole browser tab';
export const FULL = 'Link: the full explorer, opened at this example';
export const FILE = 'One file: exactly this, with nothing to install';

/** A temp folder with dist/ (a link) and course/ (host pages), served; a watched browser on it. */
export async function course({ viewport = { width: 1440, height: 1000 }, locale } = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'bpx-course-'));
  symlinkSync(distDir, path.join(root, 'dist'));
  mkdirSync(path.join(root, 'course'));
  mkdirSync(path.join(root, 'saved'));
  const server = await serve(root);
  const b = await openBrowser({ isForeign: outside(server.origin), viewport, locale });
  await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  return {
    root,
    server,
    b,
    async close() {
      await b.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Opens dist/customize.html (with `query`) and waits for the page and its preview. */
export async function openCustomize(c, query = '') {
  await c.b.page.goto(c.server.url(`dist/customize.html${query}`));
  await c.b.page.waitForFunction(() => document.body.dataset.ready === 'true' && document.getElementById('c-preview').readyState === 'ready');
}

/** Waits until the element matching `selector` (in `scope`, a page or frame) is ready with `attrs`. */
export async function settled(scope, selector, attrs = {}) {
  await scope.waitForFunction(
    ([sel, want]) => {
      const el = document.querySelector(sel);
      return el?.readyState === 'ready' && !!el.session && Object.entries(want).every(([k, v]) => el.getAttribute(k) === v);
    },
    [selector, attrs],
    { timeout: 20000 },
  );
}

export const hostPage = (title, body) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,"></head>\n<body><h1>${title}</h1>\n${body}\n</body></html>\n`;

/** The text of output `title` after pressing its Copy button (read back from the clipboard). */
export async function copied(c, title, { copy = `Copy: ${title}`, status = `Copied: ${title}.` } = {}) {
  const page = c.b.page;
  await page.getByRole('button', { name: copy }).click();
  await page.getByRole('status').filter({ hasText: status }).waitFor();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(clip, await page.getByRole('textbox', { name: title }).inputValue(), 'the clipboard holds the text shown');
  return clip;
}

/** Presses the file output's button, saves the download into saved/`name`; returns its path. */
export async function downloaded(c, name, button = `Download: ${FILE}`) {
  const [saved] = await Promise.all([c.b.page.waitForEvent('download'), c.b.page.getByRole('button', { name: button }).click()]);
  assert.equal(saved.suggestedFilename(), 'backprop-explorer-standalone.html');
  const file = path.join(c.root, 'saved', name);
  await saved.saveAs(file);
  return file;
}

/**
 * `fingerprint` (a function run in the page on a selector) of what each output shows: the
 * one-tag snippet and the iframe snippet in host pages of course/, the link opened, the saved
 * file opened from file:// in a page of its own that may request nothing but itself.
 * Returns {oneTag, iframe, link, file} (each fingerprint) and the iframe's title.
 */
export async function eachOutput(c, { snippet, iframe, link, file }, fingerprint, extra = {}) {
  const arg = { selector: 'backprop-explorer', ...extra };
  const page = c.b.page;
  const out = {};
  writeFileSync(path.join(c.root, 'course/one-tag.html'), hostPage('Week 3: one tag', snippet));
  await page.goto(c.server.url('course/one-tag.html'));
  await settled(page, 'backprop-explorer');
  out.oneTag = await page.evaluate(fingerprint, arg);

  writeFileSync(path.join(c.root, 'course/iframe.html'), hostPage('Week 3: in a frame', iframe));
  await page.goto(c.server.url('course/iframe.html'));
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame.waitForFunction(() => document.body.dataset.ready === 'true');
  await settled(frame, 'backprop-explorer');
  out.iframe = await frame.evaluate(fingerprint, arg);
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 300); // iframe-resize.js fitted it
  out.iframeTitle = await page.locator('iframe').getAttribute('title');

  await page.goto(link);
  await settled(page, 'backprop-explorer');
  out.link = await page.evaluate(fingerprint, arg);

  const disk = await c.b.context.newPage();
  const requests = [];
  disk.on('request', (r) => requests.push(r.url()));
  const { problems } = watchPage(disk, '');
  const href = pathToFileURL(file).href;
  await disk.goto(href);
  await disk.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await settled(disk, 'backprop-explorer');
  out.file = await disk.evaluate(fingerprint, arg);
  assert.deepEqual(requests, [href], 'the saved file requests nothing but itself');
  assert.deepEqual(problems, [], 'the saved file: no console errors or warnings');
  await disk.close();
  return out;
}
