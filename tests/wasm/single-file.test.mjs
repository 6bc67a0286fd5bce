// The single-file build: a classic script (no ES module syntax) with the wasm inlined,
// which loads with no .wasm beside it and nothing fetched: in Node through require, and
// in a bare context shaped like a page that ran it from one <script> tag. Either way the
// seed 002 step gives the y^ that plain sigmoid arithmetic gives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { createEngineWith } from 'backprop-explorer';
import { DIST, SEED002 } from './support/engine.mjs';
import { sigmoid } from './support/reference.mjs';

let dir;
let file;
let text;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bpx-single-'));
  file = join(dir, 'bpx_wasm_single.js');
  copyFileSync(join(DIST, 'bpx_wasm_single.js'), file);
  text = readFileSync(file, 'utf8');
});
after(() => rmSync(dir, { recursive: true, force: true }));

// Seed 002 by hand: x = (1, 2), y = 1; one step of sgd at 0.1 with bce on a sigmoid.
const [[w11, w12], [w21, w22]] = SEED002.init.weights[0];
const [[v1, v2]] = SEED002.init.weights[1];
const [[b1, b2], [c]] = SEED002.init.biases;
const a1 = sigmoid(w11 * 1 + w12 * 2 + b1); // z = 0.51
const a2 = sigmoid(w21 * 1 + w22 * 2 + b2); // z = 1.12
const YHAT = sigmoid(v1 * a1 + v2 * a2 + c);
const DZ = YHAT - 1; // fused bce gradient
const V_NEW = [v1 - 0.1 * DZ * a1, v2 - 0.1 * DZ * a2];

function checkSeed002(engine) {
  const s = engine.session(SEED002);
  try {
    s.forward();
    const yhat = s.A(2).data[0];
    assert.ok(Math.abs(yhat - YHAT) <= 2e-16, `y^ ${yhat} vs ${YHAT} by hand`);
    assert.ok(Math.abs(yhat - 0.6931306594690766) < 1e-15);
    assert.ok(Math.abs(s.state().loss + Math.log(YHAT)) <= 1e-15, 'bce = -log y^');
    s.backward();
    s.update();
    const W2 = s.W(2).data;
    assert.ok(Math.abs(W2[0] - V_NEW[0]) <= 1e-16 && Math.abs(W2[1] - V_NEW[1]) <= 1e-16, `${W2} vs ${V_NEW}`);
  } finally {
    s.delete();
  }
}

test('the script is alone in its folder and is large enough to hold the wasm', () => {
  assert.deepEqual(readdirSync(dir), ['bpx_wasm_single.js']);
  const wasmSize = statSync(join(DIST, 'bpx_wasm.wasm')).size;
  assert.ok(statSync(file).size > wasmSize, 'the base64 wasm is inside');
  assert.match(text, /data:application\/octet-stream;base64,/);
  assert.ok(!text.includes('bpx_wasm.wasm'), 'no reference to a separate .wasm file');
});

test('it is a classic script: no import or export statements, no import.meta', () => {
  // Compiling as a classic script fails on any import/export statement or import.meta.
  assert.doesNotThrow(() => new vm.Script(text, { filename: 'bpx_wasm_single.js' }));
  assert.doesNotMatch(text, /^\s*(import|export)[\s{*]/m);
  assert.ok(!text.includes('import.meta'));
  assert.doesNotMatch(text, /\bimport\s*\(/);
});

test('loads in Node by require, from the empty folder, and runs the seed 002 step', async () => {
  const require = createRequire(join(dir, 'loader.cjs'));
  const factory = require(file);
  assert.equal(typeof factory, 'function');
  const engine = await createEngineWith(factory); // no wasmBinary, no locateFile
  checkSeed002(engine);
});

test('loads in a bare page-like context from one script tag, with no network', async () => {
  const requests = [];
  const page = {
    console, setTimeout, clearTimeout, WebAssembly, TextDecoder, atob,
    document: { currentScript: { src: pathToFileURL(file).href }, title: '' },
    location: { href: pathToFileURL(join(dir, 'index.html')).href },
    fetch: (url) => {
      requests.push(String(url));
      return Promise.reject(new Error('no network in this test'));
    },
    XMLHttpRequest: function XMLHttpRequest() {
      requests.push('XMLHttpRequest');
      throw new Error('no network in this test');
    },
  };
  page.window = page;
  page.self = page;
  const context = vm.createContext(page);
  vm.runInContext(text, context, { filename: pathToFileURL(file).href });
  assert.equal(typeof context.createBpxModule, 'function', 'the script defines the global createBpxModule');
  const engine = await createEngineWith(context.createBpxModule);
  checkSeed002(engine);
  // In a page the glue first tries fetch() on its own data: URL (it falls back to decoding
  // it, as here, where fetch fails); nothing else is asked for.
  const asked = requests.map((u) => u.slice(0, 40));
  assert.ok(asked.every((u) => u === 'data:application/octet-stream;base64,AGF'), `requests: ${asked}`);
});
