// What the phase shown has computed for one layer, in the words of the neuron inspector
// (web/src/inspector/phase-view.ts), and the view's phase as the inspector follows it. Read
// from the snapshot's progress; no arithmetic.
import type { InspectorPhase, Known } from '../inspector/phase-view';
import type { Stepper } from './controller';
import { phaseTitle } from './phases';
import { hasBackward, hasDA, hasForward, type Snapshot } from './snapshot';

export function knownAt(s: Snapshot, layer: number): Known {
  const L = s.L;
  return {
    inputs: layer === 1 || hasForward(s, layer - 1),
    forward: hasForward(s, layer),
    loss: s.progress.loss,
    dA: hasDA(s, layer),
    backward: hasBackward(s, layer),
    update: s.progress.update,
    phase: phaseTitle(s.phase),
    next: phaseTitle(s.state.nextPhase),
    forwardPhase: `Forward ${layer}`,
    dAPhase: layer === L ? 'Loss' : `Backward ${layer + 1}`,
    backwardPhase: `Backward ${layer}`,
  };
}

/** The step-through view behind an open inspector: its phase, its graphs, its Next/Previous. */
export function inspectorPhaseOf(stepper: Stepper, act: (fn: () => unknown) => void): InspectorPhase {
  return {
    known: (layer) => knownAt(stepper.snapshot, layer),
    graph: (layer, unit, o) => stepper.graphAsShown(layer, unit, o),
    next: () => act(() => stepper.next()),
    previous: () => act(() => stepper.previous()),
    canGoBack: () => stepper.canGoBack(),
    subscribe: (fn) => stepper.onChange(() => fn()),
  };
}
