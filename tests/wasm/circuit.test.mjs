// Circuit mode through the wasm module: the same graphs as the native core (known answers
// by hand), typed errors with line and column, options checked, no leak over many calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BpxError } from 'backprop-explorer';
import { BPX, getEngine } from './support/engine.mjs';

const engine = await getEngine();

test('CS231n f = (x + y) z: gradients by hand -4, -4, 3', () => {
  const c = engine.circuit('x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z\n');
  assert.deepEqual(c.output.name, 'f');
  assert.equal(c.output.value, -12);
  assert.equal(c.inputs.x.grad, -4);
  assert.equal(c.inputs.y.grad, -4);
  assert.equal(c.inputs.z.grad, 3);
  for (const input of Object.values(c.inputs)) assert.ok(Math.abs(input.numeric - input.grad) < 1e-8);
  const f = c.nodes.find((n) => n.id === c.output.node);
  assert.equal(f.op, 'mul');
  assert.deepEqual(f.inputs.map((id) => c.nodes.find((n) => n.id === id).label), ['q', 'z']);
  assert.deepEqual(c.forward.map((id) => c.nodes.find((n) => n.id === id).label), ['q', 'f']);
});

test('a single expression with set values; the sigmoid neuron grouped and expanded', () => {
  const c = engine.circuit('(x + y) * z', { set: { x: -2, y: 5, z: -4 } });
  assert.equal(c.output.value, -12);
  const program = 'w = [2, -3, -3]\nx = [-1, -2]\nproduct = w[0]*x[0] + w[1]*x[1] + w[2]\nactivation = sigmoid(product)';
  const s = 1 / (1 + Math.exp(-1));
  const grouped = engine.circuit(program);
  const expanded = engine.circuit(program, { expanded: true });
  assert.equal(expanded.expanded, true);
  assert.deepEqual(expanded.nodes.filter((n) => n.group?.name === 'sigmoid').map((n) => n.op), ['neg', 'exp', 'add_const', 'inv']);
  for (const c2 of [grouped, expanded]) {
    assert.ok(Math.abs(c2.output.value - s) < 1e-15);
    // dx0 = w0 s(1 - s), dw1 = x1 s(1 - s) (CS231n: 0.39 and -0.39).
    assert.ok(Math.abs(c2.inputs['x[0]'].grad - 2 * s * (1 - s)) < 1e-15);
    assert.ok(Math.abs(c2.inputs['w[1]'].grad - -2 * s * (1 - s)) < 1e-15);
  }
});

test('forks: the paths of a value add up to its gradient', () => {
  const c = engine.circuit('x = 3\ny = x * x + x');
  const x = c.nodes.find((n) => n.label === 'x');
  assert.equal(x.paths.length, 3);
  assert.equal(x.paths.reduce((sum, p) => sum + p.grad, 0), 7);
  assert.equal(x.grad, 7);
});

test('a bad program throws INVALID_PROGRAM with line and column', () => {
  assert.throws(() => engine.circuit('x = 1\ny = sigmod(x)'), (e) => e instanceof BpxError &&
    e.code === 'INVALID_PROGRAM' && e.line === 2 && e.column === 5 &&
    e.message === "line 2, column 5: unknown function 'sigmod' (did you mean sigmoid?)");
  assert.throws(() => engine.circuit('x = (1 + 2'), (e) => e.code === 'INVALID_PROGRAM' && e.line === 1 && e.column === 11);
  assert.throws(() => engine.circuit('x'.repeat(30000)), (e) => e.code === 'INVALID_PROGRAM' && e.line === 1 && /limit is 20000/.test(e.message));
  assert.throws(() => engine.circuit('x'.repeat(50_000_000)), (e) => e.code === 'INVALID_PROGRAM' && /limit is 20000/.test(e.message));
  // 20,000 characters of two-byte UTF-8 pass the first check and meet the engine's.
  assert.throws(() => engine.circuit('é'.repeat(20000)), (e) => e.code === 'INVALID_PROGRAM' && /40000 bytes long; the limit is 20000/.test(e.message));
});

test('bad options throw INVALID_ARGUMENT naming the option', () => {
  const program = 'x = 1\ny = x * 2';
  assert.throws(() => engine.circuit(program, { set: { q: 1 } }), (e) => e.code === 'INVALID_ARGUMENT' && e.path === 'set' &&
    e.message === "set: 'q' is not an input of the program (inputs: x)");
  assert.throws(() => engine.circuit(program, { output: 'yy' }), (e) => e.code === 'INVALID_ARGUMENT' && e.path === 'output');
  assert.throws(() => engine.circuit(program, { set: { x: NaN } }), (e) => e.code === 'INVALID_ARGUMENT' && e.path === 'set.x');
  assert.throws(() => engine.circuit(program, { expanded: 'yes' }), (e) => e.code === 'INVALID_ARGUMENT' && e.path === 'expanded');
  assert.throws(() => engine.circuit(42), (e) => e.code === 'INVALID_ARGUMENT' && e.path === 'program');
});

test('the catalogue lists presets that build, the functions and the limits', () => {
  const cat = engine.circuitCatalogue();
  assert.ok(cat.presets.length >= 5);
  for (const p of cat.presets) engine.circuit(p.program, { expanded: p.expanded });
  const slip = cat.presets.find((p) => p.id === 'seed003-as-written');
  assert.equal(slip.compare, 'seed003-intended');
  // As written, 1 / 1 + exp(-product) = 1 + e^-1 (by hand), not the sigmoid.
  assert.ok(Math.abs(engine.circuit(slip.program).output.value - (1 + Math.exp(-1))) < 1e-15);
  assert.ok(cat.functions.some((f) => f.name === 'sigmoid' && f.arity === 1));
  assert.equal(cat.limits.nodes, 1000);
  cat.presets.length = 0; // a copy: the engine's catalogue is unchanged
  assert.ok(engine.circuitCatalogue().presets.length >= 5);
});

test('many calls, good and bad, leave the heap and the handles where they were', () => {
  const program = 'w = [2, -3, -3]\nx = [-1, -2]\nproduct = w[0]*x[0] + w[1]*x[1] + w[2]\nactivation = sigmoid(product)';
  for (let i = 0; i < 200; i++) engine.circuit(program);
  const heap = engine.heapUsedBytes();
  const handles = engine.handleCount();
  for (let i = 0; i < 3000; i++) {
    engine.circuit(program, { expanded: i % 2 === 0 });
    assert.throws(() => engine.circuit('y = (('));
  }
  assert.equal(engine.heapUsedBytes(), heap);
  assert.equal(engine.handleCount(), handles);
});

test('the same circuits, bit for bit, as bpx circuit natively (every preset, grouped and expanded)', () => {
  assert.ok(existsSync(BPX), `the native CLI ${BPX} is missing: build it with cmake --build build/native --target bpx`);
  const programs = engine.circuitCatalogue().presets.map((p) => p.program);
  programs.push('a = 0.7\nb = -1.3\ny = log(1 + a*a) * tanh(b) / sqrt(a*a + 2) + max(a, b) ** 2 - abs(b) * relu(a)');
  for (const program of programs) {
    for (const expanded of [false, true]) {
      const r = spawnSync(BPX, ['circuit', '-', ...(expanded ? ['--expanded'] : [])], { input: program, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(engine.circuit(program, { expanded }), JSON.parse(r.stdout), program);
    }
  }
});
