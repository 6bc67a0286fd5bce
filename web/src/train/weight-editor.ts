// A small editor for one weight W[l] (row, col), opened from its edge in the network diagram:
// a number, Apply and Cancel, Escape to close. The engine checks the value (setParameter);
// its message shows here when it refuses, and the editor stays open.
import { h, setText } from '../dom';
import { withDecimalComma } from '../format';
import type { Locale } from '../i18n/index';
import type { Message } from './messages';

export interface WeightHost {
  /** The weight's current value, or null without a session. */
  value(layer: number, row: number, col: number): number | null;
  /** Sets it; null when the engine took it, else the engine's message. */
  apply(layer: number, row: number, col: number, value: number): Message | null;
  /** The editor opened (training pauses, so the value does not change under the reader). */
  opened(): void;
}

export class WeightEditor {
  readonly element: HTMLDivElement;
  private title = h('p', { class: 'bpx-t-wedit-title' });
  private input: HTMLInputElement;
  private error = h('p', { class: 'bpx-t-err bpx-t-wedit-err', role: 'alert' });
  private at: { layer: number; row: number; col: number; anchor: HTMLElement } | null = null;

  constructor(
    private host: WeightHost,
    private loc: Locale,
  ) {
    const t = loc.t;
    this.input = h('input', { type: 'text', inputmode: 'decimal', class: 'bpx-t-wedit-input', 'aria-label': t('train.weightValue'), spellcheck: 'false', autocomplete: 'off' });
    const apply = h('button', { type: 'button', class: 'bpx-t-wedit-apply' }, t('train.weightApply'));
    const cancel = h('button', { type: 'button', class: 'bpx-t-wedit-cancel' }, t('train.weightCancel'));
    apply.addEventListener('click', () => this.apply());
    cancel.addEventListener('click', () => this.close());
    this.element = h(
      'div',
      { class: 'bpx-t-wedit', role: 'dialog', 'aria-label': t('train.weightEditor'), hidden: true },
      this.title,
      h('label', { class: 'bpx-t-wedit-row' }, h('span', {}, t('train.weightValue')), this.input),
      h('div', { class: 'bpx-t-wedit-row' }, apply, cancel),
      this.error,
    );
    this.element.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.close();
      else if (e.key === 'Enter' && e.target === this.input) this.apply();
      else return;
      e.preventDefault();
      e.stopPropagation();
    });
  }

  get isOpen(): boolean {
    return this.at !== null;
  }

  /** Opens on W[layer] (row, col) beside `anchor` (its position in the diagram's body). */
  open(layer: number, row: number, col: number, anchor: HTMLElement): void {
    const value = this.host.value(layer, row, col);
    if (value === null) return;
    this.host.opened();
    this.at = { layer, row, col, anchor };
    setText(this.title, `W[${layer}]${row + 1},${col + 1}`);
    this.input.value = withDecimalComma(String(Number(value.toPrecision(6))), this.loc.decimalComma);
    setText(this.error, '');
    this.element.style.left = anchor.style.left;
    this.element.style.top = anchor.style.top;
    this.element.hidden = false;
    // An edge near the diagram's right side opens the editor to its left, inside the diagram.
    const over = this.element.getBoundingClientRect().right - (this.element.offsetParent?.getBoundingClientRect().right ?? Infinity);
    if (over > 0) this.element.style.left = `${Math.max(0, parseFloat(anchor.style.left) - over)}px`;
    this.input.focus();
    this.input.select();
  }

  close(): void {
    const anchor = this.at?.anchor;
    this.at = null;
    this.element.hidden = true;
    anchor?.focus();
  }

  private apply(): void {
    if (!this.at) return;
    const text = this.input.value.trim();
    // An empty box is no number; the engine's wrapper names what is wrong with the rest.
    const value = text === '' ? NaN : Number(text.replace(',', '.').replace('\u2212', '-'));
    const { layer, row, col } = this.at;
    const refused = this.host.apply(layer, row, col, value);
    if (refused === null) {
      this.close();
      return;
    }
    setText(this.error, typeof refused === 'string' ? refused : `${refused.summary} ${refused.detail}`.trim());
  }
}
