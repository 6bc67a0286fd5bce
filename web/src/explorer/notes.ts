// The preset's notes and its "document vs engine" table, filled in as the phases run. Each
// row reads the engine's value of the pass it belongs to (kept once that pass has ended).
import { exact, fmt } from '../format';
import type { T } from '../i18n/index';
import { presetNotes, presetSummary, words, type Preset } from './presets';
import type { Snapshot } from './snapshot';

export function renderNotes(
  host: HTMLElement,
  preset: Preset | null,
  edited: boolean,
  ofPass: (pass: number) => Snapshot | null,
  d: number,
  t: T,
): void {
  if (!preset) {
    host.innerHTML = `<p class="muted">${t('notes.custom')}</p>`;
    return;
  }
  let html = `<p class="preset-summary">${presetSummary(preset, t)}</p>`;
  if (edited) {
    html += `<p class="muted">${t('notes.edited')}</p>`;
  }
  for (const n of presetNotes(preset, t)) html += `<p class="note">${n}</p>`;
  if (preset.compare?.length) {
    const rows = preset.compare.map((c, k) => {
      const s = edited ? null : ofPass(c.pass ?? 1);
      const v = s ? c.read(s) : null;
      const cell = v === null
        ? '<td class="pending">—</td>'
        : `<td data-testid="compare-${k}" data-value="${exact(v)}" title="${exact(v)}">${fmt(v, d)}</td>`;
      const flag = c.slip && v !== null ? `<td class="slip">${t('notes.differs')}</td>` : v !== null ? `<td class="ok">${t('notes.rounding')}</td>` : '<td></td>';
      return `<tr${c.slip ? ' class="is-slip"' : ''}><th scope="row">${words(c.what, t)}</th><td>${words(c.document, t)}</td>${cell}${flag}</tr>`;
    });
    html += `<table class="compare" aria-label="${t('notes.table')}">
      <thead><tr><th scope="col">${t('notes.quantity')}</th><th scope="col">${t('notes.document')}</th><th scope="col">${t('notes.engine')}</th><th scope="col"><span class="sr-only">${t('notes.agreement')}</span></th></tr></thead>
      <tbody>${rows.join('')}</tbody></table>`;
  }
  host.innerHTML = html;
}
