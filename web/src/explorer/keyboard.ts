// Keyboard shortcuts of the step-through view, registered with the page's one key
// registry (web/src/keys.ts): they act only when this view has the focus, or when it is
// the page's view and the focus is nowhere in particular.
import { registerKeys, type KeyBinding } from '../keys';

export interface KeyActions {
  next(): void;
  previous(): void;
  step(): void;
  togglePlay(): void;
  reset(): void;
  faster(): void;
  slower(): void;
  inspect(): void;
}

export function stepBindings(a: KeyActions): KeyBinding[] {
  return [
    { keys: ['ArrowRight', 'n', 'N'], label: '→ or N', description: 'Next phase', run: a.next },
    { keys: ['ArrowLeft', 'p', 'P'], label: '← or P', description: 'Previous phase', run: a.previous },
    { keys: ['s', 'S'], label: 'S', description: 'Step (to the end of the current step)', run: a.step },
    { keys: [' '], label: 'Space', description: 'Play / Pause', run: a.togglePlay, onButtons: false },
    { keys: ['r', 'R'], label: 'R', description: 'Reset to the initial parameters', run: a.reset },
    { keys: ['+', '='], label: '+', description: 'Faster animation', run: a.faster },
    { keys: ['-', '_'], label: '−', description: 'Slower animation', run: a.slower },
    { keys: ['i', 'I'], label: 'I', description: 'Inspect the first output neuron', run: a.inspect },
  ];
}

export interface ShortcutScope {
  root: Element;
  active(): boolean;
  ownsPage(): boolean;
  announce?(text: string): void;
}

/** Registers the view's keys; returns the function that removes them (the view's dispose). */
export function installShortcuts(scope: ShortcutScope, a: KeyActions): () => void {
  const bindings = stepBindings(a);
  return registerKeys({ ...scope, bindings: () => bindings });
}
