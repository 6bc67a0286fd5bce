// Practice on circuits through the JS API: engine.circuitCheck on CS231n's f = (x + y) z
// (x = -2, y = 5, z = -4: q = 3, f = -12; df/dq = z = -4, df/dz = q = 3, by hand).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getEngine } from './support/engine.mjs';

const engine = await getEngine();
const PROGRAM = 'x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z';
const id = (label, options) => engine.circuit(PROGRAM, options).nodes.find((n) => n.label === label).id;

test('a wrong gradient at the multiply gate is named: the multiply gate swaps its inputs', () => {
  const f = id('f');
  const right = engine.circuitCheck(PROGRAM, {}, { node: f, asked: 'wire', slot: 0, answer: '-4' });
  assert.deepEqual([right.correct, right.expected, right.diagnosis], [true, -4, null]);
  const wrong = engine.circuitCheck(PROGRAM, {}, { node: f, asked: 'wire', slot: 0, answer: '3' });
  assert.equal(wrong.correct, false);
  assert.equal(wrong.diagnosis.id, 'multiply_no_swap');
  assert.match(wrong.diagnosis.message, /^your 3 .*the multiply gate swaps its inputs/);
  assert.match(wrong.rule, /= 1 x \(-4\) = -4$/);
  // With set values (as the view's link): z = 2 gives df/dq = 2.
  assert.equal(engine.circuitCheck(PROGRAM, { set: { z: 2 } }, { node: f, asked: 'wire', slot: 0, answer: '2' }).correct, true);
  assert.ok(engine.circuitMistakes().some((m) => m.id === 'multiply_no_swap'));
});

test('bad questions are BpxErrors naming the field', () => {
  const bad = (q, path) => assert.throws(() => engine.circuitCheck(PROGRAM, {}, q), (e) => e.name === 'BpxError' && e.path === path);
  bad({ node: 'n99', answer: '1' }, 'node');
  bad({ node: id('f'), asked: 'slope', answer: '1' }, 'asked');
  bad({ node: id('f'), asked: 'wire', slot: 5, answer: '1' }, 'slot');
  bad({ node: id('q'), answer: '1 +' }, 'answer');
  bad({ node: id('q') }, 'answer');
  assert.throws(() => engine.circuitCheck('y = sigmod(1)', {}, { node: 'n0', answer: '1' }), (e) => e.code === 'INVALID_PROGRAM');
});
