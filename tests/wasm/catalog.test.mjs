// The catalogue: the wasm module describes itself exactly as `bpx catalog` does, every
// entry it lists works in a spec, and phases come as {kind, layer, label} objects.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { BPX, getEngine } from './support/engine.mjs';
import { BpxError } from 'backprop-explorer';

const engine = await getEngine();

function cli(args) {
  const r = spawnSync(BPX, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe('engine.catalog()', () => {
  test('is what the native CLI prints', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(engine.catalog())), cli(['catalog']));
  });

  test('is one frozen object', () => {
    const c = engine.catalog();
    assert.equal(engine.catalog(), c);
    assert.ok(Object.isFrozen(c) && Object.isFrozen(c.activations[0]));
    assert.throws(() => { c.limits.maxUnits = 1e9; }, TypeError);
  });

  test('every activation it lists trains a step, output-only ones on the output layer only', () => {
    for (const a of engine.catalog().activations) {
      const spec = {
        layers: [2, 2, 2], activations: [a.outputOnly ? 'tanh' : a.name, a.name], loss: 'mse',
        data: { inputs: [[1, 2]], targets: [[0.5, 0.25]] },
      };
      engine.withSession(spec, (s) => assert.equal(s.step(), null, a.name));
      if (a.outputOnly) {
        const r = engine.validate({ ...spec, activations: [a.name, a.name] });
        assert.equal(r.ok, false);
        assert.equal(r.error.path, 'activations[0]');
      }
    }
  });

  test('each loss accepts exactly its listed outputs', () => {
    const c = engine.catalog();
    for (const loss of c.losses) {
      for (const a of c.activations) {
        const r = engine.validate({
          layers: [2, 2], activations: [a.name], loss: loss.name,
          data: { inputs: [[1, 2]], targets: [[1, 0]] },
        });
        assert.equal(r.ok, loss.outputs.includes(a.name), `${loss.name} after ${a.name}`);
      }
    }
  });
});

describe('what the inspector reads from it', () => {
  test('each activation\'s gate in the grouped graph is named by the activation, so its symbol is found', () => {
    for (const a of engine.catalog().activations) {
      const spec = {
        layers: [2, 2, 2], activations: ['tanh', a.name], loss: a.name === 'softmax' ? 'cross_entropy' : 'mse',
        data: { inputs: [[1, 2]], targets: [[1, 0]] },
      };
      engine.withSession(spec, (s) => {
        const g = s.graph(2, 0, { example: 0, expanded: false, root: 'loss' });
        const gate = g.nodes[g.a];
        assert.equal(gate.op, a.name, a.name);
        assert.ok(a.symbol.length > 0, a.name);
        // Expanded, exactly the expandable ones take more gates than the one.
        const expanded = s.graph(2, 0, { example: 0, expanded: true, root: 'loss' });
        assert.equal(expanded.nodes.length > g.nodes.length, a.expandable, a.name);
      });
    }
  });

  test('an optimizer without state is the plain step W - lr dW', () => {
    for (const o of engine.catalog().optimizers) {
      const spec = {
        layers: [2, 2, 1], activations: ['tanh', 'sigmoid'], loss: 'mse',
        optimizer: { type: o.name, learning_rate: 0.5 },
        data: { inputs: [[1, 2], [-1, 0.5]], targets: [[1], [0]] },
      };
      engine.withSession(spec, (s) => {
        let plain = true;
        for (let k = 0; k < 2; k++) {
          const before = s.matrix('W', 1).data.slice();
          s.step();
          const dW = s.matrix('dW', 1).data;
          const after = s.matrix('W', 1).data;
          plain &&= after.every((w, i) => Math.abs(w - (before[i] - 0.5 * dW[i])) < 1e-12);
        }
        assert.equal(plain, o.state.length === 0, o.name);
      });
    }
  });
});

describe('phases', () => {
  test('engine.phases(L) lists forward 1..L, loss, backward L..1, update', () => {
    assert.deepEqual(engine.phases(1), [
      { kind: 'forward', layer: 1, label: 'Forward 1' },
      { kind: 'loss', layer: 0, label: 'Loss' },
      { kind: 'backward', layer: 1, label: 'Backward 1' },
      { kind: 'update', layer: 0, label: 'Update' },
    ]);
    assert.equal(engine.phases(engine.catalog().limits.maxLayers).length, 2 * engine.catalog().limits.maxLayers + 2);
  });

  test('engine.phases outside 1..maxLayers throws INVALID_ARGUMENT', () => {
    for (const bad of [0, -1, 9, 1.5, '2', null]) {
      assert.throws(() => engine.phases(bad), (e) => e instanceof BpxError && e.code === 'INVALID_ARGUMENT');
    }
  });
});
