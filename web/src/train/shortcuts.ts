// The training view's keys (web/src/keys.ts scopes them to the view that has the focus);
// keys that throw the run away ask first. A control the teacher hid takes its key with it.
import type { T } from '../i18n/index';
import type { KeyBinding } from '../keys';
import type { TrainController } from './controller';

/** Every key of the view with the `hide` id of the control it belongs to (element-lock.ts reads it too). */
export function trainKeyTable(v: TrainController, t: T): (KeyBinding & { control: string })[] {
  return [
    { control: 'play', keys: ['k', 'K', ' '], label: t('keys.or', { a: 'K', b: t('step.space') }), description: t('train.key.play'), run: () => v.togglePlay(), onButtons: false },
    { control: 'step', keys: ['s', 'S'], label: 'S', description: t('train.key.step'), run: () => v.stepOnce() },
    { control: 'epoch', keys: ['e', 'E'], label: 'E', description: t('train.key.epoch'), run: () => v.epochOnce() },
    { control: 'reset', keys: ['r', 'R'], label: 'R', description: t('train.key.reset'), run: () => v.reset(), confirm: t('train.key.resetAgain') },
    { control: 'newweights', keys: ['w', 'W'], label: 'W', description: t('train.key.newWeights'), run: () => v.newWeights(), confirm: t('train.key.newWeightsAgain') },
    { control: 'regenerate', keys: ['d', 'D'], label: 'D', description: t('train.key.regenerate'), run: () => v.regenerate(), confirm: t('train.key.regenerateAgain') },
  ];
}

export function viewKeys(v: TrainController, hidden: Set<string>, t: T): KeyBinding[] {
  return trainKeyTable(v, t).filter((b) => !hidden.has(b.control));
}
