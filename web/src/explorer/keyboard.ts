// Keyboard shortcuts of the step-through view, registered with the page's one key
// registry (web/src/keys.ts): they act only when this view has the focus, or when it is
// the page's view and the focus is nowhere in particular.
import type { T } from '../i18n/index';
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

export function stepBindings(a: KeyActions, t: T): KeyBinding[] {
  return [
    { keys: ['ArrowRight', 'n', 'N'], label: t('keys.or', { a: '→', b: 'N' }), description: t('keys.next'), run: a.next },
    { keys: ['ArrowLeft', 'p', 'P'], label: t('keys.or', { a: '←', b: 'P' }), description: t('keys.previous'), run: a.previous },
    { keys: ['s', 'S'], label: 'S', description: t('keys.step'), run: a.step },
    { keys: [' '], label: t('step.space'), description: t('keys.play'), run: a.togglePlay, onButtons: false },
    { keys: ['r', 'R'], label: 'R', description: t('keys.reset'), run: a.reset },
    { keys: ['+', '='], label: '+', description: t('keys.faster'), run: a.faster },
    { keys: ['-', '_'], label: '−', description: t('keys.slower'), run: a.slower },
    { keys: ['i', 'I'], label: 'I', description: t('keys.inspect'), run: a.inspect },
  ];
}

export interface ShortcutScope {
  root: Element;
  active(): boolean;
  ownsPage(): boolean;
  announce?(text: string): void;
}

/** Registers the view's keys; returns the function that removes them (the view's dispose). */
export function installShortcuts(scope: ShortcutScope, a: KeyActions, t: T): () => void {
  const bindings = stepBindings(a, t);
  return registerKeys({ ...scope, bindings: () => bindings });
}
