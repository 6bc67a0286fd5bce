// Fuzz: 400 seeded mutations of valid specs through the wasm API. Each one is either
// rejected with a BpxError (INVALID_SPEC, with a message that quotes little of the input) or
// gives a session whose step, readers and undo work; the engine is never lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, getEngine } from './support/engine.mjs';
import { mutatedSpecs } from './support/mutate.mjs';

const engine = await getEngine();

test('400 mutated specs fail cleanly or run', () => {
  let rejected = 0, ran = 0;
  for (const text of mutatedSpecs(ROOT, 20261201, 400)) {
    const v = engine.validate(text);
    if (!v.ok) {
      rejected++;
      assert.equal(v.error.name, 'BpxError', text);
      assert.equal(v.error.code, 'INVALID_SPEC', text);
      assert.ok(v.error.message.length > 0 && v.error.message.length < 400, v.error.message);
      assert.throws(() => engine.session(text), (e) => e.code === 'INVALID_SPEC');
      continue;
    }
    ran++;
    engine.withSession(text, (s) => {
      const d = s.step();
      assert.ok(d === null || typeof d.message === 'string');
      assert.equal(s.state().step, 1);
      s.W(1);
      s.lossHistory();
      assert.equal(s.previousPhase(), true);
    });
  }
  assert.equal(rejected + ran, 400);
  assert.ok(rejected > 200 && ran > 10, `rejected ${rejected}, ran ${ran}`);
  assert.equal(engine.lost, false);
  assert.equal(engine.handleCount(), 0);
});
