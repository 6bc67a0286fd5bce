// Words for the current step: the gate's formula with its inputs' values and its result
// going forward; going back, what each input receives (upstream × local, the engine's
// numbers), the pattern note, and the sums at forks that the step completes.
import type { Locale } from '../i18n/index';
import { flowNote } from './flow-note';
import type { Circuit, CircuitNode } from '../../../bindings/wasm/engine.js';
import { fmt } from '../format';
import { wireKey, type Revealed, type StepEvent } from './steps';

export interface Narration {
  title: string;
  lines: string[];
  note: string;
  /** The note is the engine's English text (no translation from the node's numbers). */
  noteEnglish?: boolean;
}

export function narrate(c: Circuit, e: StepEvent | null, shown: Revealed, step: number, total: number, loc: Locale): Narration {
  const t = loc.t;
  const byId = new Map(c.nodes.map((n) => [n.id, n] as const));
  if (!e) {
    if (step === 0)
      return { title: t('circuit.startTitle'), lines: [t('circuit.startLine')], note: '' };
    return { title: t('circuit.done'), lines: [], note: '' };
  }
  const n = byId.get(e.node) as CircuitNode;
  if (e.kind === 'forward') {
    return {
      title: t('circuit.forwardTitle', { step, n: total / 2, label: n.label, formula: n.formula }),
      lines: [`${n.label} = ${n.calculation} = ${fmt(n.value)}`],
      note: '',
    };
  }
  const lines = [t('circuit.upstream', { out: c.output.name, label: n.label, grad: fmt(n.grad) })];
  n.inputs.forEach((id, slot) => {
    const input = byId.get(id) as CircuitNode;
    const path = input.paths.find((p) => p.to === n.id && p.slot === slot);
    if (!path) return;
    lines.push(t('circuit.receives', { input: input.label, grad: fmt(n.grad), local: fmt(n.local[slot]), result: fmt(path.grad) }));
  });
  for (const id of new Set(n.inputs)) {
    const input = byId.get(id) as CircuitNode;
    if (input.paths.length < 2 || !input.paths.every((p) => shown.wireGrads.has(wireKey(input.id, p.to, p.slot)))) continue;
    if (input.paths.some((p) => p.to === n.id) && input.kind !== 'constant')
      lines.push(t('circuit.fork', { input: input.label, sum: input.paths.map((p) => fmt(p.grad)).join(' + '), grad: fmt(input.grad) }));
  }
  const note = flowNote(c, n, loc);
  return { title: t('circuit.backwardTitle', { step: step - total / 2, n: total / 2, label: n.label }), lines, note: note.text, noteEnglish: note.english && loc.lang !== 'en' };
}
