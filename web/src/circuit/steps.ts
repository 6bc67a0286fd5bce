// The step cursor of a circuit: step 0 shows the inputs; steps 1..F fire the gates forward
// in the engine's order; steps F+1..2F pass gradients back, one gate at a time, in reverse.
// Which values and gradients are visible at a step follows from that alone: every number
// shown is the engine's.
import type { Circuit, CircuitNode } from '../../../bindings/wasm/engine.js';

export interface StepEvent {
  kind: 'forward' | 'backward';
  node: string; // the gate's id
}

export function stepEvents(c: Circuit): StepEvent[] {
  const forward = c.forward.map((node) => ({ kind: 'forward' as const, node }));
  const backward = [...c.forward].reverse().map((node) => ({ kind: 'backward' as const, node }));
  return [...forward, ...backward];
}

export interface Revealed {
  /** Nodes whose value is shown. */
  values: Set<string>;
  /** Wires ("from>to#slot") whose gradient is shown. */
  wireGrads: Set<string>;
  /** Nodes whose gradient (the sum of their wires) is complete and shown. */
  grads: Set<string>;
  /** The gate of the current step, if any. */
  current: StepEvent | null;
  /** Gradient of the output shown (1: the start of the backward pass). */
  outputGrad: boolean;
}

export const wireKey = (from: string, to: string, slot: number) => `${from}>${to}#${slot}`;

export function revealedAt(c: Circuit, events: StepEvent[], step: number): Revealed {
  const values = new Set<string>();
  const wireGrads = new Set<string>();
  const grads = new Set<string>();
  const byId = new Map(c.nodes.map((n) => [n.id, n] as const));
  for (const n of c.nodes) if (n.kind === 'input' || n.kind === 'constant') values.add(n.id);
  const gateless = c.forward.length === 0; // the output is an input: nothing to step
  for (let k = 0; k < Math.min(step, events.length); k++) {
    const e = events[k];
    if (e.kind === 'forward') {
      values.add(e.node);
      continue;
    }
    grads.add(e.node);
    const gate = byId.get(e.node) as CircuitNode;
    gate.inputs.forEach((from, slot) => wireGrads.add(wireKey(from, e.node, slot)));
  }
  for (const n of c.nodes) {
    if (n.kind !== 'input' && n.kind !== 'constant') continue;
    if (n.paths.length > 0 && n.paths.every((p) => wireGrads.has(wireKey(n.id, p.to, p.slot)))) grads.add(n.id);
  }
  const backwardStarted = step > c.forward.length || (gateless && step > 0);
  if (backwardStarted) grads.add(c.output.node);
  return {
    values,
    wireGrads,
    grads,
    current: step > 0 && step <= events.length ? events[step - 1] : null,
    outputGrad: backwardStarted,
  };
}
