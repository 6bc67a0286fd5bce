// The training view's keys (web/src/keys.ts scopes them to the view that has the focus);
// keys that throw the run away ask first. A control the teacher hid takes its key with it.
import type { KeyBinding } from '../keys';
import type { TrainController } from './controller';

export function viewKeys(v: TrainController, hidden: Set<string>): KeyBinding[] {
  const all: (KeyBinding & { control: string })[] = [
    { control: 'play', keys: ['k', 'K', ' '], label: 'K or Space', description: 'Play / Pause', run: () => v.togglePlay(), onButtons: false },
    { control: 'step', keys: ['s', 'S'], label: 'S', description: 'Train one step', run: () => v.stepOnce() },
    { control: 'epoch', keys: ['e', 'E'], label: 'E', description: 'Train one epoch', run: () => v.epochOnce() },
    { control: 'reset', keys: ['r', 'R'], label: 'R', description: 'Reset to the initial weights', run: () => v.reset(), confirm: 'reset the run to its initial weights' },
    { control: 'newweights', keys: ['w', 'W'], label: 'W', description: 'New initial weights', run: () => v.newWeights(), confirm: 'start again from new weights' },
    { control: 'regenerate', keys: ['d', 'D'], label: 'D', description: 'New data', run: () => v.regenerate(), confirm: 'draw new data and start again' },
  ];
  return all.filter((b) => !hidden.has(b.control));
}
