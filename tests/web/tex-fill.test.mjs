// The page's side of the catalogue's TeX templates (web/src/tex-fill.ts): every slot the engine
// writes is one the page fills, negative numbers are parenthesised where the template asks,
// and the engine's English words inside TeX are put in the view's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from 'backprop-explorer';
import { fillTex, LOSS_SYMBOLS, texWords } from '../../build/web-settings/tex-fill.js';

const cat = (await createEngine()).catalog();

test('fills $name and $(name), parenthesising a negative value only in $(name)', () => {
  assert.equal(fillTex('$yhat - $(y)', { yhat: '-0.5', y: '-2' }), '-0.5 - (-2)');
  assert.equal(fillTex('$yhat - $(y)', { yhat: '0.5', y: '2' }), '0.5 - 2');
  assert.equal(fillTex('\\frac{$y}{$yhat}', LOSS_SYMBOLS), '\\frac{y}{\\hat y}');
  // A slot the caller does not fill stays as it is (so a test below can see it).
  assert.equal(fillTex('$q + $(a)', { a: '1' }), '$q + 1');
});

test('every slot of the engine\'s templates is filled by the values the page gives', () => {
  const numbers = { yhat: '0.25', y: '-1' };
  for (const l of cat.losses) {
    for (const tex of [l.texExample, l.texDAExample]) {
      assert.ok(!fillTex(tex, LOSS_SYMBOLS).includes('$'), `${l.name}: ${tex}`);
      assert.ok(!fillTex(tex, numbers).includes('$'), `${l.name}: ${tex}`);
    }
  }
  for (const a of cat.activations) {
    assert.ok(!fillTex(a.texLinkValues, { a: '-0.5' }).includes('$'), `${a.name}: ${a.texLinkValues}`);
  }
});

test('the engine\'s words in TeX take the view\'s language', () => {
  const de = { 'math.if': ' falls ', 'math.else': ' sonst ', 'math.prediction': 'Vorhersage', 'math.target': 'Ziel' };
  const t = (key) => de[key] ?? key;
  assert.equal(texWords('1 \\text{ if } z > 0 \\text{ else } 0.01', t), '1 \\text{ falls } z > 0 \\text{ sonst } 0.01');
  assert.equal(texWords('(\\text{prediction} - \\text{target})', t), '(\\text{Vorhersage} - \\text{Ziel})');
  // Every \text{} of the catalogue's TeX is one of those words (or none is left in English).
  for (const tex of [...cat.activations.flatMap((a) => [a.texPrime, a.texLink]), ...cat.losses.map((l) => l.texDA)]) {
    const left = [...texWords(tex, t).matchAll(/\\text\{([^}]*)\}/g)].map((m) => m[1]).filter((w) => !Object.values(de).includes(w));
    assert.deepEqual(left, [], tex);
  }
});
