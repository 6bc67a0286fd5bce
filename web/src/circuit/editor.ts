// The program editor: a textarea, and the engine's error shown at its place (the line
// repeated with a caret under the column, and a button that puts the cursor there).
import type { Locale } from '../i18n/index';
import { showError } from '../i18n/errors';
import { h } from '../dom';

export interface ProgramError {
  message: string;
  line?: number;
  column?: number;
}

export interface Editor {
  readonly element: HTMLElement;
  readonly textarea: HTMLTextAreaElement;
  value(): string;
  setValue(text: string): void;
  showError(error: ProgramError | null): void;
}

export function createEditor(onChange: (text: string) => void, loc: Locale): Editor {
  const t = loc.t;
  const label = h('label', { for: 'circuit-program' }, t('circuit.program'));
  const textarea = h('textarea', { id: 'circuit-program', spellcheck: 'false', rows: 8, autocapitalize: 'off', 'aria-describedby': 'circuit-error' });
  const error = h('div', { id: 'circuit-error', class: 'circuit-error', role: 'alert', hidden: true });
  const element = h('div', { class: 'circuit-editor' }, label, textarea, error);
  let timer: ReturnType<typeof setTimeout> | undefined;
  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => onChange(textarea.value), 250);
  });

  function offsetOf(line: number, column: number): number {
    const lines = textarea.value.split('\n');
    let offset = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
    return offset + Math.max(0, column - 1);
  }

  return {
    element,
    textarea,
    value: () => textarea.value,
    setValue(text: string) {
      textarea.value = text;
      textarea.rows = Math.min(16, Math.max(6, text.split('\n').length + 1));
    },
    showError(e: ProgramError | null) {
      textarea.setAttribute('aria-invalid', String(Boolean(e)));
      error.hidden = !e;
      error.replaceChildren();
      if (!e) return;
      const message = h('p', { class: 'circuit-error-message' });
      if (loc.lang === 'en') message.textContent = e.message;
      else showError(message, { ...e, code: 'INVALID_PROGRAM' }, loc);
      error.append(message);
      if (e.line && e.column) {
        const source = textarea.value.split('\n')[e.line - 1] ?? '';
        const pre = h('pre', { class: 'circuit-error-place', 'aria-hidden': 'true' }, `${String(e.line).padStart(3)} | ${source}\n      ${' '.repeat(e.column - 1)}^`);
        const go = h('button', { type: 'button' }, t('circuit.goTo', { line: e.line, column: e.column }));
        const { line, column } = e;
        go.addEventListener('click', () => {
          const at = offsetOf(line, column);
          textarea.focus();
          textarea.setSelectionRange(at, at + 1);
        });
        error.append(pre, go);
      }
    },
  };
}
