// The numbers as text: the prediction, target and loss, and every matrix of every layer that
// the current phase has computed (engine values; exact value in data-value and title). Numbers
// are coloured by kind (value, parameter, gradient); their sign is the "−" they carry.
import { at, type Matrix } from '../engine';
import { exact, fmt } from '../format';
import { hasBackward, hasDA, hasForward, type Snapshot } from './snapshot';
import type { T } from '../i18n/index';

const MAX_CELLS = 8;

function valueSpan(v: number | null, d: number, testid: string): string {
  if (v === null) return `<span class="value pending" data-testid="${testid}">—</span>`;
  return `<span class="value" data-testid="${testid}" data-value="${exact(v)}" title="${exact(v)}">${fmt(v, d)}</span>`;
}

function matrixTable(t: T, name: string, label: string, m: Matrix, layer: number, d: number, cls = ''): string {
  const rows = Math.min(m.rows, MAX_CELLS);
  const cols = Math.min(m.cols, MAX_CELLS);
  let body = '';
  for (let i = 0; i < rows; i++) {
    body += '<tr>';
    for (let j = 0; j < cols; j++) {
      const v = at(m, i, j);
      body += `<td data-testid="m-${name}-${layer}-${i}-${j}" data-value="${exact(v)}" title="${exact(v)}">${fmt(v, d)}</td>`;
    }
    if (m.cols > cols) body += '<td class="more">…</td>';
    body += '</tr>';
  }
  if (m.rows > rows) body += `<tr><td class="more" colspan="${cols}">${t('readout.moreRows', { n: m.rows - rows })}</td></tr>`;
  return `<figure class="matrix ${cls}" data-testid="matrix-${name}-${layer}">
    <figcaption>${label} <span class="shape">${m.rows}×${m.cols}</span></figcaption>
    <table><tbody>${body}</tbody></table></figure>`;
}

/** `targets`: the targets of the example shown (from the data before the first forward phase). */
export function renderSummary(host: HTMLElement, s: Snapshot, column: number, d: number, targets: number[], t: T): void {
  const L = s.L;
  const fwd = hasForward(s, L);
  const nOut = s.layers[L];
  const yh: string[] = [];
  const ys: string[] = [];
  const col = Math.min(column, Math.max(0, s.A[L].cols - 1));
  for (let k = 0; k < nOut && k < MAX_CELLS; k++) {
    const suffix = nOut > 1 ? `-${k}` : '';
    yh.push(valueSpan(fwd ? at(s.A[L], k, col) : null, d, `yhat${suffix}`));
    ys.push(valueSpan(k < targets.length ? targets[k] : null, d, `target${suffix}`));
  }
  const loss = s.progress.loss ? s.state.loss : null;
  host.innerHTML = `
    <div class="readout"><span class="readout-label">${t('readout.prediction')}</span>${yh.join(' ')}</div>
    <div class="readout"><span class="readout-label">${t('readout.target')}</span>${ys.join(' ')}</div>
    <div class="readout"><span class="readout-label">${t('readout.loss', { loss: s.loss })}</span>${valueSpan(loss, d, 'loss')}</div>`;
}

export function renderNumbers(host: HTMLElement, s: Snapshot, d: number, t: T): void {
  const mt = (name: string, label: string, m: Matrix, layer: number, cls: string) => matrixTable(t, name, label, m, layer, d, cls);
  const before = (q: string) => t('readout.before', { name: q });
  const after = (q: string) => t('readout.after', { name: q });
  const parts: string[] = [];
  for (let l = 1; l <= s.L; l++) {
    const items: string[] = [];
    if (s.before) items.push(mt('Wold', before(`W[${l}]`), s.before.W[l], l, 'param old'));
    items.push(mt('W', s.before ? after(`W[${l}]`) : `W[${l}]`, s.W[l], l, 'param'));
    if (s.before) items.push(mt('bold', before(`b[${l}]`), s.before.b[l], l, 'param old'));
    items.push(mt('b', s.before ? after(`b[${l}]`) : `b[${l}]`, s.b[l], l, 'param'));
    if (hasForward(s, l)) {
      items.push(mt('Z', `Z[${l}]`, s.Z[l], l, 'value'));
      items.push(mt('A', `A[${l}]`, s.A[l], l, 'value'));
    }
    if (hasDA(s, l)) items.push(mt('dA', `dA[${l}]`, s.dA[l], l, 'grad'));
    if (hasBackward(s, l)) {
      items.push(mt('dZ', `dZ[${l}]`, s.dZ[l], l, 'grad'));
      items.push(mt('dW', `dW[${l}]`, s.dW[l], l, 'grad'));
      items.push(mt('db', `db[${l}]`, s.db[l], l, 'grad'));
    }
    const layer = t('readout.layer', { l });
    parts.push(`<section class="layer-numbers" aria-label="${layer}"><h3>${layer} <span class="muted">${s.activations[l - 1]}</span></h3><div class="matrices">${items.join('')}</div></section>`);
  }
  host.innerHTML = parts.join('');
}
