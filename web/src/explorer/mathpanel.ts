// The math panel: for the current phase, the vectorised equation with shapes, the same with
// the engine's numbers substituted, and the engine's result. The backward phase is drawn as a
// box: what enters (dA[l]), what is computed inside (dZ[l]), what leaves (dW, db, dA[l−1]).
import { applyTexStyles, mathUnavailableText, texHtml } from '../katex-html';
import { at, type Matrix } from '../engine';
import { texNum } from '../format';
import { catalog } from '../catalog';
import { bmatrix, gDefinition, gTex, shape, sup, ub } from './tex';
import { fillTex, texWords } from '../tex-fill';
import type { Snapshot } from './snapshot';
import { phaseTitle } from './phases';
import { englishCatalogue, type Key, type T } from '../i18n/index';

export interface MathContext {
  digits: number;
  /** Column of the batch used for per-unit expansions. */
  column: number;
  /** The whole data set (for the start screen). */
  data: { X: Matrix; Y: Matrix };
  t: T;
}

function eq(tex: string): string {
  return texHtml(tex, true);
}
function inline(tex: string): string {
  return texHtml(tex, false);
}

function section(title: string, body: string, cls = ''): string {
  return `<section class="math-section ${cls}"><h3>${title}</h3>${body}</section>`;
}

const M = (m: Matrix, d: number, t = false) => bmatrix(m, d, t);

function setup(s: Snapshot, c: MathContext): string {
  const d = c.digits;
  let html = `<p class="math-intro">${c.t('math.notation', { a: inline('Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}'), b: inline('A^{[l]} = g^{[l]}(Z^{[l]})'), c: inline('A^{[0]} = X') })}</p>`;
  html += eq(`${ub('X', shape(c.data.X))} = ${M(c.data.X, d)}, \\quad ${ub('Y', shape(c.data.Y))} = ${M(c.data.Y, d)}`);
  for (let l = 1; l <= s.L; l++) {
    html += eq(`${ub(sup('W', l), shape(s.W[l]))} = ${M(s.W[l], d)}, \\quad ${ub(sup('b', l), shape(s.b[l]))} = ${M(s.b[l], d)}, \\quad g^{[${l}]} = ${gTex(s.activations[l - 1])}`);
  }
  return section(c.t('math.setup'), html);
}

function forward(s: Snapshot, l: number, c: MathContext): string {
  const d = c.digits;
  const W = s.W[l], A0 = s.A[l - 1], b = s.b[l], Z = s.Z[l], A = s.A[l];
  const act = s.activations[l - 1];
  let html = eq(`${ub(sup('Z', l), shape(Z))} = ${ub(sup('W', l), shape(W))}\\, ${ub(sup('A', l - 1), shape(A0))} + ${ub(sup('b', l), shape(b))}`);
  html += eq(`= ${M(W, d)} ${M(A0, d)} + ${M(b, d)} = ${M(Z, d)}`);
  if (W.rows <= 4 && W.cols <= 4) {
    const k = Math.min(c.column, Z.cols - 1);
    const lines: string[] = [];
    for (let j = 0; j < W.rows; j++) {
      const terms = [];
      for (let i = 0; i < W.cols; i++) terms.push(`${texNum(at(W, j, i), d)} \\cdot ${wrap(texNum(at(A0, i, k), d))}`);
      lines.push(`z^{[${l}]}_{${j + 1}} &= ${terms.join(' + ')} + ${wrap(texNum(at(b, j), d))} = ${texNum(at(Z, j, k), d)}`);
    }
    html += `<p class="math-note">${Z.cols > 1 ? c.t('math.unitByUnitColumn', { k: k + 1 }) : c.t('math.unitByUnit')}</p>`;
    html += eq(`\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`);
  }
  const def = gDefinition(act, c.t);
  html += eq(`${ub(sup('A', l), shape(A))} = ${gTex(act)}(${sup('Z', l)}) = ${M(A, d)}`);
  html += `<p class="math-note">${inline(def.g)}</p>`;
  return section(c.t('math.forward', { l }), html);
}

function wrap(t: string): string {
  return t.startsWith('-') ? `(${t})` : t;
}

function lossInfo(loss: string) {
  return catalog().losses.find((l) => l.name === loss);
}

/** The loss and its dA[L], in the engine's TeX (catalogue `losses[].tex`, `texDA`), its words in the view's language. */
function lossDefinition(loss: string): string {
  return lossInfo(loss)?.tex ?? `\\mathcal{L} = \\operatorname{${loss}}(\\hat Y, Y)`;
}

function dALDefinition(loss: string, t: T): string {
  return texWords(lossInfo(loss)?.texDA ?? 'dA^{[L]} = \\partial \\mathcal{L} / \\partial \\hat Y', t);
}

/** "sigmoid and binary cross-entropy": the words of a loss's fused rule, by the engine's loss name. */
function fusedName(loss: string, t: T): string {
  const key = `math.fusedWith.${loss}`;
  if (key in englishCatalogue()) return t(key as Key);
  const info = lossInfo(loss);
  return t('math.fusedPair', { activation: info?.fused?.activation ?? '', loss: info?.display ?? loss });
}

function lossPhase(s: Snapshot, c: MathContext): string {
  const d = c.digits;
  const L = s.L;
  const Yhat = s.A[L];
  const lossValue = s.state.loss;
  let html = eq(lossDefinition(s.loss));
  if (Yhat.rows === 1 && Yhat.cols === 1) {
    const y = texNum(at(s.Y, 0, 0), d), yh = texNum(at(Yhat, 0, 0), d);
    const template = lossInfo(s.loss)?.texExample;
    const sub = template ? fillTex(template, { yhat: yh, y }) : `\\mathcal{L}(${yh}, ${y})`;
    html += eq(`\\mathcal{L} = ${sub} = ${texNum(lossValue, d)}`);
  } else {
    html += eq(`\\hat Y = ${sup('A', L)} = ${M(Yhat, d)}, \\quad Y = ${M(s.Y, d)}`);
    html += eq(`\\text{${c.t('math.perExample')}} ${M(s.losses, d)} \\;\\Rightarrow\\; \\mathcal{L} = ${texNum(lossValue, d)}`);
  }
  html += `<p class="math-note">${c.t('math.lossStarts')}</p>`;
  html += eq(dALDefinition(s.loss, c.t));
  html += eq(`${ub(sup('dA', L), shape(s.dA[L]))} = ${M(s.dA[L], d)}`);
  return section(c.t('math.loss'), html);
}

function backward(s: Snapshot, l: number, c: MathContext): string {
  const d = c.digits;
  const L = s.L;
  const act = s.activations[l - 1];
  const dA = s.dA[l], dZ = s.dZ[l], gp = s.gprime[l], A0 = s.A[l - 1], W = s.W[l];
  const m = dZ.cols;
  const fused = l === L && s.state.fused;
  const inBody = `<p class="math-note">${c.t('math.inGradient', { from: l === L ? c.t('math.fromLoss') : c.t('math.fromBox', { l: l + 1 }) })}</p>` +
    eq(`${ub(sup('dA', l), shape(dA))} = \\frac{\\partial \\mathcal{L}}{\\partial ${sup('A', l)}} = ${M(dA, d)}`);
  let inside: string;
  if (fused) {
    const name = fusedName(s.loss, c.t);
    inside = `<p class="math-note">${c.t('math.fused', { name })}</p>` +
      eq(`${sup('dZ', l)} = ${sup('A', l)} - Y = ${M(s.A[l], d)} - ${M(s.Y, d)} = ${M(dZ, d)}`);
    // Element-wise, the chain rule's product gives the same dZ (softmax's g' is a Jacobian).
    if (catalog().activations.find((a) => a.name === act)?.elementwise) {
      inside += `<p class="math-note">${c.t('math.chainSame', { rule: inline(`${sup('dZ', l)} = ${sup('dA', l)} \\odot g'(${sup('Z', l)})`) })}</p>` +
        eq(`${M(dA, d)} \\odot ${M(gp, d)} = ${M(dZ, d)}`);
    }
  } else {
    inside = eq(`${ub(sup('dZ', l), shape(dZ))} = ${sup('dA', l)} \\odot ${gTex(act)}'(${sup('Z', l)})`) +
      eq(`= ${M(dA, d)} \\odot ${M(gp, d)} = ${M(dZ, d)}`) +
      `<p class="math-note">${inline(gDefinition(act, c.t).dg)}</p>`;
  }
  let out = eq(`${ub(sup('dW', l), shape(s.dW[l]))} = \\tfrac{1}{m}\\, ${sup('dZ', l)} {${sup('A', l - 1)}}^{\\top}`) +
    eq(`= \\tfrac{1}{${m}} ${M(dZ, d)} ${M(A0, d, true)} = ${M(s.dW[l], d)}`);
  out += eq(`${ub(sup('db', l), shape(s.db[l]))} = \\tfrac{1}{m} \\textstyle\\sum_{k} ${sup('dZ', l)}_{:,k} = ${M(s.db[l], d)}`);
  out += eq(`${ub(sup('dA', l - 1), shape(s.dA[l - 1]))} = {${sup('W', l)}}^{\\top} ${sup('dZ', l)}`) +
    eq(`= ${M(W, d, true)} ${M(dZ, d)} = ${M(s.dA[l - 1], d)}`);
  const passOn = l > 1
    ? `<p class="math-note">${c.t('math.passes', { dA: inline(sup('dA', l - 1)), k: l - 1, g: inline(`g'(${sup('Z', l - 1)})`), dZ: inline(sup('dZ', l - 1)), dW: inline(sup('dW', l)), db: inline(sup('db', l)) })}</p>`
    : `<p class="math-note">${c.t('math.dA0', { dA: inline(sup('dA', 0)) })}</p>`;
  const html = `<div class="backward-box">
    <div class="box-part box-in"><h4>${c.t('math.in')}</h4>${inBody}</div>
    <div class="box-part box-inside"><h4>${c.t('math.inside')}</h4>${inside}</div>
    <div class="box-part box-out"><h4>${c.t('math.out')}</h4>${out}${passOn}</div>
  </div>`;
  return section(c.t('math.backward', { l }), html);
}

function update(s: Snapshot, c: MathContext): string {
  const d = c.digits;
  const eta = texNum(s.learningRate, d);
  const before = s.before;
  let html = '';
  // The rule is the engine's (catalogue `optimizers[].tex`); a plain step (no optimizer
  // state) is shown matrix by matrix, the others before and after.
  const info = catalog().optimizers.find((o) => o.name === s.optimizer);
  const plain = !info || info.state.length === 0;
  if (info) html += eq(info.tex);
  const noteKey = `math.optimizer.${s.optimizer}`;
  if (noteKey in englishCatalogue()) html += `<p class="math-note">${c.t(noteKey as Key, { v: inline('v') })}</p>`;
  for (let l = s.L; l >= 1; l--) {
    if (!before) break;
    if (plain) {
      const wide = s.W[l].cols >= 2;
      html += s.W[l].cols >= 3
        ? eq(`${sup('W', l)} \\leftarrow ${M(before.W[l], d)}`) + eq(`- ${eta} ${M(s.dW[l], d)}`) + eq(`= ${M(s.W[l], d)}`)
        : wide
        ? eq(`${sup('W', l)} \\leftarrow ${M(before.W[l], d)} - ${eta} ${M(s.dW[l], d)}`) + eq(`= ${M(s.W[l], d)}`)
        : eq(`${sup('W', l)} \\leftarrow ${M(before.W[l], d)} - ${eta} ${M(s.dW[l], d)} = ${M(s.W[l], d)}`);
      html += eq(`${sup('b', l)} \\leftarrow ${M(before.b[l], d)} - ${eta} ${M(s.db[l], d)} = ${M(s.b[l], d)}`);
    } else {
      html += eq(`${sup('W', l)}: ${M(before.W[l], d)} \\to ${M(s.W[l], d)}, \\quad ${sup('b', l)}: ${M(before.b[l], d)} \\to ${M(s.b[l], d)}`);
    }
  }
  if (!before) html += eq(s.W.slice(1).map((W, i) => `${sup('W', i + 1)} = ${M(W, d)}`).join(',\\quad '));
  html += `<p class="math-note">${c.t('math.again')}</p>`;
  return section(c.t('math.update'), html);
}

export function renderMath(host: HTMLElement, s: Snapshot, c: MathContext): void {
  const p = s.phase;
  let html: string;
  if (!p || (s.state.step === 0 && s.state.cursor === 0)) html = setup(s, c);
  else if (p.kind === 'forward') html = forward(s, p.layer, c);
  else if (p.kind === 'loss') html = lossPhase(s, c);
  else if (p.kind === 'backward') html = backward(s, p.layer, c);
  else html = update(s, c);
  // Without KaTeX's file the TeX stands as text: say why where the reader looks for the equations.
  const noMath = mathUnavailableText(c.t);
  if (noMath) html = `<p class="math-note tex-missing">${noMath}</p>${html}`;
  host.innerHTML = html;
  applyTexStyles(host);
  host.setAttribute('aria-label', c.t('math.label', { phase: phaseTitle(p, c.t) }));
}
