// vite.classic.js patches the single-file Emscripten glue by string (the inlined wasm
// packed by xz, read without fetch). On the real glue the patch applies and the wasm unpacks
// back to its bytes, by Debian's xz and by the decoder the page bundles (xz-decompress); on a
// glue without a pattern it throws, so `npm run build` fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { deflateRawSync } from 'node:zlib';
import xz from 'xz-decompress';
import { patchSingleGlue } from '../../vite.classic.js';
import { DIST } from './support/engine.mjs';

const glue = readFileSync(`${DIST}bpx_wasm_single.js`, 'utf8');
const DATA = /wasmBinaryFile="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;

test('the real glue is patched, and its wasm unpacks back to the same bytes', async () => {
  const patched = patchSingleGlue(glue);
  assert.ok(!patched.includes('if(typeof fetch=="function"){return fetch(wasmBinaryFile'), 'no fetch of the data: URL left');
  assert.ok(patched.includes('require("xz-decompress").XzReadableStream'), 'the read unpacks with the bundled decoder');
  const before = Buffer.from(DATA.exec(glue)[1], 'base64');
  const packed = Buffer.from(DATA.exec(patched)[1], 'base64');
  assert.ok(before.subarray(0, 4).equals(Buffer.from([0, 0x61, 0x73, 0x6d])), 'the inlined data is a wasm module');
  assert.ok(packed.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0])), 'packed as an .xz stream');
  const byPage = Buffer.from(await new Response(new xz.XzReadableStream(new Blob([packed]).stream())).arrayBuffer());
  assert.ok(byPage.equals(before), 'xz-decompress gives the module back');
  assert.ok(execFileSync('xz', ['-d', '-c'], { input: packed, maxBuffer: 64 << 20 }).equals(before), 'so does xz -d (and its CRC32 holds)');
  assert.ok(packed.length < deflateRawSync(before, { level: 9 }).length * 0.9, 'at least 10 % smaller than deflate at level 9');
  assert.ok(patched.length < glue.length, 'and smaller');
});

test('a damaged payload is an error, not a wrong module', async () => {
  const packed = Buffer.from(DATA.exec(patchSingleGlue(glue))[1], 'base64');
  packed[packed.length >> 1] ^= 0xff;
  await assert.rejects(new Response(new xz.XzReadableStream(new Blob([packed]).stream())).arrayBuffer());
});

test('a glue without one of the patterns fails the build', () => {
  const noFetch = glue.replace('if(typeof fetch=="function"){return fetch(wasmBinaryFile', 'if(false){return fetch(wasmBinaryFile');
  assert.throws(() => patchSingleGlue(noFetch), /the fetch of the inlined wasm was not found.*FETCH_DATA_URI/);
  const noData = glue.replace(DATA, 'wasmBinaryFile="bpx_wasm.wasm"');
  assert.throws(() => patchSingleGlue(noData), /the inlined wasm or its read was not found.*WASM_DATA_URI/);
  const noRead = glue.replace('return Promise.resolve().then(function(){return getBinary(wasmBinaryFile)})', 'return getBinaryPromise()');
  assert.throws(() => patchSingleGlue(noRead), /READ_DATA_URI/);
});
