// A matrix (or the loss) as a small table of exact numbers at the view's digits.
import type { T } from '../i18n/index';
import type { Matrix } from '../engine';
import { at } from '../engine';
import { exact, fmt } from '../format';
import { h } from '../dom';

/** At most this many rows and columns are drawn; a note says how many more there are. */
const MAX_SHOWN = 8;

export function renderValue(value: Matrix | number | null, digits: number, t: T): HTMLElement {
  const box = h('div', { class: 'code-value' });
  if (value === null) {
    box.textContent = t('code.noValue');
    return box;
  }
  if (typeof value === 'number') {
    box.append(h('span', { class: 'code-num', title: exact(value) }, fmt(value, digits)));
    return box;
  }
  const table = h('table', { class: 'code-matrix' });
  const rows = Math.min(value.rows, MAX_SHOWN);
  const cols = Math.min(value.cols, MAX_SHOWN);
  for (let i = 0; i < rows; i++) {
    const tr = h('tr');
    for (let j = 0; j < cols; j++) {
      const v = at(value, i, j);
      tr.append(h('td', { title: exact(v) }, fmt(v, digits)));
    }
    table.append(tr);
  }
  box.append(table);
  if (rows < value.rows || cols < value.cols) {
    box.append(h('p', { class: 'code-more' }, t('code.showing', { rows, allRows: value.rows, cols, allCols: value.cols })));
  }
  return box;
}
