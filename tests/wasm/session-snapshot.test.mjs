// Session.snapshot() and nextPhaseSnapshot(): the step view's one call per phase. Every
// matrix it packs equals the one matrix() reads, the numbers of seed 002 are the hand-derived
// ones, `before` holds the parameters an update replaced, and bad options are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getEngine, rows, SEED002 } from './support/engine.mjs';

const engine = await getEngine();
const sig = (z) => 1 / (1 + Math.exp(-z));
const PER_LAYER = ['W', 'b', 'Z', 'dZ', 'dW', 'db', 'gprime'];

function sameAsMatrixReads(s, snap, where) {
  for (let l = 1; l <= s.L; l++) {
    for (const name of PER_LAYER) assert.deepEqual(rows(snap[name][l]), rows(s.matrix(name, l)), `${where}: ${name}[${l}]`);
  }
  for (let l = 0; l <= s.L; l++) {
    assert.deepEqual(rows(snap.A[l]), rows(s.A(l)), `${where}: A[${l}]`);
    assert.deepEqual(rows(snap.dA[l]), rows(s.dA(l)), `${where}: dA[${l}]`);
  }
  assert.deepEqual(rows(snap.Y), rows(s.Y()), `${where}: Y`);
  assert.deepEqual(rows(snap.losses), rows(s.matrix('losses')), `${where}: losses`);
  assert.deepEqual(snap.state, s.state(), `${where}: state`);
}

test('every phase of two passes: the packed snapshot equals the matrices read one by one', () => {
  engine.withSession({ ...SEED002, layers: [2, 3, 2, 1], activations: ['tanh', 'relu', 'sigmoid'], init: { scheme: 'xavier', seed: 4 } }, (s) => {
    sameAsMatrixReads(s, s.snapshot(), 'start');
    const phases = s.state().phases.length;
    for (let k = 0; k < 2 * phases; k++) {
      const r = s.nextPhaseSnapshot();
      assert.equal(r.phase.label, s.state().lastPhase.label);
      assert.equal(r.divergence, null);
      sameAsMatrixReads(s, r.snapshot, `phase ${k}`);
    }
  });
});

test('seed 002 by hand: z[1] after Forward 1, and the update\'s before and after', () => {
  engine.withSession(SEED002, (s) => {
    const f1 = s.nextPhaseSnapshot();
    assert.equal(f1.phase.kind, 'forward');
    assert.equal(f1.before, null);
    const z1 = rows(f1.snapshot.Z[1]).map((r) => r[0]);
    assert.ok(Math.abs(z1[0] - 0.51) < 1e-15 && Math.abs(z1[1] - 1.12) < 1e-15, `z[1] = ${z1}`);
    assert.equal(f1.snapshot.W[0].rows, 0, 'index 0 of a per-layer list is empty');
    assert.equal(f1.snapshot.A.length, 3, 'A[0..2]');

    let r;
    do r = s.nextPhaseSnapshot({ matrices: false });
    while (r.phase.kind !== 'backward' || r.phase.layer !== 1);
    assert.equal(r.snapshot, null, '{matrices: false} leaves them out');
    assert.equal(r.state.nextPhase.kind, 'update');

    const u = s.nextPhaseSnapshot();
    assert.equal(u.phase.kind, 'update');
    assert.deepEqual(rows(u.before.W[1]), [[0.1, 0.2], [0.3, 0.4]], 'the weights the update replaced');
    assert.deepEqual(rows(u.before.W[2]), [[0.5, 0.6]]);
    assert.deepEqual(rows(u.before.b[2]), [[0.05]]);
    // b[2] after: 0.05 − 0.1 (ŷ − 1), ŷ = σ(0.5 σ(0.51) + 0.6 σ(1.12) + 0.05).
    const yhat = sig(0.5 * sig(0.51) + 0.6 * sig(1.12) + 0.05);
    assert.ok(Math.abs(u.snapshot.b[2].data[0] - (0.05 - 0.1 * (yhat - 1))) < 1e-15);
    assert.equal(u.state.cursor, 0);
    assert.equal(u.state.step, 1);
  });
});

test('a diverging phase reports its divergence; bad options and a deleted session are refused', () => {
  engine.withSession({ ...SEED002, init: { weights: [[[1e308, 1e308], [1e308, 1e308]], [[1e308, 1e308]]], biases: [[0, 0], [0]] }, activations: ['linear', 'linear'], loss: 'mse' }, (s) => {
    const r = s.nextPhaseSnapshot();
    assert.ok(r.divergence, 'Z[1] overflows to infinity');
    assert.deepEqual(r.divergence, s.state().divergence);
  });
  const s = engine.session(SEED002);
  assert.throws(() => s.nextPhaseSnapshot({ matrices: 'yes' }), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => s.nextPhaseSnapshot(7), { code: 'INVALID_ARGUMENT' });
  s.delete();
  assert.throws(() => s.snapshot(), { code: 'DELETED' });
  assert.throws(() => s.nextPhaseSnapshot(), { code: 'DELETED' });
});
