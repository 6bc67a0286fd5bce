// A matrix (or the loss) as a small table of exact numbers at the view's digits.
import type { T } from '../i18n/index';
import type { Matrix } from '../engine';
import { at } from '../engine';
import { exact, fmt } from '../format';

/** At most this many rows and columns are drawn; a note says how many more there are. */
const MAX_SHOWN = 8;

export function renderValue(value: Matrix | number | null, digits: number, t: T): HTMLElement {
  const box = document.createElement('div');
  box.className = 'code-value';
  if (value === null) {
    box.textContent = t('code.noValue');
    return box;
  }
  if (typeof value === 'number') {
    const v = document.createElement('span');
    v.className = 'code-num';
    v.textContent = fmt(value, digits);
    v.title = exact(value);
    box.append(v);
    return box;
  }
  const table = document.createElement('table');
  table.className = 'code-matrix';
  const rows = Math.min(value.rows, MAX_SHOWN);
  const cols = Math.min(value.cols, MAX_SHOWN);
  for (let i = 0; i < rows; i++) {
    const tr = document.createElement('tr');
    for (let j = 0; j < cols; j++) {
      const td = document.createElement('td');
      const v = at(value, i, j);
      td.textContent = fmt(v, digits);
      td.title = exact(v);
      tr.append(td);
    }
    table.append(tr);
  }
  box.append(table);
  if (rows < value.rows || cols < value.cols) {
    const more = document.createElement('p');
    more.className = 'code-more';
    more.textContent = t('code.showing', { rows, allRows: value.rows, cols, allCols: value.cols });
    box.append(more);
  }
  return box;
}
