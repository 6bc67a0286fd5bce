// What the page says when training diverges: which quantity of which phase became NaN or
// infinite (from the engine), what that means, and what to try, with buttons that do it.
import { h } from '../dom';

export interface Divergence {
  step: number;
  phase: string;
  layer: number;
  quantity: string;
  message: string;
}

export function divergenceMessage(
  d: Divergence,
  lr: number,
  actions: { lowerAndReset(lr: number): void; reset(): void },
): (Node | string)[] {
  const lower = Number((lr / 10).toPrecision(2));
  const fix = h('button', { type: 'button', class: 'bpx-t-btn' }, `Use learning rate ${lower} and reset`);
  fix.addEventListener('click', () => actions.lowerAndReset(lower));
  const reset = h('button', { type: 'button', class: 'bpx-t-btn' }, 'Reset');
  reset.addEventListener('click', () => actions.reset());
  const where = d.layer > 0 ? `${d.quantity}[${d.layer}]` : d.quantity;
  return [
    h('strong', {}, 'Training diverged. '),
    `At step ${d.step} (${d.phase}), ${where} became NaN or infinite: the updates grew without bound instead of settling. `,
    h('br'),
    `What to try: a lower learning rate (now ${lr}), Adam instead of SGD, a smaller L2 or batch-size change, or a bounded output (tanh or sigmoid). Then press Reset — it restores the initial weights.`,
    h('div', { class: 'bpx-t-alert-actions' }, fix, reset),
    h('p', { class: 'bpx-t-note' }, `Engine: ${d.message}`),
  ];
}
