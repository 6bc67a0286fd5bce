// The licences of what the built scripts bundle (no browser): dist/THIRD-PARTY-LICENSES.md holds,
// for every npm package the page's sources import (found here by reading web/src and the glue
// patch, not from the build), its name and version and the copyright line of its own LICENSE
// file (or, for a package without one, its notice); and the libraries compiled into the engine,
// with the whole MPL-2.0 that Eigen's licence asks for. Every script says where the file is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { distDir, repoRoot } from './embed-support.mjs';

const LICENSES = path.join(distDir, 'THIRD-PARTY-LICENSES.md');
const text = () => readFileSync(LICENSES, 'utf8');

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|js)$/.test(n) ? [p] : [];
  });
}

/** The npm packages the page's code imports (bare specifiers), and the one the glue patch requires. */
function importedPackages() {
  const names = new Set();
  const files = [...sourceFiles(path.join(repoRoot, 'web/src')), path.join(repoRoot, 'vite.classic.js')];
  for (const f of files) {
    const code = readFileSync(f, 'utf8');
    for (const m of code.matchAll(/from '([a-z@][^'.:]*?)(?:\/[^']*)?'|require\(["']([a-z@][^"'/]*)["']\)/g)) {
      const name = m[1] ?? m[2];
      if (!name.startsWith('node') && existsSync(path.join(repoRoot, 'node_modules', name, 'package.json'))) names.add(name);
    }
  }
  return [...names].filter((n) => n !== 'vite');
}

test('every bundled npm package is named with its version and its own copyright line', () => {
  const licences = text();
  const packages = importedPackages();
  assert.ok(packages.includes('katex') && packages.includes('uplot') && packages.includes('xz-decompress'), packages.join(', '));
  for (const name of packages) {
    const dir = path.join(repoRoot, 'node_modules', name);
    const { version, license } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    assert.ok(licences.includes(`## ${name} - ${version} (${license})`), `${name} ${version} is listed`);
    const file = readdirSync(dir).find((n) => /^licen[cs]e/i.test(n));
    if (file) {
      const copyright = readFileSync(path.join(dir, file), 'utf8').split('\n').find((l) => /^Copyright/i.test(l.trim()));
      assert.ok(copyright && licences.includes(copyright.trim()), `${name}: "${copyright}" is in the file`);
    } else {
      assert.ok(licences.includes(`## ${name} ${version}: its notice`), `${name} has no licence file: its notice is given`);
    }
  }
});

test('the libraries compiled into the engine are named, with the whole MPL-2.0', () => {
  const licences = text();
  for (const heading of ['### Eigen 3.4 (MPL-2.0)', '### nlohmann/json 3.11 (MIT)', "### Emscripten's runtime (MIT)"]) {
    assert.ok(licences.includes(heading), heading);
  }
  assert.ok(licences.includes('Copyright (c) 2013-2022 Niels Lohmann'));
  // The licence's first and last sections (Exhibit B closes it).
  assert.match(licences, /Mozilla Public License Version 2\.0\n=+/);
  assert.match(licences, /Exhibit B - "Incompatible With Secondary Licenses" Notice[\s\S]*Mozilla Public License, v\. 2\.0\./);
});

test('every built script says where the licences are', () => {
  const scripts = readdirSync(distDir).filter((n) => /^backprop-explorer(-[a-z]+|\.element)?\.js$/.test(n));
  assert.ok(scripts.length >= 5, scripts.join(', '));
  for (const s of scripts) {
    assert.ok(readFileSync(path.join(distDir, s), 'utf8').startsWith("/*! Backprop Explorer. The bundled libraries' licences: THIRD-PARTY-LICENSES.md */"), s);
  }
});
