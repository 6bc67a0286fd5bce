// The code view through the wasm module: the lines of every phase carry the session's own
// values with the shapes they declare; the scripts are byte for byte what `bpx code`
// prints; bad arguments throw BpxError naming the argument; nothing leaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BpxError } from 'backprop-explorer';
import { BPX, SEED002, getEngine, rows } from './support/engine.mjs';

const engine = await getEngine();

const MINIBATCH = {
  layers: [2, 3, 3], activations: ['relu', 'softmax'], loss: 'cross_entropy', batch_size: 4,
  optimizer: { type: 'momentum', learning_rate: 0.1, weight_decay: 0.01 }, init: { scheme: 'he', seed: 2 },
  data: { dataset: 'gaussian', classes: 3, points: 12, seed: 4, noise: 0.1 },
};

test('seed 002, forward 1: the course lines with the session values', () => {
  engine.withSession(SEED002, (s) => {
    s.nextPhase();
    const code = engine.codeLines(s);
    assert.deepEqual(code.phase, { kind: 'forward', layer: 1, label: 'Forward 1' });
    assert.equal(code.current, true);
    const z1 = code.lines.find((l) => l.text === 'Z1 = W1 @ A0 + b1');
    assert.deepEqual(z1.shape, [2, 1]);
    // By hand: W1 x + b1 = [0.1 + 0.4 + 0.01, 0.3 + 0.8 + 0.02].
    assert.ok(Math.abs(z1.value.data[0] - 0.51) < 1e-15 && Math.abs(z1.value.data[1] - 1.12) < 1e-15);
    assert.ok(z1.notes.some((n) => n.includes('(2, 2)')), 'the * slip names the broadcast shape');
  });
});

test('every phase: each quantity line has the value and shape of the session', () => {
  for (const spec of [SEED002, MINIBATCH]) {
    engine.withSession(spec, (s) => {
      for (let i = 0; i < 2 * s.L + 2; i++) {
        s.nextPhase();
        for (const lang of ['numpy', 'pytorch']) {
          const code = engine.codeLines(s, { lang });
          assert.deepEqual(code.phase, s.state().lastPhase);
          for (const line of code.lines) {
            if (!line.quantity) {
              assert.equal(line.value, null);
              continue;
            }
            if (line.quantity === 'loss') {
              assert.equal(line.value, s.state().loss);
              continue;
            }
            const m = s.matrix(line.quantity, line.layer);
            assert.deepEqual(line.value.shape, line.shape, line.text);
            assert.deepEqual(rows(line.value), rows(m), line.text);
          }
        }
      }
    });
  }
});

test('a phase other than the one just run has lines but no values', () => {
  engine.withSession(SEED002, (s) => {
    const start = engine.codeLines(s);
    assert.equal(start.phase.kind, 'forward');
    assert.equal(start.current, false);
    assert.ok(start.lines.every((l) => l.value === null));
    const update = engine.codeLines(s, { phase: 5, lang: 'pytorch' });
    assert.equal(update.phase.kind, 'update');
    assert.equal(update.lines[0].text, 'optimizer.step()');
  });
});

test('the scripts are what bpx code prints', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bpx-code-'));
  const file = join(dir, 'spec.json');
  writeFileSync(file, JSON.stringify(MINIBATCH));
  for (const lang of ['numpy', 'pytorch']) {
    const cli = execFileSync(BPX, ['code', file, '--lang', lang, '--steps', '3'], { encoding: 'utf8' });
    assert.equal(engine.codeScript(MINIBATCH, { lang, steps: 3 }), cli);
    engine.withSession(MINIBATCH, (s) => assert.equal(engine.codeScript(s, { lang, steps: 3 }), cli));
  }
});

test('bad arguments throw BpxError naming the argument', () => {
  engine.withSession(SEED002, (s) => {
    const bad = [
      [() => engine.codeLines(s, { lang: 'julia' }), 'lang'],
      [() => engine.codeLines(s, { phase: 6 }), 'phase'],
      [() => engine.codeLines(s, { phase: -1 }), 'phase'],
      [() => engine.codeLines(SEED002), 'session'],
      [() => engine.codeScript(SEED002, { steps: 0 }), 'steps'],
      [() => engine.codeScript(SEED002, { steps: engine.codeMaxSteps + 1 }), 'steps'],
      [() => engine.codeScript({ layers: [2, 0, 1] }), 'layers[1]'],
    ];
    for (const [call, path] of bad) {
      assert.throws(call, (e) => e instanceof BpxError && e.path === path, path);
    }
  });
  assert.equal(engine.codeMaxSteps, 1000);
});

test('no memory or handles leak over many calls', () => {
  engine.withSession(MINIBATCH, (s) => {
    s.step();
    const warm = () => {
      engine.codeLines(s, { lang: 'numpy' });
      engine.codeScript(s, { lang: 'pytorch', steps: 2 });
    };
    warm();
    const before = engine.heapUsedBytes();
    for (let i = 0; i < 300; i++) warm();
    assert.equal(engine.heapUsedBytes(), before);
    assert.equal(engine.handleCount(), 0);
  });
});
