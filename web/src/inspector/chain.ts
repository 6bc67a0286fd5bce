// The chain of links of one neuron (seed 004): ∂L/∂a × ∂a/∂z = δ; ∂L/∂w = δ · input;
// w ← w − η ∂L/∂w; with the engine's numbers, and the sign convention that confuses learners.
import type { T } from '../i18n/index';
import { applyTexStyles, texHtml } from '../katex-html';
import type { NeuronGraph } from '../engine';
import type { Known } from './phase-view';
import { exact, fmt, texNum } from '../format';
import { catalog } from '../catalog';
import { fillTex, LOSS_SYMBOLS, texWords } from '../tex-fill';

function tex(t: string, display = false): string {
  return texHtml(t, display);
}
function val(v: number, d: number, testid: string, shown = true, when = ''): string {
  if (!shown) return `<span class="chain-value pending" data-testid="${testid}" data-value="">— <span class="muted">(${when})</span></span>`;
  return `<span class="chain-value" data-testid="${testid}" data-value="${exact(v)}" title="${exact(v)}">${fmt(v, d)}</span>`;
}
const w = (t: string) => (t.startsWith('-') ? `(${t})` : t);

export interface ChainContext {
  activation: string;
  loss: string;
  isOutput: boolean;
  layer: number;
  L: number;
  batch: number;
  digits: number;
  /** What the phase shown has computed (all of it when absent). */
  known?: Known;
  t: T;
}

export function renderChain(host: HTMLElement, g: NeuronGraph, c: ChainContext): void {
  const k = g.links;
  const d = c.digits;
  const n = (v: number) => texNum(v, d);
  const aNode = g.nodes.find((x) => x.id === g.a);
  const yNode = g.nodes.find((x) => x.kind === 'target');
  const aName = c.isOutput ? '\\hat y' : 'a';
  const k0 = c.known;
  const fwd = !k0 || k0.forward;
  const dA = !k0 || k0.dA;
  const back = !k0 || k0.backward;
  const upd = !k0 || k0.update;
  const t = c.t;
  const after = (what: 'dAPhase' | 'backwardPhase') => (k0 ? t('inspector.after', { phase: k0[what] }) : '');
  const afterUpdate = t('inspector.after', { phase: t('phase.update') });
  // The links' formulas are the engine's (catalogue: the loss's texDAExample, the activation's
  // texLink and texLinkValues), with this neuron's numbers filled in once they are computed.
  const lossInfo = catalog().losses.find((l) => l.name === c.loss);
  const act = catalog().activations.find((a) => a.name === c.activation);
  let link1Formula: string;
  if (c.isOutput) {
    link1Formula = `\\frac{\\partial L}{\\partial \\hat y}`;
    if (lossInfo) {
      link1Formula += ` = ${fillTex(lossInfo.texDAExample, LOSS_SYMBOLS)}`;
      if (aNode && yNode && fwd) link1Formula += ` = ${fillTex(lossInfo.texDAExample, { yhat: n(aNode.value), y: n(yNode.value) })}`;
    }
  } else {
    link1Formula = `\\frac{\\partial L}{\\partial a} = dA^{[${c.layer}]} \\text{ (${t('chain.fromLayer', { l: c.layer + 1 })})}`;
  }
  let link2Formula = `\\frac{\\partial ${aName}}{\\partial z} = ${act ? texWords(act.texLink, t) : "g'(z)"}`;
  if (act?.texLinkValues && aNode && fwd) link2Formula += ` = ${fillTex(act.texLinkValues, { a: n(aNode.value) })}`;

  const rows: string[] = [];
  rows.push(`<li><h4>${t('chain.link1')}</h4>${tex(link1Formula, true)}<p>= ${val(k.dL_da, d, 'link-dL_da', dA, after('dAPhase'))}</p></li>`);
  rows.push(`<li><h4>${t('chain.link2')}</h4>${tex(link2Formula, true)}<p>= ${val(k.da_dz, d, 'link-da_dz', back, after('backwardPhase'))}</p></li>`);
  rows.push(`<li><h4>${t('chain.link3')}</h4>${tex(`\\delta = \\frac{\\partial L}{\\partial ${aName}} \\times \\frac{\\partial ${aName}}{\\partial z}${back ? ` = ${n(k.dL_da)} \\times ${w(n(k.da_dz))}` : ''}`, true)}<p>= ${val(k.delta, d, 'link-delta', back, after('backwardPhase'))}</p></li>`);
  const ws = k.inputs.map((inp, i) =>
    `<tr><th scope="row">${tex(inp.label.replace(/(\d+)$/, '_{$1}'))}</th>
      <td>${tex(back ? `\\delta \\cdot x = ${w(n(k.delta))} \\cdot ${w(n(inp.x))}` : '\\delta \\cdot x')} = ${val(inp.dL_dw, d, `link-dL_dw-${i}`, back, after('backwardPhase'))}</td>
      <td>${tex(back ? `${n(inp.w)} - ${n(k.learning_rate)} \\cdot ${w(n(inp.dL_dw))}` : `${n(inp.w)} - ${n(k.learning_rate)} \\cdot \\partial L/\\partial w`)} = ${val(inp.w_new, d, `link-w_new-${i}`, upd, afterUpdate)}</td></tr>`).join('');
  rows.push(`<li><h4>${t('chain.link4')}</h4>
    <table class="chain-table"><thead><tr><th scope="col">${t('chain.parameter')}</th><th scope="col">∂L/∂w = δ · ${t('chain.input')}</th><th scope="col">w ← w − η ∂L/∂w</th></tr></thead>
    <tbody>${ws}<tr><th scope="row">${tex('b')}</th><td>${tex(`\\delta \\cdot 1`)} = ${val(k.delta, d, 'link-dL_db', back, after('backwardPhase'))}</td>
      <td>${tex(back ? `${n(k.b)} - ${n(k.learning_rate)} \\cdot ${w(n(k.delta))}` : `${n(k.b)} - ${n(k.learning_rate)} \\cdot \\delta`)} = ${val(k.b_new, d, 'link-b_new', upd, afterUpdate)}</td></tr></tbody></table></li>`);
  // The sign convention, told with the loss whose ∂L/∂ŷ is prediction − target (the default's).
  const signLoss = catalog().losses.find((l) => l.name === catalog().trainDefaults.loss);
  const signExample = signLoss ? `L = ${fillTex(signLoss.texExample, LOSS_SYMBOLS)}` : 'L';
  let notes = `<p class="sign-note">${t('chain.sign', { L: tex(signExample) })}</p>`;
  if (c.batch > 1) notes += `<p class="muted">${t('chain.batch', { m: c.batch })}</p>`;
  if (act && !act.elementwise) notes += `<p class="muted">${t('chain.softmax')}</p>`;
  host.innerHTML = `<ol class="chain">${rows.join('')}</ol>${notes}`;
  applyTexStyles(host);
}
