// Helpers for the embedding tests (tests/e2e/embed-*.test.mjs): a tiny static server that can
// add headers (a Content-Security-Policy) and serve host pages written by the test, the seed
// 002 numbers by hand, and one full step driven through the page's buttons.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { launchBrowser, repoRoot, watchPage, screenshot } from './browser.mjs';

export const distDir = path.join(repoRoot, 'dist');

/** Copies the one-tag script and its sibling files (equations, views, German texts) into `dir`, as a host would. */
export function copyScriptFiles(dir) {
  for (const f of fs.readdirSync(distDir).filter((n) => /^backprop-explorer(-[a-z]+)?\.js$/.test(n))) {
    fs.cpSync(path.join(distDir, f), path.join(dir, f));
  }
}
export { repoRoot, screenshot };

export const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// Seed 002 by hand: x = [1, 2], y = 1, W1 = [[0.1, 0.2], [0.3, 0.4]], b1 = [0.01, 0.02],
// W2 = [0.5, 0.6], b2 = 0.05, sigmoid everywhere, BCE, learning rate 0.1.
const sig = (z) => 1 / (1 + Math.exp(-z));
const z1 = [0.1 * 1 + 0.2 * 2 + 0.01, 0.3 * 1 + 0.4 * 2 + 0.02]; // [0.51, 1.12]
const a1 = z1.map(sig);
const yhat = sig(0.5 * sig(0.51) + 0.6 * sig(1.12) + 0.05);
const dZ2 = yhat - 1; // sigmoid + BCE
/** The seed 002 spec of examples/seed002.json (the document's network, data and weights). */
export const SEED002_SPEC = JSON.parse(fs.readFileSync(path.join(repoRoot, 'examples/seed002.json'), 'utf8'));

export const seed002 = {
  z1,
  yhat,
  loss: -Math.log(yhat),
  W2new: [0.5 - 0.1 * dZ2 * a1[0], 0.6 - 0.1 * dZ2 * a1[1]],
  b2new: 0.05 - 0.1 * dZ2,
};
// The hand arithmetic against the worked example's published digits.
assert.ok(Math.abs(seed002.yhat - 0.6931306594690766) < 1e-15);

export const close = (actual, expected, tol, what) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: page shows ${actual}, expected ${expected}`);

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1 (a free port), with `headers` on every response; `pages` maps
 * paths ('/host.html') to HTML text written by the test. Returns {origin, url(p), close()}.
 */
export async function serve(root, { headers = {}, pages = {} } = {}) {
  const base = fs.realpathSync(root);
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    if (pages[pathname] !== undefined) return send(200, MIME['.html'], pages[pathname]);
    if (pathname === '/favicon.ico') return send(204, 'image/x-icon', ''); // pages without an icon link
    const file = path.join(base, path.normalize(pathname === '/' ? '/index.html' : pathname));
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(404, 'text/plain', 'Not Found');
    }
    send(200, MIME[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (p = '') => `${origin}/${p.replace(/^\//, '')}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

/**
 * Chromium with one page, watched: console errors/warnings, page errors, failed requests,
 * requests that `isForeign(url)` flags, and Content-Security-Policy violation events (collected
 * by an init script in every frame).
 */
export async function openBrowser({ viewport = { width: 1280, height: 900 }, isForeign, locale } = {}) {
  const browser = await launchBrowser({ viewport, locale });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await browser.context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const watch = watchPage(page, '');
  const foreign = [];
  const requests = [];
  page.on('request', (r) => {
    requests.push(r.url());
    if (isForeign?.(r.url())) foreign.push(r.url());
  });
  return {
    page,
    context: browser.context,
    problems: watch.problems,
    foreign,
    requests,
    shot: (name, options) => screenshot(page, name, options),
    async cspViolations() {
      const all = [];
      for (const frame of page.frames()) all.push(...(await frame.evaluate(() => window.__cspViolations ?? []).catch(() => [])));
      return all;
    },
    async assertClean() {
      assert.deepEqual(foreign, [], 'requests that leave the origin');
      assert.deepEqual(watch.problems, [], 'console errors/warnings, page errors or failed requests');
      assert.deepEqual(await this.cspViolations(), [], 'Content-Security-Policy violations');
    },
    close: () => browser.close(),
  };
}

/** A URL filter: anything but data:, blob:, about: and `origin` leaves the origin. */
export function outside(origin) {
  return (u) => {
    if (/^(data|blob|about):/.test(u)) return false;
    try {
      return new URL(u).origin !== origin;
    } catch {
      return true;
    }
  };
}

async function waitAttr(locator, name, value, timeout = 10000) {
  const end = Date.now() + timeout;
  let seen;
  while (Date.now() < end) {
    seen = await locator.getAttribute(name);
    if (seen === value) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.fail(`${name} stayed ${JSON.stringify(seen)}, expected ${JSON.stringify(value)}`);
}

/**
 * One full step of seed 002 through the "Next phase" button of `scope` (a page, frame or element
 * locator holding one step-through view); `explorer` is the view's element (data-phase).
 * Checks ŷ after forward 2, the loss, and the updated W[2], b[2] and step count.
 */
export async function fullStepSeed002(scope, explorer) {
  const value = async (testid) => Number(await scope.getByTestId(testid).first().getAttribute('data-value'));
  await waitAttr(explorer, 'data-phase', 'start');
  const next = scope.getByRole('button', { name: 'Next phase', exact: true });
  const phases = ['forward 1', 'forward 2', 'loss', 'backward 2', 'backward 1', 'update'];
  for (const phase of phases) {
    await next.click();
    await waitAttr(explorer, 'data-phase', phase);
    if (phase === 'forward 1') {
      close(await value('m-Z-1-0-0'), seed002.z1[0], 1e-12, 'Z[1]₁');
      close(await value('m-Z-1-1-0'), seed002.z1[1], 1e-12, 'Z[1]₂');
    }
    if (phase === 'forward 2') close(await value('yhat'), seed002.yhat, 1e-12, 'ŷ after forward 2');
    if (phase === 'loss') close(await value('loss'), seed002.loss, 1e-12, 'loss');
  }
  close(await value('m-W-2-0-0'), seed002.W2new[0], 1e-12, 'W[2]₁ after the update');
  close(await value('m-W-2-0-1'), seed002.W2new[1], 1e-12, 'W[2]₂ after the update');
  close(await value('m-b-2-0-0'), seed002.b2new, 1e-12, 'b[2] after the update');
  assert.equal((await scope.getByTestId('step-count').first().textContent()).trim(), '1');
}
