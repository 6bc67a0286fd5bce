// Parity: the wasm module prints exactly what the native CLI prints, bit for bit
// (numbers at 17 significant digits), for the seed 002 example and for networks of every
// activation, loss, optimizer, batch size, init scheme and seeded data set. Also the
// worked example, the neuron graph, the normalised spec, and training by train(n).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BPX, SEED002_TEXT, getEngine } from './support/engine.mjs';
import { DATASET_SPECS, HIDDEN, OPTIMIZERS, OUTPUTS, SCHEMES, explicitSpec, randomDatasetSpec } from './support/specs.mjs';

const engine = await getEngine();
let dir;
let counter = 0;

before(() => {
  assert.ok(existsSync(BPX), `the native CLI ${BPX} is missing: build it with cmake --build build/native --target bpx`);
  dir = mkdtempSync(join(tmpdir(), 'bpx-parity-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function writeSpec(spec) {
  const path = join(dir, `spec${counter++}.json`);
  writeFileSync(path, typeof spec === 'string' ? spec : JSON.stringify(spec));
  return path;
}

/** Runs the native CLI; returns stdout (exit 0, or 3 when the trace diverged). */
function bpx(args, allowed = [0]) {
  const r = spawnSync(BPX, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.ok(allowed.includes(r.status), `bpx ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function stripNewline(text) {
  assert.ok(text.endsWith('\n'), 'the CLI ends its output with a newline');
  return text.slice(0, -1);
}

/** Compares the trace of `steps` steps from a fresh session; returns the parsed trace. */
function checkTrace(spec, steps) {
  const path = writeSpec(spec);
  const native = stripNewline(bpx(['trace', path, '--steps', String(steps)], [0, 3]));
  const text = engine.withSession(spec, (s) => s.traceText(steps));
  if (text !== native) {
    const a = text.split('\n');
    const b = native.split('\n');
    const k = a.findIndex((line, i) => line !== b[i]);
    assert.fail(`trace differs at line ${k + 1}:\n  wasm:   ${a[k]}\n  native: ${b[k]}`);
  }
  const trace = JSON.parse(text);
  assert.ok(trace.length === steps || trace.at(-1).divergence, 'one entry per step unless it diverged');
  return trace;
}

function checkOthers(spec) {
  const path = writeSpec(spec);
  engine.withSession(spec, (s) => {
    // The normalised spec, as `bpx validate` prints it.
    assert.deepEqual(s.spec(), JSON.parse(bpx(['validate', path])));
    assert.deepEqual(engine.validate(spec).spec, JSON.parse(bpx(['validate', path])));
    // The worked example, byte for byte, in both formats.
    assert.equal(s.walkthrough(), bpx(['walkthrough', path]));
    assert.equal(s.walkthrough({ format: 'tex', digits: 17 }), bpx(['walkthrough', path, '--format', 'tex', '--digits', '17']));
    // The neuron graph of the last unit of the output layer and of the first layer.
    const L = s.L;
    for (const [layer, unit] of [[L, s.layers[L] - 1], [1, 0]]) {
      const native = JSON.parse(bpx(['graph', path, '--layer', String(layer), '--unit', String(unit)]));
      assert.deepEqual(s.graph(layer, unit), native);
      const grouped = JSON.parse(bpx(['graph', path, '--layer', String(layer), '--unit', String(unit), '--grouped', '--root', 'activation']));
      assert.deepEqual(s.graph(layer, unit, { expanded: false, root: 'activation' }), grouped);
    }
  });
}

describe('seed 002', () => {
  test('trace of 1 step equals bpx trace', () => {
    const trace = checkTrace(SEED002_TEXT, 1);
    assert.equal(trace[0].step, 1);
  });
  test('trace of 50 steps equals bpx trace', () => checkTrace(SEED002_TEXT, 50));
  test('walkthrough, graph and normalised spec equal the CLI', () => checkOthers(SEED002_TEXT));
});

describe('random networks on explicit data', () => {
  const cases = Array.from({ length: 30 }, (_, i) => explicitSpec(i));
  test('the cases cover every activation, loss, optimizer, batch size and scheme', () => {
    const hidden = new Set(cases.flatMap((s) => s.activations.slice(0, -1)));
    for (const g of HIDDEN) assert.ok(hidden.has(g), `hidden ${g}`);
    for (const o of OUTPUTS) assert.ok(cases.some((s) => s.activations.at(-1) === o.activation && s.loss === o.loss), `${o.activation}+${o.loss}`);
    for (const o of OPTIMIZERS) assert.ok(cases.some((s) => JSON.stringify(s.optimizer) === JSON.stringify(o)), JSON.stringify(o));
    assert.ok(cases.some((s) => s.batch_size === 1));
    assert.ok(cases.some((s) => s.batch_size > 1));
    assert.ok(cases.some((s) => s.batch_size === undefined && s.data.inputs.length > 1));
    for (const scheme of SCHEMES) assert.ok(cases.some((s) => s.init.scheme === scheme), scheme);
    assert.ok(cases.some((s) => s.init.weights));
  });
  cases.forEach((spec, i) => {
    test(`#${i}: ${spec.layers.join('-')} ${spec.activations.join('/')} ${spec.loss} ${spec.optimizer.type} batch ${spec.batch_size ?? 'all'}`, () => {
      checkTrace(spec, 3 + (i % 4));
      checkOthers(spec);
    });
  });
});

describe('seeded data sets and init schemes', () => {
  for (const { name, spec } of DATASET_SPECS) {
    test(name, () => {
      checkTrace(spec, 4);
      checkOthers(spec);
    });
  }
  for (let seed = 1; seed <= 12; seed++) {
    const spec = randomDatasetSpec(seed);
    test(`random #${seed}: ${spec.data.dataset} ${spec.layers.join('-')} ${spec.activations.join('/')} ${spec.loss} ${spec.init.scheme}`, () => {
      checkTrace(spec, 3);
    });
  }
  test('many steps across epochs with a partial last batch (gaussian, 36 training points, batch 5)', () => {
    const trace = checkTrace(DATASET_SPECS[2].spec, 30);
    assert.ok(trace.some((e) => e.batch.length < 5), 'a partial batch closes an epoch');
    assert.ok(trace.at(-1).epoch >= 3);
  });
});

describe('train(n) then trace equals the later steps of bpx trace', () => {
  const cases = [SEED002_TEXT, DATASET_SPECS[0].spec, DATASET_SPECS[4].spec, explicitSpec(2)];
  cases.forEach((spec, i) => {
    test(`case ${i}`, () => {
      const path = writeSpec(spec);
      const native = JSON.parse(bpx(['trace', path, '--steps', '27']));
      const tail = engine.withSession(spec, (s) => {
        assert.equal(s.train(25).steps, 25);
        return s.trace(2);
      });
      assert.deepEqual(tail, native.slice(25));
    });
  });
});

test('a diverging network: the same trace and the same divergence', () => {
  const spec = {
    layers: [1, 1], activations: ['linear'], loss: 'mse', optimizer: { type: 'sgd', learning_rate: 100 },
    init: { weights: [[[1]]], biases: [[0]] }, data: { inputs: [[10]], targets: [[0]] },
  };
  const trace = checkTrace(spec, 400);
  assert.ok(trace.at(-1).divergence, 'the last entry reports the divergence');
  assert.ok(trace.length < 400);
});
