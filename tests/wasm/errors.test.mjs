// Bad input: a table of bad specs and bad calls, each giving a thrown BpxError with the
// expected .code (and .path), and each followed by a good call on the same engine (and
// the same session) that works.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { BpxError, createEngine, createEngineWith } from 'backprop-explorer';
import { SEED002, getEngine } from './support/engine.mjs';

const engine = await getEngine();

const base = () => structuredClone(SEED002);
const edit = (fn) => {
  const s = base();
  fn(s);
  return s;
};
const DATASET = {
  layers: [2, 3, 1], activations: ['tanh', 'sigmoid'], loss: 'bce',
  data: { dataset: 'circle', points: 20, seed: 1 },
};
const dataset = (fn) => {
  const s = structuredClone(DATASET);
  fn(s);
  return s;
};
const cyclic = base();
cyclic.self = cyclic;

// [what, spec, path]: every one must throw INVALID_SPEC naming `path`.
const BAD_SPECS = [
  ['null', null, ''],
  ['a number', 42, ''],
  ['undefined', undefined, ''],
  ['a boolean', true, ''],
  ['text that is not JSON', 'layers: [2, 1]', ''],
  ['truncated JSON', '{"layers": [2, 1', ''],
  ['a JSON list', '[2, 1]', ''],
  ['a JSON number', '3', ''],
  ['an empty object', {}, 'layers'],
  ['layers as text', edit((s) => { s.layers = '2,2,1'; }), 'layers'],
  ['only the input layer', edit((s) => { s.layers = [2]; }), 'layers'],
  ['too many layers', edit((s) => { s.layers = [2, 2, 2, 2, 2, 2, 2, 2, 2, 1]; }), 'layers'],
  ['a layer of 0 units', edit((s) => { s.layers = [2, 0, 1]; }), 'layers[1]'],
  ['a layer of 65 units', edit((s) => { s.layers = [2, 65, 1]; }), 'layers[1]'],
  ['a fractional layer size', edit((s) => { s.layers = [2, 1.5, 1]; }), 'layers[1]'],
  ['a NaN layer size (JSON null)', edit((s) => { s.layers = [2, NaN, 1]; }), 'layers[1]'],
  ['a layer size as text', edit((s) => { s.layers = [2, '2', 1]; }), 'layers[1]'],
  ['activations missing', edit((s) => { delete s.activations; }), 'activations'],
  ['one activation too few', edit((s) => { s.activations = ['sigmoid']; }), 'activations'],
  ['an unknown activation', edit((s) => { s.activations = ['gelu', 'sigmoid']; }), 'activations[0]'],
  ['an activation that is null', edit((s) => { s.activations = ['sigmoid', null]; }), 'activations[1]'],
  ['softmax on a hidden layer', edit((s) => { s.activations = ['softmax', 'sigmoid']; }), 'activations[0]'],
  ['softmax with one output unit', edit((s) => { s.activations = ['sigmoid', 'softmax']; s.loss = 'cross_entropy'; }), 'activations[1]'],
  ['loss missing', edit((s) => { delete s.loss; }), 'loss'],
  ['an unknown loss', edit((s) => { s.loss = 'hinge'; }), 'loss'],
  ['bce with a tanh output', edit((s) => { s.activations = ['sigmoid', 'tanh']; }), 'loss'],
  ['an unknown optimizer', edit((s) => { s.optimizer.type = 'rmsprop'; }), 'optimizer.type'],
  ['learning rate 0', edit((s) => { s.optimizer.learning_rate = 0; }), 'optimizer.learning_rate'],
  ['a negative learning rate', edit((s) => { s.optimizer.learning_rate = -0.1; }), 'optimizer.learning_rate'],
  ['a NaN learning rate (JSON null)', edit((s) => { s.optimizer.learning_rate = NaN; }), 'optimizer.learning_rate'],
  ['an infinite learning rate (JSON null)', edit((s) => { s.optimizer.learning_rate = Infinity; }), 'optimizer.learning_rate'],
  ['a learning rate of 1e9', edit((s) => { s.optimizer.learning_rate = 1e9; }), 'optimizer.learning_rate'],
  ['a learning rate as text', edit((s) => { s.optimizer.learning_rate = '0.1'; }), 'optimizer.learning_rate'],
  ['momentum on sgd', edit((s) => { s.optimizer.momentum = 0.9; }), 'optimizer.momentum'],
  ['adam beta1 of 1', edit((s) => { s.optimizer = { type: 'adam', beta1: 1 }; }), 'optimizer.beta1'],
  ['an unknown optimizer key', edit((s) => { s.optimizer.lr = 0.1; }), 'optimizer.lr'],
  ['a negative weight decay', edit((s) => { s.optimizer.weight_decay = -1; }), 'optimizer.weight_decay'],
  ['an unknown top-level key', edit((s) => { s.epochs = 3; }), 'epochs'],
  ['weights of the wrong shape', edit((s) => { s.init.weights[0] = [[0.1, 0.2]]; }), 'init.weights[0]'],
  ['a NaN weight (JSON null)', edit((s) => { s.init.weights[1][0][1] = NaN; }), 'init.weights[1][0][1]'],
  ['weights without biases', edit((s) => { delete s.init.biases; }), 'init.biases'],
  ['an infinite bias (JSON null)', edit((s) => { s.init.biases[0][1] = -Infinity; }), 'init.biases[0][1]'],
  ['an unknown init scheme', dataset((s) => { s.init = { scheme: 'glorot' }; }), 'init.scheme'],
  ['a negative init seed', dataset((s) => { s.init = { seed: -1 }; }), 'init.seed'],
  ['an init seed beyond 2^53 - 1', dataset((s) => { s.init = { seed: 2 ** 53 }; }), 'init.seed'],
  ['data missing', edit((s) => { delete s.data; }), 'data'],
  ['an input row of the wrong width', edit((s) => { s.data.inputs = [[1, 2, 3]]; }), 'data.inputs[0]'],
  ['a NaN input (JSON null)', edit((s) => { s.data.inputs = [[1, NaN]]; }), 'data.inputs[0][1]'],
  ['fewer targets than inputs', edit((s) => { s.data.inputs = [[1, 2], [3, 4]]; }), 'data.targets'],
  ['a bce target of 2', edit((s) => { s.data.targets = [[2]]; }), 'data.targets[0][0]'],
  ['an unknown data set', dataset((s) => { s.data.dataset = 'moons'; }), 'data.dataset'],
  ['5 points', dataset((s) => { s.data.points = 5; }), 'data.points'],
  ['5000 points', dataset((s) => { s.data.points = 5000; }), 'data.points'],
  ['noise 0.9', dataset((s) => { s.data.noise = 0.9; }), 'data.noise'],
  ['3 classes of circle', dataset((s) => { s.data.classes = 3; }), 'data.classes'],
  ['an unknown feature', dataset((s) => { s.data.features = ['x1', 'x2', 'cos_x1']; }), 'data.features[2]'],
  ['a feature listed twice', dataset((s) => { s.data.features = ['x1', 'x1']; }), 'data.features[1]'],
  ['inputs that do not match the features', dataset((s) => { s.layers = [3, 3, 1]; }), 'layers[0]'],
  ['a regression set with bce', dataset((s) => { s.data.dataset = 'plane'; }), 'loss'],
  ['softmax units that do not match the classes', dataset((s) => {
    s.activations = ['tanh', 'softmax']; s.loss = 'cross_entropy'; s.layers = [2, 3, 3]; s.data.dataset = 'gaussian';
  }), 'layers[2]'],
  ['train_fraction 0', dataset((s) => { s.data.train_fraction = 0; }), 'data.train_fraction'],
  ['batch size 0', edit((s) => { s.batch_size = 0; }), 'batch_size'],
  ['a batch larger than the data', edit((s) => { s.batch_size = 2; }), 'batch_size'],
  ['a fractional batch size', dataset((s) => { s.batch_size = 1.5; }), 'batch_size'],
  ['a seed as text', edit((s) => { s.seed = 'abc'; }), 'seed'],
  ['a BigInt', edit((s) => { s.seed = 1n; }), ''],
  ['a cyclic object', cyclic, ''],
  ['100,000 nested lists', '['.repeat(100000), ''],
  ['a lone surrogate in a name', '{"layers": [2, 1], "activations": ["\uD800"], "loss": "mse"}', 'activations[0]'],
  ['an escaped lone surrogate', edit((s) => { s.loss = '\uD800'; }), ''],
  ['1 MB of garbage', 'x'.repeat(1 << 20), ''],
];

function goodCall() {
  const s = engine.session(SEED002);
  try {
    s.step();
    // y^ after one step of seed 002 stays a probability and the loss a positive number.
    const yhat = s.A(2).data[0];
    assert.ok(yhat > 0 && yhat < 1);
    assert.ok(s.state().loss > 0);
  } finally {
    s.delete();
  }
}

function expectError(fn, code, path) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught, 'it throws');
  assert.ok(caught instanceof BpxError, `a BpxError, got ${caught}`);
  assert.ok(caught instanceof Error);
  assert.equal(caught.name, 'BpxError');
  assert.equal(caught.code, code, caught.message);
  if (path !== undefined) assert.equal(caught.path, path, caught.message);
  assert.equal(typeof caught.message, 'string');
  assert.ok(caught.message.length > 5);
  if (path) assert.ok(caught.message.includes(path), `the message names ${path}: ${caught.message}`);
  return caught;
}

describe('bad specs', () => {
  test('the table holds many distinct cases', () => assert.ok(BAD_SPECS.length >= 60));
  for (const [what, spec, path] of BAD_SPECS) {
    test(`${what} -> INVALID_SPEC at "${path}"`, () => {
      expectError(() => engine.session(spec), 'INVALID_SPEC', path);
      const v = engine.validate(spec);
      assert.equal(v.ok, false);
      assert.equal(v.error.code, 'INVALID_SPEC');
      assert.equal(v.error.path, path);
      goodCall();
    });
  }
});

describe('bad calls on a session', () => {
  const s = engine.session(SEED002);
  const grid = (...args) => () => s.predictGrid(...args);
  const BAD_CALLS = [
    ['matrix of an unknown name', () => s.matrix('Q', 1), 'INVALID_ARGUMENT', 'name'],
    ['matrix with no name', () => s.matrix(null, 1), 'INVALID_ARGUMENT', 'name'],
    ['W of layer 0', () => s.matrix('W', 0), 'INVALID_ARGUMENT', 'layer'],
    ['W of layer L + 1', () => s.matrix('W', 3), 'INVALID_ARGUMENT', 'layer'],
    ['W of layer -1', () => s.W(-1), 'INVALID_ARGUMENT', 'layer'],
    ['W of layer 1.5', () => s.W(1.5), 'INVALID_ARGUMENT', 'layer'],
    ['W of layer NaN', () => s.W(NaN), 'INVALID_ARGUMENT', 'layer'],
    ['W of layer "1"', () => s.W('1'), 'INVALID_ARGUMENT', 'layer'],
    ['W of layer null', () => s.W(null), 'INVALID_ARGUMENT', 'layer'],
    ['W with no layer', () => s.matrix('W'), 'INVALID_ARGUMENT', 'layer'],
    ['A of layer -1', () => s.A(-1), 'INVALID_ARGUMENT', 'layer'],
    ['dA of layer 99', () => s.dA(99), 'INVALID_ARGUMENT', 'layer'],
    ['dZ of layer 0', () => s.dZ(0), 'INVALID_ARGUMENT', 'layer'],
    ['train(-1)', () => s.train(-1), 'INVALID_ARGUMENT', 'steps'],
    ['train(1.5)', () => s.train(1.5), 'INVALID_ARGUMENT', 'steps'],
    ['train(NaN)', () => s.train(NaN), 'INVALID_ARGUMENT', 'steps'],
    ['train(Infinity)', () => s.train(Infinity), 'INVALID_ARGUMENT', 'steps'],
    ['train("10")', () => s.train('10'), 'INVALID_ARGUMENT', 'steps'],
    ['train()', () => s.train(), 'INVALID_ARGUMENT', 'steps'],
    ['trace(0)', () => s.trace(0), 'INVALID_ARGUMENT', 'steps'],
    ['trace(100001)', () => s.traceText(100001), 'INVALID_ARGUMENT', 'steps'],
    ['setLearningRate(0)', () => s.setLearningRate(0), 'INVALID_ARGUMENT', 'learning_rate'],
    ['setLearningRate(-0.1)', () => s.setLearningRate(-0.1), 'INVALID_ARGUMENT', 'learning_rate'],
    ['setLearningRate(NaN)', () => s.setLearningRate(NaN), 'INVALID_ARGUMENT', 'learning_rate'],
    ['setLearningRate(Infinity)', () => s.setLearningRate(Infinity), 'INVALID_ARGUMENT', 'learning_rate'],
    ['setLearningRate(1000)', () => s.setLearningRate(1000), 'INVALID_ARGUMENT', 'learning_rate'],
    ['setLearningRate("0.1")', () => s.setLearningRate('0.1'), 'INVALID_ARGUMENT', 'learning_rate'],
    ['setLearningRate(null)', () => s.setLearningRate(null), 'INVALID_ARGUMENT', 'learning_rate'],
    ['setWeightDecay(-1)', () => s.setWeightDecay(-1), 'INVALID_ARGUMENT', 'weight_decay'],
    ['setWeightDecay(11)', () => s.setWeightDecay(11), 'INVALID_ARGUMENT', 'weight_decay'],
    ['setWeightDecay(NaN)', () => s.setWeightDecay(NaN), 'INVALID_ARGUMENT', 'weight_decay'],
    ['setBatchSize(0)', () => s.setBatchSize(0), 'INVALID_ARGUMENT', 'batch_size'],
    ['setBatchSize(2) with 1 example', () => s.setBatchSize(2), 'INVALID_ARGUMENT', 'batch_size'],
    ['setBatchSize(1.5)', () => s.setBatchSize(1.5), 'INVALID_ARGUMENT', 'batch_size'],
    ['predictGrid with nx 0', grid(0, 10, -6, 6, -6, 6), 'INVALID_ARGUMENT', 'nx'],
    ['predictGrid with ny 1001', grid(10, 1001, -6, 6, -6, 6), 'INVALID_ARGUMENT', 'ny'],
    ['predictGrid with xmin NaN', grid(10, 10, NaN, 6, -6, 6), 'INVALID_ARGUMENT', 'xmin'],
    ['predictGrid with ymax Infinity', grid(10, 10, -6, 6, -6, Infinity), 'INVALID_ARGUMENT', 'ymax'],
    ['predictGrid with a missing bound', grid(10, 10, -6, 6, -6), 'INVALID_ARGUMENT', 'ymax'],
    ['predictGrid with null options', grid(10, 10, -6, 6, -6, 6, null), 'INVALID_ARGUMENT', 'options'],
    ['predictGrid with allUnits "yes"', grid(10, 10, -6, 6, -6, 6, { allUnits: 'yes' }), 'INVALID_ARGUMENT', 'allUnits'],
    ['predictGrid with precision "half"', grid(10, 10, -6, 6, -6, 6, { precision: 'half' }), 'INVALID_ARGUMENT', 'precision'],
    ['graph of layer 0', () => s.graph(0, 0), 'INVALID_ARGUMENT', 'layer'],
    ['graph of unit 5', () => s.graph(1, 5), 'INVALID_ARGUMENT', 'unit'],
    ['graph of example 1 (one example)', () => s.graph(1, 0, { example: 1 }), 'INVALID_ARGUMENT', 'example'],
    ['graph of example -1', () => s.graph(1, 0, { example: -1 }), 'INVALID_ARGUMENT', 'example'],
    ['graph with root "z"', () => s.graph(1, 0, { root: 'z' }), 'INVALID_ARGUMENT', 'root'],
    ['graph with expanded "no"', () => s.graph(1, 0, { expanded: 'no' }), 'INVALID_ARGUMENT', 'expanded'],
    ['evaluate("validation")', () => s.evaluate('validation'), 'INVALID_ARGUMENT', 'which'],
    ['walkthrough as pdf', () => s.walkthrough({ format: 'pdf' }), 'INVALID_ARGUMENT', 'format'],
    ['walkthrough with 0 digits', () => s.walkthrough({ digits: 0 }), 'INVALID_ARGUMENT', 'digits'],
    ['walkthrough with 18 digits', () => s.walkthrough({ digits: 18 }), 'INVALID_ARGUMENT', 'digits'],
    ['reset with seed -1', () => s.reset({ seed: -1 }), 'INVALID_ARGUMENT', 'seed'],
    ['reset with seed 1.5', () => s.reset({ seed: 1.5 }), 'INVALID_ARGUMENT', 'seed'],
    ['reset with options "x"', () => s.reset('x'), 'INVALID_ARGUMENT', 'options'],
    ['backward() at the start of a step', () => s.backward(), 'WRONG_PHASE'],
    ['update() at the start of a step', () => s.update(), 'WRONG_PHASE'],
    ['withSession without a function', () => engine.withSession(SEED002, 'fn'), 'INVALID_ARGUMENT', 'fn'],
  ];

  test('the table holds many distinct cases', () => assert.ok(BAD_CALLS.length >= 50));
  for (const [what, call, code, path] of BAD_CALLS) {
    test(`${what} -> ${code}${path ? ` at "${path}"` : ''}`, () => {
      const before = s.state();
      expectError(call, code, path);
      // The session is unchanged and still works: a step, then back to where it was.
      const after = s.state();
      assert.deepEqual(after, before);
      assert.deepEqual(s.nextPhase().phase, before.nextPhase);
      assert.equal(s.previousPhase(), true);
      assert.deepEqual(s.state(), before);
      goodCall();
    });
  }

  test('forward() in the middle of a step -> WRONG_PHASE, then the step goes on', () => {
    s.reset();
    s.nextPhase();
    expectError(() => s.forward(), 'WRONG_PHASE');
    s.nextPhase();
    s.nextPhase(); // loss
    assert.equal(s.backward(), null);
    expectError(() => s.forward(), 'WRONG_PHASE');
    expectError(() => s.backward(), 'WRONG_PHASE');
    assert.equal(s.update(), null);
    assert.equal(s.state().step, 1);
  });

  test('a rejected learning rate leaves the rate in use', () => {
    s.reset();
    s.setLearningRate(0.3);
    for (const bad of [0, -1, NaN, Infinity, 1000]) expectError(() => s.setLearningRate(bad), 'INVALID_ARGUMENT', 'learning_rate');
    assert.equal(s.state().learningRate, 0.3);
    const W = s.W(2).data;
    s.forward();
    s.backward();
    const dW = s.dW(2).data;
    s.update();
    s.W(2).data.forEach((w, k) => assert.equal(w, W[k] - 0.3 * dW[k]));
  });
});

describe('other bad calls', () => {
  test('predictGrid on explicit data with 3 inputs: the engine says why', () => {
    const spec = { layers: [3, 1], activations: ['linear'], loss: 'mse', data: { inputs: [[1, 2, 3]], targets: [[1]] } };
    engine.withSession(spec, (s) => {
      const e = expectError(() => s.predictGrid(5, 5, -1, 1, -1, 1), 'INVALID_ARGUMENT');
      assert.match(e.message, /2 inputs/);
      assert.deepEqual(s.train(2), { steps: 2, divergence: null });
    });
  });

  test('a grid too large for the network is refused, not an out-of-memory abort', () => {
    const wide = {
      layers: [2, 64, 64, 64, 64, 64, 64, 64, 1], activations: [...new Array(8).fill('tanh').slice(0, 7), 'sigmoid'], loss: 'bce',
      init: { scheme: 'xavier' }, data: { dataset: 'circle', points: 20 },
    };
    engine.withSession(wide, (s) => {
      for (const precision of ['double', 'float']) {
        expectError(() => s.predictGrid(1000, 1000, -6, 6, -6, 6, { allUnits: true, precision }), 'INVALID_ARGUMENT', 'nx');
      }
      assert.equal(s.predictGrid(50, 50, -6, 6, -6, 6, { allUnits: true }).maps.length, 7 * 64 + 1);
    });
    goodCall();
  });

  test('a trace too large for one call is refused with the largest allowed count', () => {
    const big = {
      layers: [2, 64, 64, 1], activations: ['tanh', 'tanh', 'sigmoid'], loss: 'bce',
      init: { scheme: 'xavier' }, data: { dataset: 'circle', points: 2000 },
    };
    engine.withSession(big, (s) => {
      const e = expectError(() => s.traceText(1000), 'INVALID_ARGUMENT', 'steps');
      const most = Number(/at most (\d+) steps/.exec(e.message)[1]);
      assert.ok(most >= 1 && most < 1000);
      assert.equal(s.state().step, 0, 'nothing ran');
      assert.equal(s.trace(1).length, 1);
    });
  });

  test('every method after delete() -> DELETED; the engine goes on', () => {
    const s = engine.session(SEED002);
    s.delete();
    const calls = [
      () => s.state(), () => s.nextPhase(), () => s.previousPhase(), () => s.step(), () => s.train(1),
      () => s.forward(), () => s.backward(), () => s.update(), () => s.reset(), () => s.reset({ seed: 2 }),
      () => s.setLearningRate(0.1), () => s.setWeightDecay(0), () => s.setBatchSize(1),
      () => s.matrix('W', 1), () => s.W(1), () => s.b(1), () => s.Z(1), () => s.A(0), () => s.dA(0),
      () => s.dZ(1), () => s.dW(1), () => s.db(1), () => s.gprime(1), () => s.Y(), () => s.lossHistory(),
      () => s.evaluate(), () => s.data(), () => s.predictGrid(2, 2, 0, 1, 0, 1), () => s.graph(1, 0),
      () => s.trace(1), () => s.traceText(1), () => s.walkthrough(), () => s.spec(),
      // A bad argument after delete() is still DELETED: the handle is checked first.
      () => s.W(99), () => s.train(-1),
    ];
    for (const call of calls) {
      expectError(call, 'DELETED', '');
      goodCall();
    }
  });

  test('createEngine and createEngineWith reject bad options', async () => {
    await assert.rejects(createEngine(null), (e) => e instanceof BpxError && e.code === 'INVALID_ARGUMENT');
    await assert.rejects(createEngineWith(null), (e) => e instanceof BpxError && e.code === 'INVALID_ARGUMENT' && e.path === 'factory');
    goodCall();
  });
});
