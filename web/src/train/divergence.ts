// What the page says when training diverges: which quantity of which phase became NaN or
// infinite (from the engine), what that means, and what to try, with buttons that do it.
// The engine's own sentence follows in English (lang="en").
import { h } from '../dom';
import { withDecimalComma } from '../format';
import type { Locale, T } from '../i18n/index';

export interface Divergence {
  step: number;
  phase: string;
  layer: number;
  quantity: string;
  message: string;
}

/** The engine's phase label ("forward 2", "loss", "backward 1", "update") in the view's words. */
function phaseWords(label: string, t: T): string {
  const m = /^(forward|backward) (\d+)$/.exec(label);
  if (m) return t(m[1] === 'forward' ? 'train.div.forward' : 'train.div.backward', { l: Number(m[2]) });
  if (label === 'loss') return t('train.div.lossPhase');
  if (label === 'update') return t('train.div.update');
  return label;
}

export function divergenceMessage(
  d: Divergence,
  lr: number,
  loc: Locale,
  actions: { lowerAndReset(lr: number): void; reset(): void },
): (Node | string)[] {
  const t = loc.t;
  const num = (v: number) => withDecimalComma(String(v), loc.decimalComma);
  const lower = Number((lr / 10).toPrecision(2));
  const fix = h('button', { type: 'button', class: 'bpx-t-btn' }, t('train.div.lower', { lr: num(lower) }));
  fix.addEventListener('click', () => actions.lowerAndReset(lower));
  const reset = h('button', { type: 'button', class: 'bpx-t-btn' }, t('train.reset'));
  reset.addEventListener('click', () => actions.reset());
  // Z, A, dW... are the engine's names; only the loss is a word.
  const quantity = d.quantity === 'loss' ? t('train.div.lossValue') : d.quantity;
  const what = d.layer > 0 ? `${quantity}[${d.layer}]` : quantity;
  return [
    h('strong', {}, t('train.div.title')),
    t('train.div.where', { step: d.step, phase: phaseWords(d.phase, t), what }),
    h('br'),
    t('train.div.try', { lr: num(lr) }),
    h('div', { class: 'bpx-t-alert-actions' }, fix, reset),
    h('p', { class: 'bpx-t-note' }, t('train.div.engine'), h('span', { lang: 'en' }, d.message)),
  ];
}
