// The type declarations (bindings/wasm/index.d.ts, engine.d.ts) compile under --strict
// for a TypeScript file that imports the package by its name and uses every export and
// method, and they reject the misuses that file marks with @ts-expect-error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ROOT } from './support/engine.mjs';

test('tsc --noEmit --strict on tests/wasm/types/usage.ts', () => {
  const r = spawnSync('npx', ['--no', '--', 'tsc', '--noEmit', '--strict', '-p', 'tests/wasm/tsconfig.json'], {
    cwd: ROOT, encoding: 'utf8',
  });
  assert.equal(r.error, undefined, `could not run npx: ${r.error}`);
  assert.equal(r.status, 0, `tsc reported:\n${r.stdout}${r.stderr}`);
  assert.equal(r.stdout.trim(), '');
});

test('tsc lists the package\'s own declarations (resolved through "exports")', () => {
  const r = spawnSync('npx', ['--no', '--', 'tsc', '--noEmit', '-p', 'tests/wasm/tsconfig.json', '--listFiles'], {
    cwd: ROOT, encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const files = r.stdout.split('\n').filter((f) => !f.includes('node_modules'));
  assert.ok(files.some((f) => f.endsWith('bindings/wasm/index.d.ts')), files.join('\n'));
  assert.ok(files.some((f) => f.endsWith('bindings/wasm/engine.d.ts')), files.join('\n'));
});
