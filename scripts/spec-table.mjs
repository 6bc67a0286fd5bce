// The README's table of spec keys, written from the engine's catalogue (`bpx catalog`), so
// that the names, ranges and defaults it quotes are the validator's own.
//   node scripts/spec-table.mjs BPX            prints the table
//   node scripts/spec-table.mjs BPX --check    exits 1 when README.md's table differs
//   node scripts/spec-table.mjs BPX --write    rewrites the table in README.md
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BEGIN = '<!-- spec table: written by scripts/spec-table.mjs from `bpx catalog` -->';
const END = '<!-- end of spec table -->';
const [bpx, mode] = process.argv.slice(2);
if (!bpx) {
  console.error('usage: node scripts/spec-table.mjs BPX [--check | --write] (BPX: build/native/bpx)');
  process.exit(2);
}
const c = JSON.parse(execFileSync(bpx, ['catalog'], { encoding: 'utf8' }));
const code = (s) => `\`${s}\``;
const alt = (names) => names.map((n) => `"${n}"`).join(' \\| ');
const L = c.limits;

const acts = c.activations.map((a) => code(a.name) + (a.outputOnly ? ' (output only)' : '')).join(', ');
const losses = c.losses
  .map((l) => {
    const any = l.outputs.length === c.activations.length;
    return `${code(l.name)} (${l.display.toLowerCase()}${any ? '' : `, ${l.outputs.join(' or ')} output`})`;
  })
  .join(', ');
const params = [...new Set(c.optimizers.flatMap((o) => o.params.map((p) => p.name)))];
const lr = c.optimizers[0].params.find((p) => p.name === 'learning_rate');
const rows = [
  ['layers', `sizes \`[n0, n1, ..., nL]\`: 1 to ${L.maxLayers} layers after the input, 1 to ${L.maxUnits} units each`, 'required'],
  ['activations', `one per layer after the input: ${acts}`, 'required'],
  ['loss', `${losses}; averaged over examples`, 'required'],
  ['optimizer', `\`{"type": ${alt(c.optimizers.map((o) => o.name))}, ${params.map((p) => `"${p}"`).join(', ')}}\``, `${c.optimizers[0].name}, ${lr.default}`],
  ['update_biases', '`false`: the update leaves the biases as they are (Mazur\'s example)', 'true'],
  ['batch_size', 'examples per step; batches are drawn in a seeded shuffled order, one epoch at a time', 'all training examples'],
  ['seed', 'seed of the minibatch order', '1'],
  ['init', `\`{"weights": [...], "biases": [...]}\` explicit, or \`{"scheme": ${alt(c.initSchemes)}, "seed", "bias"}\``, `${c.initSchemes[0]}, seed 1, bias 0`],
  [
    'data',
    '`{"inputs": [[...], ...], "targets": [[...], ...]}` (one row per example), or ' +
      `\`{"dataset": ${alt(c.datasets.map((d) => d.name))}, "points": ${L.minPoints}..${L.maxPoints}, "noise": 0..${L.maxNoise}, "train_fraction", "seed", "classes", "features"}\`, or ` +
      `points of the plane \`{"points": [[x1, x2], ...], "labels", "test_points", "test_labels", "task", "classes", "features"}\` (at most ${L.maxPoints}); ` +
      `features: ${c.features.map((f) => code(f.name)).join(', ')}`,
    'required',
  ],
];
const table = [BEGIN, '| key | meaning | default |', '|---|---|---|', ...rows.map((r) => `| ${code(r[0])} | ${r[1]} | ${r[2]} |`), END].join('\n');

if (!mode) {
  console.log(table);
} else {
  const readme = fileURLToPath(new URL('../README.md', import.meta.url));
  const text = readFileSync(readme, 'utf8');
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a < 0 || b < 0) {
    console.error(`README.md has no spec table markers (${BEGIN} ... ${END})`);
    process.exit(1);
  }
  const next = text.slice(0, a) + table + text.slice(b + END.length);
  if (mode === '--write') writeFileSync(readme, next);
  else if (next !== text) {
    console.error('README.md: the spec table differs from the catalogue: run node scripts/spec-table.mjs build/native/bpx --write');
    process.exit(1);
  }
}
