// vite.classic.js patches the single-file Emscripten glue by string (the inlined wasm
// deflated, read without fetch). On the real glue the patch applies and the wasm inflates
// back to its bytes; on a glue without a pattern it throws, so `npm run build` fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { patchSingleGlue } from '../../vite.classic.js';
import { DIST } from './support/engine.mjs';

const glue = readFileSync(`${DIST}bpx_wasm_single.js`, 'utf8');
const DATA = /wasmBinaryFile="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;

test('the real glue is patched, and its wasm inflates back to the same bytes', async () => {
  const patched = await patchSingleGlue(glue);
  assert.ok(!patched.includes('if(typeof fetch=="function"){return fetch(wasmBinaryFile'), 'no fetch of the data: URL left');
  assert.ok(patched.includes('new DecompressionStream("deflate-raw")'), 'the read inflates');
  const before = Buffer.from(DATA.exec(glue)[1], 'base64');
  const after = inflateRawSync(Buffer.from(DATA.exec(patched)[1], 'base64'));
  assert.ok(before.subarray(0, 4).equals(Buffer.from([0, 0x61, 0x73, 0x6d])), 'the inlined data is a wasm module');
  assert.ok(after.equals(before));
  const packed = Buffer.from(DATA.exec(patched)[1], 'base64');
  assert.ok(packed.length < deflateRawSync(before, { level: 9 }).length, 'Zopfli packs tighter than zlib at level 9');
  assert.ok(patched.length < glue.length, 'and smaller');
});

test('a glue without one of the patterns fails the build', async () => {
  const noFetch = glue.replace('if(typeof fetch=="function"){return fetch(wasmBinaryFile', 'if(false){return fetch(wasmBinaryFile');
  await assert.rejects(patchSingleGlue(noFetch), /the fetch of the inlined wasm was not found.*FETCH_DATA_URI/);
  const noData = glue.replace(DATA, 'wasmBinaryFile="bpx_wasm.wasm"');
  await assert.rejects(patchSingleGlue(noData), /the inlined wasm or its read was not found.*WASM_DATA_URI/);
  const noRead = glue.replace('return Promise.resolve().then(function(){return getBinary(wasmBinaryFile)})', 'return getBinaryPromise()');
  await assert.rejects(patchSingleGlue(noRead), /READ_DATA_URI/);
});
