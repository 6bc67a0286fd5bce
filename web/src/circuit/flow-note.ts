// How a gate passes its gradient back, in the view's words. The engine writes this note in
// English (core/circuit_gates.cpp, flow_note); the node's op, its inputs' labels and values,
// its local gradients and its gradient say everything the note says, so another language
// writes it from them. English shows the engine's own note.
import type { Circuit, CircuitNode } from '../../../bindings/wasm/engine.js';
import { fmt } from '../format';
import type { Locale } from '../i18n/index';

export function flowNote(c: Circuit, n: CircuitNode, loc: Locale): { text: string; english: boolean } {
  const engine = { text: n.note ?? '', english: true };
  if (loc.lang === 'en' || !n.note) return engine;
  const t = loc.t;
  const byId = new Map(c.nodes.map((x) => [x.id, x] as const));
  const labels = n.inputs.map((id) => byId.get(id)?.label ?? '?');
  const values = n.inputs.map((id) => byId.get(id)?.value ?? NaN);
  const g = fmt(n.grad, 4);
  const f = (v: number) => fmt(v, 4);
  let text: string | null = null;
  if (n.op === 'add' || n.op === 'add_const') text = t('flow.add', { g });
  else if (n.op === 'sub' && labels.length === 2) text = t('flow.sub', { a: labels[0], b: labels[1], g, ng: f(-n.grad) });
  else if (n.op === 'mul' && labels.length === 2) {
    text = t('flow.mul', { a: labels[0], b: labels[1], g, va: f(values[0]), vb: f(values[1]), ga: f(n.grad * n.local[0]), gb: f(n.grad * n.local[1]) });
  } else if (n.op === 'max' || n.op === 'min') {
    const i = n.local.indexOf(1);
    if (i >= 0) text = t(n.op === 'max' ? 'flow.max' : 'flow.min', { g, a: labels[i], va: f(values[i]) });
  } else if (n.op === 'relu') text = values[0] > 0 ? t('flow.reluOn', { g }) : t('flow.reluOff');
  return text === null ? engine : { text, english: false };
}
