// Recipe: a MkDocs site (Debian's mkdocs) with the one-tag embed in a Markdown page. The test
// writes the site of docs/embedding.md ("MkDocs") into a temporary folder, runs `mkdocs build`,
// serves the built site and opens it: the element is ready on the page a reader reaches from the
// home page's navigation, runs one full step of seed 002 with the numbers by hand, and nothing
// is fetched from elsewhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from './browser.mjs';
import { copyScriptFiles, fullStepSeed002, openBrowser, outside, repoRoot } from './embed-support.mjs';

// docs/embedding.md, "MkDocs": mkdocs.yml and the Markdown page.
const MKDOCS_YML = `site_name: Neural networks
nav:
  - Home: index.md
  - Backpropagation: backprop.md
  - Exercises: exercises.md
extra_javascript:
  - backprop-explorer.js
theme:
  name: mkdocs
  highlightjs: false
`;
const PAGE_MD = `# Backpropagation

Press **Next phase** to run the forward pass one layer at a time.

<backprop-explorer preset="seed002" controls="playback phases summary math"></backprop-explorer>
`;

let dir;
let server;
let b;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bpx-mkdocs-'));
  mkdirSync(path.join(dir, 'docs'));
  writeFileSync(path.join(dir, 'mkdocs.yml'), MKDOCS_YML);
  writeFileSync(path.join(dir, 'docs/index.md'), '# Neural networks\n\nThe course notes.\n');
  writeFileSync(path.join(dir, 'docs/backprop.md'), PAGE_MD);
  writeFileSync(path.join(dir, 'docs/exercises.md'), '# Exercises\n');
  copyScriptFiles(path.join(dir, 'docs')); // the script and its sibling files (the equations' backprop-explorer-math.js among them)
  execFileSync('mkdocs', ['build', '--quiet', '--site-dir', path.join(dir, 'site')], { cwd: dir, stdio: 'pipe' });
  server = await startServer(path.join(dir, 'site')); // serves folder/ as folder/index.html, like any web host
  b = await openBrowser({ viewport: { width: 1440, height: 900 }, isForeign: outside(server.origin) });
});
after(async () => {
  await b?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('docs/embedding.md shows mkdocs.yml and the page as the test writes them', () => {
  const docs = readFileSync(path.join(repoRoot, 'docs/embedding.md'), 'utf8');
  assert.ok(docs.includes(MKDOCS_YML), 'mkdocs.yml');
  assert.ok(docs.includes(PAGE_MD), 'docs/backprop.md');
});

test('mkdocs build keeps the element and loads the script relative to the page', () => {
  const html = readFileSync(path.join(dir, 'site/backprop/index.html'), 'utf8');
  assert.match(html, /<backprop-explorer preset="seed002" controls="playback phases summary math"><\/backprop-explorer>/);
  assert.match(html, /<script src="\.\.\/backprop-explorer\.js"/);
});

test('the element works on the built site, reached through its navigation', async () => {
  const page = b.page;
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(server.url('index.html'));
    const nav = page.getByRole('link', { name: 'Backpropagation' });
    // Narrow: the theme folds its navigation behind its menu button (which has no name of its own).
    if (!(await nav.first().isVisible())) await page.locator('button.navbar-toggler').first().click();
    await nav.first().click();
    await page.waitForURL(/\/backprop\/$/);
    const el = page.locator('backprop-explorer');
    await page.waitForFunction(() => document.querySelector('backprop-explorer')?.readyState === 'ready', null, { timeout: 30000 });
    await fullStepSeed002(el, el.locator('.explorer'));
    await el.scrollIntoViewIfNeeded();
    await b.shot(`recipe-mkdocs-${width}`);
  }
  // The theme's own "n" (to the next page, Exercises) does not fire while the explorer has the
  // focus: the explorer's "n" (next phase) wins.
  await page.keyboard.press('n');
  await page.waitForFunction(() => document.querySelector('backprop-explorer').shadowRoot.querySelector('.explorer').dataset.phase === 'forward 1');
  assert.match(page.url(), /\/backprop\/$/);
  await b.assertClean();
});
