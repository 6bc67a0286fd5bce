// Page-side figures of the benchmark report:
//  - gzipped size of the one-tag script (dist/backprop-explorer.js), of the engine alone
//    (bindings/wasm/dist/bpx_wasm.wasm and bpx_wasm_single.js) and of the page's payload under dist/ (KaTeX fonts counted as the .woff2 files the CSS names:
//    browsers fetch those and never the .woff/.ttf fallbacks);
//  - time from navigation to "ready" (document.body.dataset.ready === 'true') in headless
//    Chromium (/usr/bin/chromium through playwright-core, never a downloaded browser),
//    first load in a fresh browser ("cold") and reloads ("warm"), with what was fetched;
//  - the same for a minimal page (bench/page/minimal.html) that only loads the one-tag
//    script and creates a session: the module's own load time.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, startServer } from '../tests/e2e/browser.mjs';  // the flags this machine kind needs (docs/architecture.md)
import { median } from './lib/stats.mjs';


export const gzipBytes = (buf) => gzipSync(buf, { level: 9 }).length;

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

const isFont = (f) => /\.(woff2?|ttf|otf|eot)$/i.test(f);

const STANDALONE = 'dist/backprop-explorer-standalone.html';

/** Sizes of the one-tag script, of the standalone file and of dist/ (null when dist/ has no index.html). */
export function payloadSizes(repoRoot) {
  const result = { single: null, wasm: null, bundle: null, standalone: null, page: null };
  const measure = (file) => {
    if (!existsSync(file)) return null;
    const buf = readFileSync(file);
    return { raw: buf.length, gzip: gzipBytes(buf) };
  };
  result.single = measure(path.join(repoRoot, 'bindings/wasm/dist/bpx_wasm_single.js'));
  result.wasm = measure(path.join(repoRoot, 'bindings/wasm/dist/bpx_wasm.wasm'));
  // The one-tag script of the page and of embeds: engine, code, styles and fonts in one file.
  result.bundle = measure(path.join(repoRoot, 'dist/backprop-explorer.js'));
  // The one self-contained file (the page with the bundle inline): a download, not part of what the page loads.
  result.standalone = measure(path.join(repoRoot, STANDALONE));
  const dist = path.join(repoRoot, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) return result;
  const files = walk(dist).filter((f) => f !== path.join(repoRoot, STANDALONE));
  const referencedFonts = new Set();
  for (const f of files.filter((f) => f.endsWith('.css'))) {
    for (const m of readFileSync(f, 'utf8').matchAll(/url\(\s*['"]?([^'")]+\.woff2)['"]?\s*\)/g)) {
      referencedFonts.add(path.resolve(path.dirname(f), m[1]));
    }
  }
  const groups = { html: 0, js: 0, css: 0, wasm: 0, other: 0, fonts: 0 };
  const raw = { ...groups };
  let fontCount = 0;
  for (const f of files) {
    const buf = readFileSync(f);
    if (isFont(f)) {
      if (!referencedFonts.has(f)) continue;
      groups.fonts += buf.length; // woff2 is compressed already; servers send it as is
      raw.fonts += buf.length;
      fontCount++;
      continue;
    }
    const ext = path.extname(f).slice(1);
    const key = ext in groups ? ext : ext === 'mjs' ? 'js' : 'other';
    groups[key] += gzipBytes(buf);
    raw[key] += buf.length;
  }
  const total = Object.values(groups).reduce((a, b) => a + b, 0);
  const totalRaw = Object.values(raw).reduce((a, b) => a + b, 0);
  result.page = { gzip: groups, raw, total, totalRaw, fontCount, fontsReferenced: referencedFonts.size };
  return result;
}

function loadPlaywright(repoRoot) {
  for (const base of [path.join(repoRoot, 'bench'), repoRoot]) {
    try {
      return createRequire(path.join(base, 'package.json'))('playwright-core');
    } catch {
      // try the next place
    }
  }
  return null;
}

// Records performance.now() (ms since navigation start) when body[data-ready] becomes 'true'.
const READY_PROBE = `(() => {
  const seen = () => {
    if (!window.__bpxReadyAt && document.body && document.body.dataset.ready === 'true') {
      window.__bpxReadyAt = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
})();`;

async function timeNavigations(chromium, url, { cold, warm, origin }) {
  const coldMs = [];
  const warmMs = [];
  const fetched = new Map(); // url path -> bytes of the first cold load
  const foreign = [];
  const errors = [];
  for (let i = 0; i < cold; i++) {
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'bpx-bench-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
    try {
      await context.addInitScript(READY_PROBE);
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => {
        const u = r.url();
        if (!u.startsWith(origin) && !u.startsWith('data:')) foreign.push(u);
        else if (i === 0 && u.startsWith(origin)) fetched.set(new URL(u).pathname, 0);
      });
      await page.goto(url);
      await page.waitForFunction(() => window.__bpxReadyAt !== undefined, null, { timeout: 30000 });
      coldMs.push(await page.evaluate(() => window.__bpxReadyAt));
      if (i === cold - 1) {
        for (let k = 0; k < warm; k++) {
          await page.reload();
          await page.waitForFunction(() => window.__bpxReadyAt !== undefined, null, { timeout: 30000 });
          warmMs.push(await page.evaluate(() => window.__bpxReadyAt));
        }
      }
    } finally {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  }
  return { coldMs, warmMs, cold: median(coldMs), warm: median(warmMs), fetched: [...fetched.keys()], foreign, errors };
}

/** Gzipped bytes of the files a page fetched (paths relative to the served root). */
function fetchedBytes(root, paths) {
  let gzip = 0;
  let fonts = 0;
  for (const p of paths) {
    const f = path.join(root, decodeURIComponent(p === '/' ? '/index.html' : p));
    if (!existsSync(f) || statSync(f).isDirectory()) continue;
    const buf = readFileSync(f);
    if (isFont(f)) fonts += buf.length;
    else gzip += gzipBytes(buf);
  }
  return { gzip, fonts, total: gzip + fonts, files: paths.length };
}

/**
 * Navigation-to-ready times. The real page (dist/) when it is built and sets
 * body[data-ready]; always also the minimal page that only loads the one-tag script.
 */
export async function readyTimes(repoRoot, { cold = 3, warm = 7 } = {}) {
  const pw = loadPlaywright(repoRoot);
  if (!pw) return { skipped: 'playwright-core is not installed (npm ci at the repository root)' };
  if (!existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium')) return { skipped: '/usr/bin/chromium is not installed' };
  const out = {};
  const dist = path.join(repoRoot, 'dist');
  const hasPage = existsSync(path.join(dist, 'index.html'));
  const hasSignal = hasPage && walk(dist).some((f) => f.endsWith('.js') && readFileSync(f, 'utf8').includes('dataset.ready'));
  if (hasSignal) {
    const server = await startServer(dist);
    try {
      const r = await timeNavigations(pw.chromium, `${server.origin}/`, { cold, warm, origin: server.origin });
      out.page = { ...r, bytes: fetchedBytes(dist, r.fetched) };
    } finally {
      await server.stop();
    }
  } else {
    out.page = { skipped: hasPage ? 'dist/ has no ready signal (body[data-ready])' : 'dist/ is not built (npm run build)' };
  }
  const single = path.join(repoRoot, 'bindings/wasm/dist/bpx_wasm_single.js');
  if (existsSync(single)) {
    const dir = mkdtempSync(path.join(tmpdir(), 'bpx-bench-minimal-'));
    copyFileSync(path.join(repoRoot, 'bench/page/minimal.html'), path.join(dir, 'index.html'));
    copyFileSync(single, path.join(dir, 'bpx_wasm_single.js'));
    const server = await startServer(dir);
    try {
      const r = await timeNavigations(pw.chromium, `${server.origin}/`, { cold, warm, origin: server.origin });
      out.minimal = { ...r, bytes: fetchedBytes(dir, r.fetched) };
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
