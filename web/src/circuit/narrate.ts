// Words for the current step: the gate's formula with its inputs' values and its result
// going forward; going back, what each input receives (upstream × local, the engine's
// numbers), the pattern note, and the sums at forks that the step completes.
import type { Circuit, CircuitNode } from '../../../bindings/wasm/engine.js';
import { fmt } from '../format';
import { wireKey, type Revealed, type StepEvent } from './steps';

export interface Narration {
  title: string;
  lines: string[];
  note: string;
}

export function narrate(c: Circuit, e: StepEvent | null, shown: Revealed, step: number, total: number): Narration {
  const byId = new Map(c.nodes.map((n) => [n.id, n] as const));
  if (!e) {
    if (step === 0)
      return { title: 'Start: the inputs have their values', lines: ['Next fires the first gate.'], note: '' };
    return { title: 'Done', lines: [], note: '' };
  }
  const n = byId.get(e.node) as CircuitNode;
  if (e.kind === 'forward') {
    return {
      title: `Forward ${step} of ${total / 2}: ${n.label} = ${n.formula}`,
      lines: [`${n.label} = ${n.calculation} = ${fmt(n.value)}`],
      note: '',
    };
  }
  const lines = [`upstream gradient d${c.output.name}/d${n.label} = ${fmt(n.grad)}`];
  n.inputs.forEach((id, slot) => {
    const input = byId.get(id) as CircuitNode;
    const path = input.paths.find((p) => p.to === n.id && p.slot === slot);
    if (!path) return;
    lines.push(`${input.label} receives ${fmt(n.grad)} × ${fmt(n.local[slot])} (local gradient) = ${fmt(path.grad)}`);
  });
  for (const id of new Set(n.inputs)) {
    const input = byId.get(id) as CircuitNode;
    if (input.paths.length < 2 || !input.paths.every((p) => shown.wireGrads.has(wireKey(input.id, p.to, p.slot)))) continue;
    if (input.paths.some((p) => p.to === n.id) && input.kind !== 'constant')
      lines.push(`${input.label} is a fork: its gradients add up, ${input.paths.map((p) => fmt(p.grad)).join(' + ')} = ${fmt(input.grad)}`);
  }
  return { title: `Backward ${step - total / 2} of ${total / 2}: through ${n.label}`, lines, note: n.note ?? '' };
}
