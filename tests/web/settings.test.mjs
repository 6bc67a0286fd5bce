// The training view's settings table (web/src/settings/) under node:test, without a browser:
// defaults are the catalogue's, a link and the settings and the spec round-trip, bad values
// give errors that name the field and the control, and every engine error about a setting's
// spec field is shown at that setting's control. `npm run test:web` compiles the table with
// tsc into build/web-settings first (node 20 runs no TypeScript).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from 'backprop-explorer';
import { useCatalogOf } from '../../build/web-settings/catalog.js';
import * as S from '../../build/web-settings/settings/index.js';

const engine = await createEngine();
useCatalogOf(engine);
const cat = engine.catalog();

const fromParams = (params) => S.readSettings((n) => params.get(n));
function toParams(s) {
  const p = new URLSearchParams();
  for (const [k, v] of S.writeSettings(s)) if (v !== null) p.set(k, v);
  return p;
}
const json = (x) => JSON.parse(JSON.stringify(x));
const validate = (s) => engine.validate(S.buildSpec(s));

/** A run unlike the defaults in every setting (the full state of tests/e2e/train.test.mjs and more). */
function unusual() {
  return {
    ...S.defaultSettings(),
    dataset: 'gaussian', classes: 3, noise: 0.2, points: 300, split: 0.6, dataSeed: 42,
    features: ['x1', 'x2', 'x1_x2'], hidden: [5, 3], activations: ['relu', 'tanh'], output: 'softmax',
    loss: 'cross_entropy', optimizer: 'adam', lr: 0.01, batch: 7, l2: 0.001, init: 'he', initSeed: 9,
    seed: 3, speed: '25', stopLoss: 0.05, stopEpoch: 40, showTest: true, discretize: true,
    edges: 'gradients', panels: ['data', 'output'],
  };
}

describe('defaults', () => {
  test('are the catalogue\'s trainDefaults, and give back exactly that spec', () => {
    const d = S.defaultSettings();
    const t = cat.trainDefaults;
    assert.equal(d.dataset, t.data.dataset);
    assert.equal(d.points, t.data.points);
    assert.equal(d.split, t.data.train_fraction);
    assert.equal(d.lr, t.optimizer.learning_rate);
    assert.equal(d.batch, t.batch_size);
    assert.deepEqual(d.hidden, t.layers.slice(1, -1));
    assert.deepEqual([...d.activations, d.output], t.activations);
    assert.deepEqual(json(S.buildSpec(d)), json(t));
    assert.equal(d.edited, null);
  });

  test('write no view setting into a link, and every training setting', () => {
    const p = toParams(S.defaultSettings());
    for (const key of ['t.speed', 't.stoploss', 't.stopepoch', 't.test', 't.disc', 't.edges', 't.panels', 't.pts']) assert.ok(!p.has(key), key);
    assert.equal(p.get('t.data'), 'circle');
    assert.equal(p.get('t.hidden'), '4,2');
    assert.equal(p.get('t.lr'), '0.03');
  });

  test('an empty link is the defaults, with no errors', () => {
    const r = fromParams(new URLSearchParams());
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.settings, S.defaultSettings());
  });
});

describe('round trips', () => {
  test('settings → link → settings, for every setting changed', () => {
    const s = unusual();
    const r = fromParams(new URLSearchParams(toParams(s).toString()));
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.settings, s);
  });

  test('the user\'s own points travel in the link at thousandths', () => {
    const s = { ...S.defaultSettings(), edited: { xy: [1.5, -2.25, 0.001, 3], labels: [0, 1], regression: false } };
    const back = fromParams(toParams(s)).settings;
    assert.deepEqual(back.edited, s.edited);
    const reg = { xy: [-1.234, 5.678], labels: [-0.5], regression: true };
    assert.deepEqual(S.decodePoints(S.encodePoints(reg)), reg);
  });

  test('test points travel in the link too (version 2), and a version 1 link still reads', () => {
    const edited = { xy: [1.5, -2.25], labels: [1], regression: false, testXy: [0.25, 4, -1, -1], testLabels: [0, 1] };
    const s = { ...S.defaultSettings(), batch: 1, edited };
    assert.deepEqual(fromParams(toParams(s)).settings.edited, edited);
    // Version 1 as written by hand: version 1, classes, 1 point, x1 = 1.5, x2 = -2.25, label 1.
    const v1 = new Uint8Array([1, 0, 1, 0, 0xdc, 0x05, 0x36, 0xf7, 1]);
    const text = btoa(String.fromCharCode(...v1)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    assert.deepEqual(S.decodePoints(text), { xy: [1.5, -2.25], labels: [1], regression: false });
    // Without test points the link is written as version 1, as before.
    assert.equal(S.encodePoints({ xy: [1.5, -2.25], labels: [1], regression: false }), text);
    // The spec carries the test points to the engine.
    const spec = S.buildSpec(s);
    assert.deepEqual(spec.data.test_points, [[0.25, 4], [-1, -1]]);
    assert.deepEqual(spec.data.test_labels, [0, 1]);
    assert.deepEqual({ ...s, ...S.settingsFromSpec(spec) }, s);
  });

  test('a link → settings → the same link', () => {
    const link = 't.data=xor&t.classes=2&t.noise=0.2&t.points=300&t.split=0.6&t.dseed=42&t.features=x1%2Cx2%2Cx1_x2&t.hidden=5%2C3&t.act=relu%2Ctanh&t.out=sigmoid&t.loss=bce&t.opt=adam&t.lr=0.01&t.batch=7&t.l2=0.001&t.init=he&t.iseed=9&t.seed=3&t.test=1';
    const r = fromParams(new URLSearchParams(link));
    assert.deepEqual(r.errors, []);
    assert.equal(toParams(r.settings).toString(), link);
  });

  test('settings → spec → settings, for generated data and for the user\'s points', () => {
    const s = unusual();
    const back = { ...s, ...S.settingsFromSpec(S.buildSpec(s)) };
    assert.deepEqual(back, s);
    const own = { ...S.defaultSettings(), batch: 2, edited: { xy: [1, 2, -3, 4, 0.5, 0.5], labels: [0, 1, 1], regression: false } };
    assert.deepEqual({ ...own, ...S.settingsFromSpec(S.buildSpec(own)) }, own);
    // Fewer points than the batch size: the spec uses them all.
    assert.equal(S.buildSpec({ ...own, batch: 10 }).batch_size, 3);
  });

  test('every such spec is one the engine accepts', () => {
    const regression = { ...S.defaultSettings(), dataset: 'plane', output: 'linear' };
    const own = { ...S.defaultSettings(), edited: { xy: [1, 2, -3, 4], labels: [0.25, -0.5], regression: true } };
    for (const s of [S.defaultSettings(), unusual(), regression, own]) {
      const v = validate(s);
      assert.ok(v.ok, v.ok ? '' : v.error.message);
    }
  });

  test('a 2-D spec with inputs and targets becomes the user\'s points (one-hot targets: classes)', () => {
    const spec = { layers: [2, 3], activations: ['softmax'], loss: 'cross_entropy', data: { inputs: [[1, 2], [3, 4]], targets: [[0, 0, 1], [1, 0, 0]] } };
    const decode = (x) => engine.pointData(x);
    const s = S.settingsFromSpec(spec, decode);
    assert.deepEqual(s.edited, { xy: [1, 2, 3, 4], labels: [2, 0], regression: false });
    assert.equal(s.classes, 3);
    assert.deepEqual(s.hidden, []);
    // The engine reads the data: three inputs are no points of the plane.
    assert.throws(() => S.settingsFromSpec({ ...spec, data: { inputs: [[1, 2, 3]], targets: [[1]] } }, decode), /2 inputs/);
  });
});

describe('bad values', () => {
  const bad = (query) => fromParams(new URLSearchParams(query)).errors;
  const { minPoints, maxPoints, maxUnits } = cat.limits;

  test('name the field, the parameter and what is expected, at the control that sets it', () => {
    const [lr] = bad('t.lr=fast');
    assert.equal(lr.control, 'lr');
    assert.match(lr.message, /^optimizer\.learning_rate: expected a number, got "fast" \(t\.lr\)$/);
    const [points] = bad('t.points=5');
    assert.equal(points.control, 'points');
    assert.equal(points.message, `data.points: expected from ${minPoints} to ${maxPoints}, got 5 (t.points)`);
    const [data] = bad('t.data=moons');
    assert.equal(data.control, 'dataset');
    assert.match(data.message, /expected one of circle, xor, .*got "moons"/);
    assert.match(bad('t.hidden=4,x')[0].message, /whole numbers separated by commas/);
    assert.equal(bad(`t.hidden=4,${maxUnits + 1}`)[0].message, `t.hidden: expected from 1 to ${maxUnits}, got ${maxUnits + 1}`);
    assert.match(bad('t.points=20.5')[0].message, /whole number, got 20.5/);
    assert.match(bad('t.test=maybe')[0].message, /^t\.test: expected 1 or 0/);
    assert.match(bad('t.pts=AAAA')[0].message, /not a list of points/);
    assert.equal(bad('t.stopepoch=0')[0].control, 'stop');
  });

  test('ranges are the catalogue\'s: the learning rate is more than 0 and at most its largest', () => {
    const p = cat.optimizers[0].params.find((x) => x.name === 'learning_rate');
    assert.match(bad('t.lr=0')[0].message, new RegExp(`expected more than ${p.min} and at most ${p.max}, got 0`));
    assert.deepEqual(bad(`t.lr=${p.max}`), []);
    assert.equal(bad(`t.lr=${p.max * 2}`).length, 1);
  });

  test('keep the value as read, so the view shows what it was given', () => {
    const r = fromParams(new URLSearchParams('t.points=5&t.lr=fast'));
    assert.equal(r.settings.points, 5);
    assert.ok(Number.isNaN(r.settings.lr));
    assert.equal(r.errors.length, 2);
  });
});

describe('engine errors are shown at the control of the setting whose spec field they name', () => {
  test('for every setting with a spec field', () => {
    for (const row of S.SETTINGS.filter((r) => r.spec)) {
      const s = S.defaultSettings();
      s[row.name] = Array.isArray(s[row.name]) ? ['no such thing'] : typeof s[row.name] === 'number' ? -1e9 : 'no such thing';
      const v = validate(s);
      assert.ok(!v.ok, `${row.name} = ${s[row.name]} is accepted`);
      assert.equal(S.errorSlot(v.error.path, s), row.control, `${row.name}: ${v.error.path}`);
    }
  });

  test('for the structure: layer i, the output, the features', () => {
    const s = S.defaultSettings();
    const place = (change) => {
      const t = { ...S.defaultSettings(), ...change };
      const v = validate(t);
      assert.ok(!v.ok);
      return S.errorSlot(v.error.path, t);
    };
    assert.equal(place({ hidden: [4, 2 * cat.limits.maxUnits] }), 'layer2');
    assert.equal(place({ activations: ['tanh', 'softmax'] }), 'layer2');
    assert.equal(place({ loss: 'bce' }), 'loss'); // bce needs a sigmoid output
    assert.equal(place({ features: [] }), 'features');
    assert.equal(place({ edited: { xy: [1, 2], labels: [7], regression: false } }), 'edit');
    assert.equal(S.errorSlot('optimizer.momentum', s), 'optimizer');
    assert.equal(S.errorSlot('nothing.known', s), 'general');
  });
});

test('the element\'s attributes are the link\'s names, once each', () => {
  const names = S.paramNames();
  assert.equal(new Set(names).size, names.length);
  assert.equal(names.length, S.SETTINGS.length + 1);
  assert.deepEqual([...S.readHidden((n) => (n === 'hide' ? 'dataset, lr' : n === 't.hide' ? 'help' : null))], ['dataset', 'lr', 'help']);
});

describe('an oversized value in a link', () => {
  test('a t.hidden list longer than the layers allowed: an error with the count, no more entries kept than fit', () => {
    const maxHidden = cat.limits.maxLayers - 1;
    const list = Array(10000).fill('4').join(',');
    const { settings, errors } = fromParams(new URLSearchParams({ 't.hidden': list }));
    assert.deepEqual(errors.map((e) => e.message), [`t.hidden: expected at most ${maxHidden} numbers, got 10000`]);
    assert.equal(settings.hidden.length, maxHidden);
    assert.equal(settings.activations.length, maxHidden, 'the activations follow the kept list');
    const written = toParams(settings).toString();
    assert.ok(written.length < 1000, `the link written back is ${written.length} characters long`);
  });
  test('a long bad value is quoted by its first 40 characters and its length', () => {
    const text = `x${'9'.repeat(100000)}`;
    const { errors } = fromParams(new URLSearchParams({ 't.lr': text }));
    assert.equal(errors.length, 1);
    assert.equal(errors[0].message, `optimizer.learning_rate: expected a number, got "${text.slice(0, 40)}…" (100001 characters) (t.lr)`);
  });
});
