// Seeded mutations of valid specs, for the fuzz tests (tests/wasm/fuzz.test.mjs through the
// wasm API, tests/cli/fuzz.sh through bpx). Deterministic: the same seed gives the same texts.
import { readFileSync } from 'node:fs';

/** xorshift32: a tiny seeded generator (not the engine's; any fixed sequence will do). */
export function rng(seed) {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

const PIECES = ['null', 'NaN', '-1', '1e308', '-0', '0.5', '"x"', '[]', '{}', '[[', ']]', '"', ',', ':',
  '1e999', '99999999999999999999', '"\\ud800"', '"layers"', 'true', '[1e-320]', '{"a":1,"a":2}'];

/** One mutation of `text`: a deleted, duplicated, replaced or inserted piece. */
export function mutate(text, next) {
  const at = next(text.length + 1);
  switch (next(6)) {
    case 0: return text.slice(0, at) + text.slice(at + 1 + next(20));
    case 1: return text.slice(0, at) + text.slice(at, at + next(40)) + text.slice(at);
    case 2: return text.slice(0, at) + PIECES[next(PIECES.length)] + text.slice(at);
    case 3: return text.slice(0, at) + PIECES[next(PIECES.length)] + text.slice(at + 1 + next(8));
    case 4: {
      // Change a digit: stays JSON, often a semantic error.
      const digits = [...text.matchAll(/[0-9]/g)].map((m) => m.index);
      if (!digits.length) return text;
      const i = digits[next(digits.length)];
      return text.slice(0, i) + String(next(10)) + text.slice(i + 1);
    }
    default: {
      // Repeat a list's contents: sizes out of range.
      const open = text.indexOf('[', at);
      const close = open < 0 ? -1 : text.indexOf(']', open);
      if (close < 0) return text;
      const inner = text.slice(open + 1, close);
      return text.slice(0, close) + `,${inner}`.repeat(1 + next(4)) + text.slice(close);
    }
  }
}

/** `count` mutated specs from the examples, each 1 to 3 mutations deep. */
export function mutatedSpecs(root, seed, count) {
  const bases = ['seed002.json', 'seed003_neuron.json'].map((f) => readFileSync(`${root}examples/${f}`, 'utf8'));
  bases.push(JSON.stringify({ layers: [2, 4, 3], activations: ['tanh', 'softmax'], loss: 'cross_entropy',
    optimizer: { type: 'adam', learning_rate: 0.05 }, batch_size: 8, init: { scheme: 'he', seed: 3 },
    data: { dataset: 'spiral', classes: 3, points: 60, noise: 0.1, train_fraction: 0.7, seed: 4 } }));
  const next = rng(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    let text = bases[next(bases.length)];
    for (let k = 1 + next(3); k > 0; k--) text = mutate(text, next);
    out.push(text);
  }
  return out;
}
