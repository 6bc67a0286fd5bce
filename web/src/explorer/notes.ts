// The preset's notes and its "document vs engine" table, filled in as the phases run. Each
// row reads the engine's value of the pass it belongs to (kept once that pass has ended).
import { exact, fmt } from '../format';
import type { Preset } from './presets';
import type { Snapshot } from './snapshot';

export function renderNotes(
  host: HTMLElement,
  preset: Preset | null,
  edited: boolean,
  ofPass: (pass: number) => Snapshot | null,
  d: number,
): void {
  if (!preset) {
    host.innerHTML = '<p class="muted">A custom network. Edit any value in the diagram, or the structure below.</p>';
    return;
  }
  let html = `<p class="preset-summary">${preset.summary}</p>`;
  if (edited) {
    html += '<p class="muted"><strong>Edited:</strong> the notes below are about the preset as written.</p>';
  }
  for (const n of preset.notes ?? []) html += `<p class="note">${n}</p>`;
  if (preset.compare?.length) {
    const rows = preset.compare.map((c, k) => {
      const s = edited ? null : ofPass(c.pass ?? 1);
      const v = s ? c.read(s) : null;
      const cell = v === null
        ? '<td class="pending">—</td>'
        : `<td data-testid="compare-${k}" data-value="${exact(v)}" title="${exact(v)}">${fmt(v, d)}</td>`;
      const flag = c.slip && v !== null ? '<td class="slip">differs</td>' : v !== null ? '<td class="ok">rounding</td>' : '<td></td>';
      return `<tr${c.slip ? ' class="is-slip"' : ''}><th scope="row">${c.what}</th><td>${c.document}</td>${cell}${flag}</tr>`;
    });
    html += `<table class="compare" aria-label="The document's values against the engine's">
      <thead><tr><th scope="col">Quantity</th><th scope="col">Document</th><th scope="col">Engine (exact)</th><th scope="col"><span class="sr-only">Agreement</span></th></tr></thead>
      <tbody>${rows.join('')}</tbody></table>`;
  }
  host.innerHTML = html;
}
