// Which example of the batch the diagram shows: its inputs and targets (engine values, from the
// batch once the forward pass has run, from the data set before), and the picker that chooses it.
import type { T } from '../i18n/index';
import { at, type Matrix } from '../engine';
import type { DiagramView } from './diagram';
import { el } from '../dom';
import type { Snapshot } from './snapshot';

/** The diagram's view of example column `column` (clamped to the batch). */
export function diagramViewOf(s: Snapshot, data: { X: Matrix; Y: Matrix }, column: number, digits: number): DiagramView {
  const m = Math.max(s.A[0].cols, 1);
  const col = Math.min(column, m - 1);
  if (s.A[0].cols > 0) {
    const x = Array.from({ length: s.layers[0] }, (_, i) => at(s.A[0], i, col));
    const y = Array.from({ length: s.layers[s.L] }, (_, k) => at(s.Y, k, col));
    return { column: col, example: s.state.batch[col] ?? col, x, y, digits };
  }
  // The data set is features × examples (examples are columns).
  const { X, Y } = data;
  const ex = Math.min(col, Math.max(0, X.cols - 1));
  const pick = (M: Matrix, n: number) => Array.from({ length: n }, (_, i) => at(M, i, ex));
  return { column: col, example: ex, x: X.data.length ? pick(X, s.layers[0]) : [], y: Y.data.length ? pick(Y, s.layers[s.L]) : [], digits };
}

const pickers = new WeakMap<HTMLElement, (column: number) => void>();

/** The "Example shown at the nodes" picker (nothing for a batch of one). */
export function renderExamplePicker(host: HTMLElement, s: Snapshot, column: number, onPick: (column: number) => void, t: T): void {
  const m = s.A[0].cols > 0 ? s.A[0].cols : Math.min(s.state.batchSize, s.state.trainExamples);
  if (m <= 1) {
    host.replaceChildren();
    return;
  }
  pickers.set(host, onPick); // a kept select calls the latest handler
  const words = `${t('step.examplePicker', { m })} `;
  const old = host.querySelector('select');
  // The same batch: keep its options (up to the largest batch, thousands) and only move the choice.
  if (old && old.options.length === m && host.firstElementChild?.firstChild?.textContent === words) {
    old.value = String(column);
    return;
  }
  const label = el('label');
  label.append(words);
  const sel = el('select');
  sel.setAttribute('aria-label', t('step.examplePickerLabel'));
  for (let k = 0; k < m; k++) sel.append(new Option(String(k + 1), String(k)));
  sel.value = String(column);
  sel.addEventListener('change', () => pickers.get(host)?.(Number(sel.value)));
  label.append(sel);
  host.replaceChildren(label);
}
