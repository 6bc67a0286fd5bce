// The one table of the training view's settings (the idea of TensorFlow Playground's
// state.ts). Each setting is declared once: its kind (how its text reads and writes, kinds.ts),
// its range and its list of names (from the engine's catalogue), its key (t.KEY in a link, and
// the attribute t.KEY of <backprop-explorer>), the spec field it sets (its default is that
// field of catalog().trainDefaults), and the control whose error slot shows what is wrong
// with it. Links and attributes (codec.ts), the spec (spec.ts) and where an engine error is
// shown (placement.ts) are generated from it.
import { catalog } from '../catalog.js';
import { choice, flag, names, number, optionalNumber, pointList, wholeNumbers, type Kind, type Range } from './kinds.js';
import type { EditedData } from './points.js';

/** Steps per frame of the training view (their words are the catalogue's, web/src/i18n/en-train.ts). */
export const SPEEDS = ['auto', '1', '5', '25', '100', 'epoch', '5epochs'] as const;
/** Panels the user can show or hide ("which panels are shown" is part of the link). */
export const PANELS = ['data', 'network', 'output', 'curves'] as const;

export interface TrainSettings {
  dataset: string;
  classes: number;
  noise: number;
  points: number;
  split: number;
  dataSeed: number;
  features: string[];
  hidden: number[];
  activations: string[];
  output: string;
  loss: string;
  optimizer: string;
  lr: number;
  batch: number;
  l2: number;
  init: string;
  initSeed: number;
  seed: number;
  speed: string;
  stopLoss: number | null;
  stopEpoch: number | null;
  showTest: boolean;
  discretize: boolean;
  edges: 'weights' | 'gradients';
  panels: string[];
  edited: EditedData | null;
}

export type SettingName = keyof TrainSettings;

export interface Setting<K extends SettingName = SettingName> {
  name: K;
  /** The link's parameter and the element's attribute are PREFIX + key. */
  key: string;
  /** The data-err slot (and hide id) of the control that sets it. */
  control: string;
  kind: Kind<TrainSettings[K]>;
  /** The spec field it sets (a path such as "optimizer.learning_rate"), for training settings. */
  spec?: string;
  /** The default of a view setting (one that is not part of the spec). */
  initial?: () => TrainSettings[K];
}

/** The prefix of every parameter of the training view (the step-through view owns the bare names). */
export const PREFIX = 't.';

const limits = () => catalog().limits;
const optimizerRange = (param: string) => (): Range => {
  const p = catalog().optimizers[0].params.find((x) => x.name === param);
  if (!p) throw new Error(`the catalogue has no optimizer parameter ${param}`);
  return { min: p.min, max: p.max, minExclusive: p.minExclusive, maxExclusive: p.maxExclusive };
};
const unbounded = (min: number): (() => Range) => () => ({ min, max: Infinity });

const row = <K extends SettingName>(r: Setting<K>): Setting<K> => r;

/** Every setting, in the order a link lists them. */
export const SETTINGS = [
  row({ name: 'dataset', key: 'data', control: 'dataset', spec: 'data.dataset', kind: choice(() => catalog().datasets.map((d) => d.name)) }),
  row({ name: 'classes', key: 'classes', control: 'classes', spec: 'data.classes', kind: number({ integer: true, range: () => ({ min: 2, max: limits().maxClasses }) }) }),
  row({ name: 'noise', key: 'noise', control: 'noise', spec: 'data.noise', kind: number({ range: () => ({ min: 0, max: limits().maxNoise }) }) }),
  row({ name: 'points', key: 'points', control: 'points', spec: 'data.points', kind: number({ integer: true, range: () => ({ min: limits().minPoints, max: limits().maxPoints }) }) }),
  row({ name: 'split', key: 'split', control: 'split', spec: 'data.train_fraction', kind: number() }),
  row({ name: 'dataSeed', key: 'dseed', control: 'regenerate', spec: 'data.seed', kind: number({ integer: true }) }),
  row({ name: 'features', key: 'features', control: 'features', spec: 'data.features', kind: names(() => catalog().features.map((f) => f.name), () => limits().maxFeatures) }),
  // The structure: spec.ts writes layers and activations from these three.
  row({ name: 'hidden', key: 'hidden', control: 'layers', kind: wholeNumbers(() => ({ min: 1, max: limits().maxUnits }), () => limits().maxLayers - 1) }),
  row({ name: 'activations', key: 'act', control: 'layers', kind: names(() => catalog().activations.filter((a) => !a.outputOnly).map((a) => a.name)) }),
  row({ name: 'output', key: 'out', control: 'output', kind: choice(() => catalog().activations.map((a) => a.name)) }),
  row({ name: 'loss', key: 'loss', control: 'loss', spec: 'loss', kind: choice(() => catalog().losses.map((l) => l.name)) }),
  row({ name: 'optimizer', key: 'opt', control: 'optimizer', spec: 'optimizer.type', kind: choice(() => catalog().optimizers.map((o) => o.name)) }),
  row({ name: 'lr', key: 'lr', control: 'lr', spec: 'optimizer.learning_rate', kind: number({ range: optimizerRange('learning_rate') }) }),
  row({ name: 'batch', key: 'batch', control: 'batch', spec: 'batch_size', kind: number({ integer: true, range: () => ({ min: 1, max: limits().maxPoints }) }) }),
  row({ name: 'l2', key: 'l2', control: 'l2', spec: 'optimizer.weight_decay', kind: number({ range: optimizerRange('weight_decay') }) }),
  row({ name: 'init', key: 'init', control: 'init', spec: 'init.scheme', kind: choice(() => catalog().initSchemes) }),
  row({ name: 'initSeed', key: 'iseed', control: 'init', spec: 'init.seed', kind: number({ integer: true }) }),
  row({ name: 'seed', key: 'seed', control: 'init', spec: 'seed', kind: number({ integer: true }) }),
  // The view's own settings: how it runs and what it shows (not part of the spec).
  row({ name: 'speed', key: 'speed', control: 'speed', kind: choice(() => SPEEDS), initial: () => 'auto' }),
  row({ name: 'stopLoss', key: 'stoploss', control: 'stop', kind: optionalNumber({ range: unbounded(0) }), initial: () => null }),
  row({ name: 'stopEpoch', key: 'stopepoch', control: 'stop', kind: optionalNumber({ integer: true, range: unbounded(1) }), initial: () => null }),
  row({ name: 'showTest', key: 'test', control: 'test', kind: flag(), initial: () => false }),
  row({ name: 'discretize', key: 'disc', control: 'discretize', kind: flag(), initial: () => false }),
  row({ name: 'edges', key: 'edges', control: 'edges', kind: choice<'weights' | 'gradients'>(() => ['weights', 'gradients']), initial: () => 'weights' }),
  row({ name: 'panels', key: 'panels', control: 'panels', kind: names(() => PANELS), initial: () => [...PANELS] }),
  // The user's own points replace the generated data set in the spec (spec.ts).
  row({ name: 'edited', key: 'pts', control: 'edit', kind: pointList(), initial: () => null }),
] as const;

/** A row with its value type forgotten, for the code that treats every row alike. */
export interface AnySetting extends Omit<Setting, 'kind' | 'initial'> {
  kind: Kind<unknown>;
  initial?: () => unknown;
}
export const ROWS = SETTINGS as readonly AnySetting[];

export function settingNamed(name: SettingName): AnySetting {
  return ROWS.find((r) => r.name === name)!;
}
