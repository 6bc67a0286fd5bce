// What the phase shown has computed for one layer, in the words of the neuron inspector
// (web/src/inspector/phase-view.ts), and the view's phase as the inspector follows it. Read
// from the snapshot's progress; no arithmetic.
import type { InspectorPhase, Known } from '../inspector/phase-view';
import type { Stepper } from './controller';
import { phaseTitle } from './phases';
import type { T } from '../i18n/index';
import { hasBackward, hasDA, hasForward, type Snapshot } from './snapshot';

export function knownAt(s: Snapshot, layer: number, t: T): Known {
  const L = s.L;
  return {
    inputs: layer === 1 || hasForward(s, layer - 1),
    forward: hasForward(s, layer),
    loss: s.progress.loss,
    dA: hasDA(s, layer),
    backward: hasBackward(s, layer),
    update: s.progress.update,
    phase: phaseTitle(s.phase, t),
    next: phaseTitle(s.state.nextPhase, t),
    forwardPhase: t('phase.forward', { l: layer }),
    dAPhase: layer === L ? t('phase.loss') : t('phase.backward', { l: layer + 1 }),
    backwardPhase: t('phase.backward', { l: layer }),
  };
}

/** The step-through view behind an open inspector: its phase, its graphs, its Next/Previous. */
export function inspectorPhaseOf(stepper: Stepper, act: (fn: () => unknown) => void, t: T): InspectorPhase {
  return {
    known: (layer) => knownAt(stepper.snapshot, layer, t),
    graph: (layer, unit, o) => stepper.graphAsShown(layer, unit, o),
    next: () => act(() => stepper.next()),
    previous: () => act(() => stepper.previous()),
    canGoBack: () => stepper.canGoBack(),
    subscribe: (fn) => stepper.onChange(() => fn()),
  };
}
