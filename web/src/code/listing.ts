// The program of one step: every phase's lines, the current phase highlighted with its
// shapes, its slip notes and its values (hover or tap a value button to see the matrix).
import type { Locale, T } from '../i18n/index';
import { phaseTitle } from '../explorer/phases';
import type { CodeLine, PhaseCode } from './engine-code';
import { renderValue } from './matrix';
import { el } from '../dom';

export interface ListingState {
  /** Names whose value stays open (tapped), kept while stepping. */
  pinned: Set<string>;
  locale: Locale;
}

/** The Python name a line assigns (or names): "dW2" for "dW2 = dZ2 @ A1.T / m". */
function assigned(line: CodeLine): string {
  return /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.text)?.[0] ?? line.text;
}

function shapeText(shape: number[], t: T): string {
  return shape.length === 2 ? `(${shape[0]}, ${shape[1]})` : t('code.scalar');
}

/** A note with its `code` spans as <code> elements (text only, never HTML). */
function noteItem(text: string, lang: string): HTMLLIElement {
  const li = el('li', '');
  if (lang !== 'en') li.lang = 'en'; // the engine's words (core), in English
  text.split('`').forEach((part, i) => {
    if (!part) return;
    li.append(i % 2 ? el('code', 'code-inline', part) : document.createTextNode(part));
  });
  return li;
}

function lineItem(line: CodeLine, current: boolean, digits: number, st: ListingState): HTMLLIElement {
  const t = st.locale.t;
  const li = el('li', 'code-line');
  const row = el('div', 'code-row');
  row.append(el('code', 'code-text', line.text));
  if (line.quantity && line.shape.length) {
    const s = el('span', 'code-shape', shapeText(line.shape, t));
    s.title = t('code.shape');
    row.append(s);
  }
  li.append(row);
  if (!current) return li;
  li.classList.add('code-line-current');
  if (line.quantity && line.value !== null) {
    const name = assigned(line);
    const btn = el('button', 'code-show', `${name} =`);
    btn.type = 'button';
    btn.setAttribute('aria-label', t('code.show', { name }));
    const box = renderValue(line.value, digits, t);
    box.id = `code-value-${Math.random().toString(36).slice(2)}`;
    btn.setAttribute('aria-controls', box.id);
    const open = (yes: boolean) => {
      box.hidden = !yes;
      btn.setAttribute('aria-expanded', String(yes));
    };
    open(st.pinned.has(name) || typeof line.value === 'number');
    btn.addEventListener('click', () => {
      if (st.pinned.has(name)) st.pinned.delete(name);
      else st.pinned.add(name);
      open(st.pinned.has(name));
    });
    btn.addEventListener('mouseenter', () => open(true));
    btn.addEventListener('mouseleave', () => open(st.pinned.has(name) || typeof line.value === 'number'));
    row.prepend(btn);
    li.append(box);
  }
  if (line.notes.length) {
    const notes = el('ul', 'code-notes');
    notes.setAttribute('aria-label', t('code.slips', { name: assigned(line) }));
    for (const n of line.notes) notes.append(noteItem(n, st.locale.lang));
    li.append(notes);
  }
  return li;
}

/**
 * Renders all phases; `current` is the index of the highlighted phase and `code` its lines
 * with values (`code.current` false: the phase has not run yet, so no values).
 */
export function renderListing(
  host: HTMLElement, phases: PhaseCode[], code: PhaseCode, digits: number, st: ListingState,
): HTMLElement | null {
  const list = el('ol', 'code-program');
  let highlighted: HTMLElement | null = null;
  phases.forEach((p, i) => {
    const isCurrent = i === code.phaseIndex;
    const block = el('li', 'code-phase');
    block.dataset.phase = p.phase.label;
    block.dataset.kind = p.phase.kind;
    const title = el('p', 'code-comment', `# ${phaseTitle(p.phase, st.locale.t)}`);
    block.append(title);
    const lines = el('ol', 'code-lines');
    for (const line of isCurrent ? code.lines : p.lines) lines.append(lineItem(line, isCurrent, digits, st));
    block.append(lines);
    if (isCurrent) {
      block.classList.add('code-phase-current');
      block.setAttribute('aria-current', 'step');
      if (!code.current) block.append(el('p', 'code-hint', st.locale.t('code.nextRuns')));
      highlighted = block;
    }
    list.append(block);
  });
  host.replaceChildren(list);
  return highlighted;
}
