// Helpers for the browser tests: a local static server over a folder (scripts/static-server.mjs
// on a free port), Debian's Chromium through playwright-core (never a downloaded browser), and
// collectors for console problems, requests to other origins and screenshots.
//
//   const app = await openApp({ root: 'dist' });            // server + browser + page
//   await app.page.goto(app.url('?mode=train'));
//   await app.screenshot('train-initial');                   // test-results/train-initial.png
//   app.assertClean();                                       // no console errors/warnings, no foreign requests
//   await app.close();
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const resultsDir = path.join(repoRoot, 'test-results');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts scripts/static-server.mjs over `root` on a free port. Returns {origin, url(p), stop()}. */
export async function startServer(root = path.join(repoRoot, 'dist')) {
  const absRoot = path.resolve(repoRoot, root);
  if (!existsSync(path.join(absRoot, 'index.html'))) {
    throw new Error(`${absRoot}/index.html does not exist: run \`npm run build\` first`);
  }
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/static-server.mjs'), absRoot], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`static server did not start: ${out}${err}`)), 10000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`static server exited (${code}): ${err}`));
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (p = '') => `${origin}/${p.replace(/^\//, '')}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Launches /usr/bin/chromium headless with a fresh user-data dir. Returns {browser, context, close()}. */
export async function launchBrowser({ viewport = { width: 1280, height: 800 }, reducedMotion = 'no-preference', locale, touch = false } = {}) {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'bpx-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    reducedMotion,
    acceptDownloads: true,
    ...(touch ? { hasTouch: true, isMobile: true } : {}), // a phone's touch screen
    ...(locale ? { locale } : {}), // navigator.languages, e.g. 'de-DE' (default: the machine's)
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Watches a page: console errors and warnings, page errors, failed requests, and every
 * request whose origin is not `origin` (data:, blob: and about: are local).
 */
export function watchPage(page, origin) {
  const problems = [];
  const foreign = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('request', (req) => {
    const u = req.url();
    if (/^(data|blob|about):/.test(u)) return;
    try {
      if (new URL(u).origin !== origin) foreign.push(u);
    } catch {
      foreign.push(u);
    }
  });
  page.on('requestfailed', (req) => {
    const u = req.url();
    if (!/^(data|blob|about):/.test(u)) problems.push(`request failed: ${u} (${req.failure()?.errorText})`);
  });
  return { problems, foreign };
}

/** Saves a full-page screenshot to test-results/<name>.png and returns its path. */
export async function screenshot(page, name, options = {}) {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false, ...options });
  return file;
}

/**
 * Resizes the page's viewport and waits until the page has laid out at the new width (reads
 * that do not wait, such as isVisible, could otherwise still see the old width's layout).
 */
export async function resizeTo(page, width, height) {
  await page.setViewportSize({ width, height });
  await page.waitForFunction((w) => window.innerWidth === w && new Promise((r) => requestAnimationFrame(() => r(true))), width);
}

/**
 * Server + browser + one page, watched. `root` is served (default dist/).
 * Returns {page, context, origin, url(p), screenshot(name), problems, foreign, assertClean(), close()}.
 */
export async function openApp({ root, viewport, reducedMotion, locale, touch, path: startPath = '' } = {}) {
  const server = await startServer(root);
  let browser;
  try {
    browser = await launchBrowser({ viewport, reducedMotion, locale, touch });
  } catch (e) {
    await server.stop();
    throw e;
  }
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const watch = watchPage(page, server.origin);
  const app = {
    page,
    context: browser.context,
    origin: server.origin,
    url: server.url,
    problems: watch.problems,
    foreign: watch.foreign,
    screenshot: (name, options) => screenshot(page, name, options),
    /** Loads the page and waits for the app to be ready (body[data-ready]). */
    async load(p = startPath) {
      await page.goto(server.url(p));
      await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    },
    assertClean() {
      assert.deepEqual(watch.foreign, [], 'requests to another origin');
      assert.deepEqual(watch.problems, [], 'console errors/warnings or failed requests');
    },
    async close() {
      await browser.close();
      await server.stop();
    },
  };
  return app;
}
