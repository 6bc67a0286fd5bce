// The inspector as a view of the step-through phase: which of a neuron's quantities the phase
// has computed (the rest are shown blank, marked with the phase that computes them), and the
// phase controls inside the dialog so that it follows Next/Previous phase while open.
import { h } from '../dom';
import type { T } from '../i18n/index';
import type { NeuronGraph } from '../engine';

/** What the current phase has computed for the inspected neuron (layer l). */
export interface Known {
  /** The neuron's inputs A[l−1] (data for layer 1). */
  inputs: boolean;
  /** z, a and the gates between them (forward l done). */
  forward: boolean;
  /** The loss (the loss phase done). */
  loss: boolean;
  /** dL/da = dA[l] (the loss for the output layer, backward l+1 otherwise). */
  dA: boolean;
  /** dZ, dW, db of layer l (backward l done). */
  backward: boolean;
  /** The update has run (new parameters). */
  update: boolean;
  /** Titles of the phase shown and the next phase, e.g. "Forward 1", "Loss". */
  phase: string;
  next: string;
  /** Titles of the phases that compute the forward values, dA and the backward values. */
  forwardPhase: string;
  dAPhase: string;
  backwardPhase: string;
}

type GraphOptions = { example?: number; expanded?: boolean; root?: 'loss' | 'activation' };

/** The step-through view behind the inspector. */
export interface InspectorPhase {
  known(layer: number): Known;
  /** The neuron's graph as the view shows it (the pass of the phase shown). */
  graph(layer: number, unit: number, options: GraphOptions): NeuronGraph;
  next(): void;
  previous(): void;
  canGoBack(): boolean;
  /** Calls fn after every change of the phase; returns a function that stops it. */
  subscribe(fn: () => void): () => void;
}

/** Per node: whether its value and its gradient are shown at this phase. */
export interface Shown {
  value(id: number): boolean;
  grad(id: number): boolean;
  /** Why a hidden quantity is blank: "after Backward 1". */
  valueWhen(id: number): string;
  gradWhen(id: number): string;
}

export const ALL_SHOWN: Shown = { value: () => true, grad: () => true, valueWhen: () => '', gradWhen: () => '' };

/** Which quantities of graph `g` the phase `k` has computed. */
export function shownAt(g: NeuronGraph, k: Known, t: T): Shown {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  // Nodes that read a (directly or not): the loss and what leads to it.
  const afterA = new Set<number>();
  for (const n of g.nodes) if (n.inputs.some((i) => i === g.a || afterA.has(i))) afterA.add(n.id);
  const isLoss = (id: number) => String(byId.get(id)?.op ?? '').startsWith('loss');
  const value = (id: number) => {
    const n = byId.get(id);
    if (!n) return false;
    if (n.kind === 'parameter' || n.kind === 'target') return true;
    if (n.kind === 'input') return k.inputs;
    if (isLoss(id)) return k.loss;
    return k.forward;
  };
  const fromLoss = g.root === 'loss';
  const gradPhase = (id: number) => (id === g.a || afterA.has(id) ? 'dA' : 'backward');
  const grad = (id: number) => {
    if (!fromLoss) return value(id) && k.forward; // local gradients of a: known with the forward values
    return gradPhase(id) === 'dA' ? k.dA : k.backward;
  };
  return {
    value,
    grad,
    valueWhen: (id) => t('inspector.after', { phase: isLoss(id) ? t('phase.loss') : k.forwardPhase }),
    gradWhen: (id) => t('inspector.after', { phase: !fromLoss ? k.forwardPhase : gradPhase(id) === 'dA' ? k.dAPhase : k.backwardPhase }),
  };
}

/** The phase bar inside the dialog: where the view is, and Previous/Next phase. */
export function phaseBar(p: InspectorPhase, k: Known, t: T): HTMLElement {
  const bar = h('div', { class: 'inspector-phase', role: 'group', 'aria-label': t('inspector.phase') });
  const status = h('p', { class: 'inspector-phase-status', 'data-testid': 'inspector-phase' });
  status.innerHTML = t('inspector.phaseStatus', { phase: k.phase, next: k.next });
  const make = (label: string, key: string, run: () => void, disabled = false) => {
    const b = h('button', { type: 'button', 'data-focus-key': key, 'aria-keyshortcuts': key, disabled }, label);
    b.addEventListener('click', run);
    return b;
  };
  bar.append(
    make(t('step.previous'), 'ArrowLeft', () => p.previous(), !p.canGoBack()),
    make(t('step.next'), 'ArrowRight', () => p.next()),
    status,
  );
  return bar;
}
