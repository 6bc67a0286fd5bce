// Editing values: a small popover to change one weight, bias, input or target, and the spec
// transformation that applies it. Edits start from what the diagram shows (the current
// parameters become the new starting point), and the walkthrough restarts at step 0.
import type { T } from '../i18n/index';
import { parseNumber } from '../i18n/numbers';
import { usesDecimalComma } from '../format';
import { explicitData } from './spec-data';
import type { Session, Spec } from '../engine';

import type { EditTarget } from './diagram';
import type { Snapshot } from './snapshot';
import { h } from '../dom';

export function describeTarget(e: EditTarget, t: T): string {
  switch (e.kind) {
    case 'W':
      return t('edit.weight', { l: e.layer, row: e.row + 1, col: e.col + 1 });
    case 'b':
      return t('edit.bias', { l: e.layer, unit: e.row + 1 });
    case 'x':
      return t('edit.input', { i: e.index + 1, example: e.example + 1 });
    case 'y':
      return t('edit.target', { i: e.index + 1, example: e.example + 1 });
  }
}

/** Reads the value that an edit target currently has. */
export function currentValue(t: EditTarget, spec: Spec, s: Snapshot): number {
  switch (t.kind) {
    case 'W':
      return s.W[t.layer].data[t.row * s.W[t.layer].cols + t.col];
    case 'b':
      return s.b[t.layer].data[t.row];
    case 'x':
      return explicitData(spec)?.inputs[t.example]?.[t.index] ?? NaN;
    case 'y':
      return explicitData(spec)?.targets[t.example]?.[t.index] ?? NaN;
  }
}

/** A new spec with one value changed, from the session's current parameters (the engine's). */
export function applyEdit(session: Session, t: EditTarget, value: number): Spec {
  const next = session.specWithParameters();
  if (t.kind === 'W') next.init.weights[t.layer - 1][t.row][t.col] = value;
  else if (t.kind === 'b') next.init.biases[t.layer - 1][t.row] = value;
  else {
    const data = explicitData(next);
    if (data) (t.kind === 'x' ? data.inputs : data.targets)[t.example][t.index] = value;
  }
  return next;
}

let openPopover: { close(): void } | null = null;

/**
 * A small form next to `anchor` to type a new number, appended to `container` (document.body,
 * or an embed's positioned container inside its shadow root).
 */
export function openValueEditor(
  anchor: Element,
  label: string,
  value: number,
  onApply: (v: number) => string | null,
  container: HTMLElement,
  t: T,
): void {
  openPopover?.close();
  const form = h('form', { class: 'value-editor', role: 'dialog', 'aria-label': t('edit.dialog', { what: label }) });
  const id = `value-editor-input`;
  form.innerHTML = `<label for="${id}">${label}</label>
    <input id="${id}" type="text" inputmode="decimal" autocomplete="off" spellcheck="false">
    <div class="value-editor-actions"><button type="submit">${t('edit.apply')}</button><button type="button" data-cancel>${t('edit.cancel')}</button></div>
    <p class="value-editor-error" role="alert"></p>`;
  const input = form.querySelector('input')!;
  input.value = Number.isFinite(value) ? (usesDecimalComma() ? String(value).replace('.', ',') : String(value)) : '';
  const error = form.querySelector<HTMLElement>('.value-editor-error')!;
  const r = anchor.getBoundingClientRect();
  if (container === document.body) {
    form.style.left = `${Math.max(8, Math.min(window.innerWidth - 260, r.left + window.scrollX))}px`;
    form.style.top = `${r.bottom + window.scrollY + 6}px`;
  } else {
    // Relative to the (positioned) container.
    const c = container.getBoundingClientRect();
    form.style.left = `${Math.max(8, Math.min(c.width - 260, r.left - c.left + container.scrollLeft))}px`;
    form.style.top = `${r.bottom - c.top + container.scrollTop + 6}px`;
  }
  const close = () => {
    form.remove();
    document.removeEventListener('pointerdown', outside, true);
    openPopover = null;
    if (anchor instanceof HTMLElement || anchor instanceof SVGElement) anchor.focus?.();
  };
  const outside = (e: Event) => {
    if (!form.contains(e.composedPath()[0] as Node)) close();
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = parseNumber(input.value);
    if (v === null) {
      error.textContent = t('edit.notANumber');
      return;
    }
    const problem = onApply(v);
    if (problem) error.textContent = problem;
    else close();
  });
  form.querySelector('[data-cancel]')!.addEventListener('click', close);
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  });
  container.append(form);
  document.addEventListener('pointerdown', outside, true);
  openPopover = { close };
  input.focus();
  input.select();
}

