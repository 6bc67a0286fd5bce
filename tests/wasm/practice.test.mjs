// Practice mode through the wasm module: checks agree with the CLI's bpx check, hints and
// questions follow the session, exercises are seeded, and bad questions are BpxErrors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BpxError } from 'backprop-explorer';
import { BPX, ROOT, SEED002, getEngine } from './support/engine.mjs';

const engine = await getEngine();
const sig = (z) => 1 / (1 + Math.exp(-z));
// Seed 002 by hand: z1 = (0.51, 1.12), a1 = s(z1), z2 = 0.5 a1[0] + 0.6 a1[1] + 0.05.
const a1 = [sig(0.51), sig(1.12)];
const z2 = 0.5 * a1[0] + 0.6 * a1[1] + 0.05;
const dZ2 = sig(z2) - 1;

test('a right answer, before the phase that computes it, in several spellings', () => {
  engine.withSession(SEED002, (s) => {
    for (const answer of ['0.8148', '0,8148', '0.81480', '0.5*0.6248 + 0.6*0.754 + 0.05']) {
      const r = s.check({ quantity: 'Z', layer: 2, entry: [0, 0], answer });
      assert.equal(r.correct, true, answer);
      assert.ok(Math.abs(r.expected - z2) < 1e-12);
      assert.equal(r.diagnosis, null);
    }
    assert.equal(s.check({ quantity: 'Z[2]', answer: '0.854' }).correct, false);
    assert.equal(s.state().cursor, 0, 'checking does not move the session');
  });
});

test('a wrong answer names the mistake, as bpx check does', () => {
  engine.withSession(SEED002, (s) => {
    // dZ[1](0,0) typed as dA[1](0,0) = 0.5 dZ2.
    const answer = (0.5 * dZ2).toFixed(4);
    const r = s.check({ quantity: 'dZ', layer: 1, entry: { row: 0, col: 0 }, answer });
    assert.equal(r.correct, false);
    assert.equal(r.diagnosis.id, 'no_activation_derivative');
    assert.ok(r.diagnosis.message.includes(answer), r.diagnosis.message);
    const run = spawnSync(BPX, ['check', `${ROOT}examples/seed002.json`, '--quantity', 'dZ[1]', '--answer', answer], { encoding: 'utf8' });
    assert.equal(run.status, 1, 'bpx check exits 1 for a wrong answer');
    const cli = JSON.parse(run.stdout);
    assert.deepEqual({ correct: r.correct, expected: r.expected, digits: r.digits, diagnosis: r.diagnosis },
      { correct: cli.correct, expected: cli.expected, digits: cli.digits, diagnosis: cli.diagnosis });
  });
});

test('hints in three levels, and the questions of each phase', () => {
  engine.withSession(SEED002, (s) => {
    const h = s.practiceHints({ quantity: 'A', layer: 1, entry: [1, 0] });
    assert.ok(Math.abs(h.expected - a1[1]) < 1e-12);
    assert.equal(h.hints.length, 3);
    assert.equal(h.hints[1], 'A[1](1,0) = 1 / (1 + exp(\u22121.12))');
    assert.equal(h.hints[2], 'A[1](1,0) = 0.753989');
    assert.deepEqual(s.practiceQuestions().map((q) => q.name), ['Z[1]', 'A[1]']);
    assert.deepEqual(s.practiceQuestions(2).map((q) => [q.name, q.rows, q.cols]), [['loss', 1, 1], ['dA[2]', 1, 1]]);
    assert.deepEqual(s.practiceQuestions(4).map((q) => q.name), ['dZ[1]', 'dW[1]', 'db[1]']);
    assert.deepEqual(s.practiceQuestions(5).map((q) => q.name), ['W[1]', 'b[1]', 'W[2]', 'b[2]']);
  });
});

test('seeded exercises: same seed, same numbers; the catalogue has every id', () => {
  assert.deepEqual(engine.exercise(12), engine.exercise(12));
  assert.notDeepEqual(engine.exercise(12).spec, engine.exercise(13).spec);
  const ex = engine.exercise(12);
  assert.equal(engine.validate(ex.spec).ok, true);
  assert.equal(ex.spec.layers.length, 3);
  const ids = engine.practiceCatalogue().mistakes.map((m) => m.id).sort();
  assert.deepEqual(ids, ['bias_input', 'dA_for_dZ', 'derivative_at_activation', 'learning_rate', 'missing_fork_sum',
    'missing_mean', 'mse_factor', 'no_activation_derivative', 'precedence', 'rounded_early', 'sign', 'transpose',
    'update_sign', 'updated_weights_in_backprop']);
  assert.equal(engine.practiceCatalogue().limits.answerLength, 200);
});

test('bad questions and answers are BpxErrors naming the field; the module lives on', () => {
  engine.withSession(SEED002, (s) => {
    const expectError = (fn, path, text) => assert.throws(fn, (e) => e instanceof BpxError && e.path === path && e.message.includes(text));
    expectError(() => s.check({ quantity: 'Q', layer: 1, answer: '1' }), 'quantity', 'expected one of');
    expectError(() => s.check({ quantity: 'dZ', layer: 3, answer: '1' }), 'layer', 'between 1 and 2');
    expectError(() => s.check({ quantity: 'dW', layer: 1, entry: [2, 0], answer: '1' }), 'entry', 'dW[1] is 2 x 2');
    expectError(() => s.check({ quantity: 'Z', layer: 1, answer: '0.5 +' }), 'answer', 'column 6');
    expectError(() => s.check({ quantity: 'Z', layer: 1, answer: 5 }), 'answer', 'as text');
    expectError(() => s.check({ quantity: 'Z', layer: 1, answer: '('.repeat(300) }), 'answer', 'longer than 200');
    expectError(() => engine.exercise(-1), 'seed', 'between 0');
    for (let i = 0; i < 2000; i++) assert.throws(() => s.check({ quantity: 'Z', layer: 1, answer: ')' }));
    assert.equal(s.check({ quantity: 'Z', layer: 1, answer: '0.51' }).correct, true);
  });
});

test('Mazur preset: update_biases false and his first error', () => {
  engine.withSession(JSON.parse(readFileSync(`${ROOT}examples/mazur.json`, 'utf8')), (s) => {
    assert.equal(s.spec().update_biases, false);
    assert.equal(s.check({ quantity: 'loss', answer: '0.298371109' }).correct, true);
    s.step();
    assert.deepEqual(Array.from(s.b(1).data), [0.35, 0.35]);
  });
});
