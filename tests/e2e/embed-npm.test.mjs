// The npm package: `npm pack` here, `npm install --offline` of the tarball into an empty project
// in a temporary folder, the documented imports built there with Vite (this repository's Vite
// binary; no network), served and loaded in Chromium:
//   import { createEngine } from 'backprop-explorer';
//   import wasmUrl from 'backprop-explorer/dist/bpx_wasm.wasm?url';
//   import 'backprop-explorer/element';
// The engine computes seed 002's forward pass with the numbers computed by hand, and a
// <backprop-explorer> of the package reaches "ready" and runs one full step; the console stays
// clean and no request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { close, fullStepSeed002, openBrowser, outside, repoRoot, seed002, serve } from './embed-support.mjs';

const MAIN = `import { createEngine } from 'backprop-explorer';
import wasmUrl from 'backprop-explorer/dist/bpx_wasm.wasm?url';
import 'backprop-explorer/element';

async function main() {
  const engine = await createEngine({ locateFile: (file) => (file.endsWith('.wasm') ? wasmUrl : file) });
  const s = engine.session({
    layers: [2, 2, 1], activations: ['sigmoid', 'sigmoid'], loss: 'bce',
    optimizer: { type: 'sgd', learning_rate: 0.1 },
    init: { weights: [[[0.1, 0.2], [0.3, 0.4]], [[0.5, 0.6]]], biases: [[0.01, 0.02], [0.05]] },
    data: { inputs: [[1, 2]], targets: [[1]] },
  });
  s.forward();
  const out = document.getElementById('yhat');
  out.textContent = String(s.A(2).data[0]);
  out.dataset.value = String(s.A(2).data[0]);
  s.delete();
}
main().catch((e) => { document.getElementById('yhat').textContent = 'failed: ' + e.message; });
`;

const INDEX = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>npm smoke test</title><link rel="icon" href="data:,"></head>
<body>
  <p>ŷ from the engine: <output id="yhat"></output></p>
  <backprop-explorer preset="seed002"></backprop-explorer>
  <script type="module" src="./main.js"></script>
</body></html>
`;

let work;
let project;
let server;
let b;

before(() => {
  work = mkdtempSync(path.join(tmpdir(), 'bpx-npm-'));
  project = path.join(work, 'app');
  mkdirSync(project);
});
after(async () => {
  await b?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });

test('npm pack, then npm install --offline of the tarball into an empty project', () => {
  run('npm', ['pack', '--pack-destination', work], repoRoot);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack wrote a tarball');
  const listing = run('tar', ['-tzf', path.join(work, tarball)], work).split('\n');
  for (const f of ['bindings/wasm/index.js', 'bindings/wasm/engine.js', 'bindings/wasm/dist/bpx_wasm.wasm', 'bindings/wasm/dist/bpx_wasm.mjs', 'bindings/wasm/dist/bpx_wasm_single.js', 'dist/backprop-explorer.js', 'dist/backprop-explorer.d.ts', 'dist/THIRD-PARTY-LICENSES.md', 'docs/embedding.md']) {
    assert.ok(listing.includes(`package/${f}`), `the package holds ${f}`);
  }
  assert.ok(!listing.some((f) => f.startsWith('package/core/') || f.startsWith('package/web/') || f.startsWith('package/tests/')), 'and no sources or tests');
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'bpx-smoke', private: true, type: 'module' }, null, 2));
  writeFileSync(path.join(project, 'index.html'), INDEX);
  writeFileSync(path.join(project, 'main.js'), MAIN);
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(work, tarball)], project);
  assert.ok(existsSync(path.join(project, 'node_modules/backprop-explorer/package.json')));
});

test('Vite builds the documented imports, the .wasm as an asset', () => {
  run(process.execPath, [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], project);
  const assets = readdirSync(path.join(project, 'dist/assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `a .wasm asset: ${assets.join(', ')}`);
});

test('TypeScript sees the element and the engine through the package\'s "exports"', () => {
  writeFileSync(path.join(project, 'usage.ts'), `import 'backprop-explorer/element';
import { createEngine, type Session } from 'backprop-explorer';
const el = document.createElement('backprop-explorer');
el.addEventListener('phase', (e) => e.detail.phase?.startsWith('forward'));
el.addEventListener('step', (e) => e.detail.loss);
el.addEventListener('error', (e) => e.detail.message.length);
async function f(): Promise<number> {
  const ready = await el.ready;
  const s: Session | null = ready.session;
  ready.nextPhase();
  await createEngine();
  return s ? s.A(2).data[0] : NaN;
}
void f();
`);
  writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, types: [] },
    files: ['usage.ts'],
  }));
  run(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', '.'], project);
});

test('the built project in Chromium: the engine’s ŷ, and the element runs a full step', async () => {
  server = await serve(path.join(project, 'dist'));
  b = await openBrowser({ isForeign: outside(server.origin) });
  await b.page.goto(server.url('index.html'));
  await b.page.waitForFunction(() => document.getElementById('yhat').textContent !== '', null, { timeout: 20000 });
  close(Number(await b.page.locator('#yhat').getAttribute('data-value')), seed002.yhat, 1e-15, 'ŷ from the packaged engine');
  await b.page.waitForFunction(() => document.querySelector('backprop-explorer').readyState === 'ready', null, { timeout: 20000 });
  const el = b.page.locator('backprop-explorer');
  await fullStepSeed002(el, el.locator('.explorer'));
  await b.shot('embed-npm-project');
  await b.assertClean();
});
