// The controls of the training view: the toolbar (run buttons and hyper-parameters),
// the data panel and the output/loss selectors. Plain DOM with labels for every control
// and an error slot (data-err) beside each, where the engine's validation messages go.
import { catalog, menus } from '../catalog';
import { h, select } from '../dom';
import { withDecimalComma } from '../format';
import type { Key, Locale, T } from '../i18n/index';
import { engineWord } from '../i18n/engine-words';
import { PANELS, SPEEDS, type TrainSettings } from '../settings/index';

export const LEARNING_RATES = ['0.00001', '0.0001', '0.001', '0.003', '0.01', '0.03', '0.1', '0.3', '1', '3', '10'];

let ids = 0;
/** A unique element id (several views may share a document). */
export function uid(name: string): string {
  return `bpx-t-${name}-${++ids}`;
}

/** A labelled control with its error slot; `id` is the hide flag and the error key. */
export function field(id: string, label: string, control: HTMLElement, extra?: HTMLElement): HTMLDivElement {
  control.id ||= uid(id);
  return h(
    'div',
    { class: 'bpx-t-field', 'data-ctl': id },
    h('label', { class: 'bpx-t-label', for: control.id }, label),
    control,
    extra ?? null,
    h('span', { class: 'bpx-t-err', role: 'alert', 'data-err': id }),
  );
}

export function button(label: string, title: string, ctl: string, cls = ''): HTMLButtonElement {
  return h('button', { type: 'button', class: `bpx-t-btn ${cls}`.trim(), title, 'data-ctl': ctl }, label);
}

export interface Toolbar {
  element: HTMLElement;
  play: HTMLButtonElement;
  step: HTMLButtonElement;
  epochBtn: HTMLButtonElement;
  reset: HTMLButtonElement;
  newWeights: HTMLButtonElement;
  epoch: HTMLOutputElement;
  steps: HTMLOutputElement;
  speed: HTMLSelectElement;
  lr: HTMLSelectElement;
  lrTyped: HTMLInputElement;
  l2Typed: HTMLInputElement;
  optimizer: HTMLSelectElement;
  batch: HTMLInputElement;
  l2: HTMLSelectElement;
  init: HTMLSelectElement;
  stopLoss: HTMLInputElement;
  stopEpoch: HTMLInputElement;
}

/** The words of the settings table's speeds and panels (a new one fails to compile until it has its key). */
const SPEED_KEYS: Record<(typeof SPEEDS)[number], Key> = {
  auto: 'train.speed.auto',
  '1': 'train.speed.1',
  '5': 'train.speed.5',
  '25': 'train.speed.25',
  '100': 'train.speed.100',
  epoch: 'train.speed.epoch',
  '5epochs': 'train.speed.5epochs',
};
const PANEL_KEYS: Record<(typeof PANELS)[number], Key> = {
  data: 'train.data',
  network: 'train.network',
  output: 'train.outputPanel',
  curves: 'train.curves',
};

/** A text field beside a menu for a value the menu lacks, typed with a decimal point or comma. */
function typedField(label: string, t: T): HTMLInputElement {
  return h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', class: 'bpx-t-num bpx-t-typed', placeholder: t('train.typed'), 'aria-label': label });
}

export const L2_RATES = ['0', '0.00001', '0.0001', '0.001', '0.003', '0.01', '0.03', '0.1', '0.3', '1', '3', '10'];

/** The menu's numbers with `v` among them; labels with the view's decimal separator, values with a point. */
function withValue(list: string[], v: number, comma: boolean): [string, string][] {
  const s = String(v);
  const values = list.includes(s) ? list : [...list, s].sort((a, b) => Number(a) - Number(b));
  return values.map((x) => [x, withDecimalComma(x, comma)]);
}

export function buildToolbar(s: TrainSettings, loc: Locale): Toolbar {
  const t = loc.t;
  const reset = button(t('train.reset'), t('train.resetTitle'), 'reset');
  const play = button(t('train.play'), t('train.playTitle'), 'play', 'bpx-t-play');
  const step = button(t('train.step'), t('train.stepTitle'), 'step');
  const epochBtn = button(t('train.epoch'), t('train.epochTitle'), 'epoch');
  const newWeights = button(t('train.newWeights'), t('train.newWeightsTitle'), 'newweights');
  const epoch = h('output', { class: 'bpx-t-epoch', 'aria-label': t('train.epoch') }, '0');
  const steps = h('output', { class: 'bpx-t-steps', 'aria-label': t('train.steps') }, '0');
  const speed = select({}, SPEEDS.map((v) => [v, t(SPEED_KEYS[v])] as const), s.speed);
  const lr = select({}, withValue(LEARNING_RATES, s.lr, loc.decimalComma), String(s.lr));
  const lrTyped = typedField(t('train.lrTyped'), t);
  const l2Typed = typedField(t('train.l2Typed'), t);
  const optimizer = select({}, menus.optimizers(), s.optimizer);
  const batch = h('input', { type: 'number', min: 1, max: catalog().limits.maxPoints, step: 1, value: String(s.batch), class: 'bpx-t-num' });
  const l2 = select({}, withValue(L2_RATES, s.l2, loc.decimalComma), String(s.l2));
  const init = select({}, menus.initSchemes(), s.init);
  // Text, not type=number: a decimal comma is typed as well as a point (web/src/i18n/numbers.ts).
  const stopLoss = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: t('train.off'), value: s.stopLoss === null ? '' : String(s.stopLoss), class: 'bpx-t-num' });
  const stopEpoch = h('input', { type: 'number', min: 1, step: 1, placeholder: t('train.off'), value: s.stopEpoch === null ? '' : String(s.stopEpoch), class: 'bpx-t-num' });
  const element = h(
    'div',
    { class: 'bpx-t-bar', role: 'toolbar', 'aria-label': t('train.toolbar') },
    h('div', { class: 'bpx-t-run' }, reset, play, step, epochBtn, newWeights),
    h(
      'div',
      { class: 'bpx-t-counter' },
      h('span', { class: 'bpx-t-label' }, t('train.epoch')),
      epoch,
      h('span', { class: 'bpx-t-label bpx-t-stepslabel' }, t('train.stepsLabel')),
      steps,
    ),
    h(
      'div',
      { class: 'bpx-t-hyper' },
      field('speed', t('train.perFrame'), speed),
      field('lr', t('train.lr'), lr, lrTyped),
      field('optimizer', t('train.optimizer'), optimizer),
      field('batch', t('train.batch'), batch),
      field('l2', t('train.l2'), l2, l2Typed),
      field('init', t('train.init'), init),
      h(
        'div',
        { class: 'bpx-t-field bpx-t-stop', 'data-ctl': 'stop' },
        h('div', {}, h('label', { class: 'bpx-t-label', for: (stopLoss.id = uid('stoploss')) }, t('train.stopLoss')), stopLoss),
        h('div', {}, h('label', { class: 'bpx-t-label', for: (stopEpoch.id = uid('stopepoch')) }, t('train.stopEpoch')), stopEpoch),
        h('span', { class: 'bpx-t-err', role: 'alert', 'data-err': 'stop' }),
      ),
    ),
  );
  return { element, play, step, epochBtn, reset, newWeights, epoch, steps, speed, lr, lrTyped, l2Typed, optimizer, batch, l2, init, stopLoss, stopEpoch };
}

export interface DataPanel {
  element: HTMLElement;
  dataset: HTMLSelectElement;
  classes: HTMLSelectElement;
  noise: HTMLInputElement;
  noiseOut: HTMLOutputElement;
  points: HTMLInputElement;
  split: HTMLInputElement;
  splitOut: HTMLOutputElement;
  regenerate: HTMLButtonElement;
  showTest: HTMLInputElement;
  upload: HTMLInputElement;
  tools: HTMLDivElement;
  count: HTMLOutputElement;
  editedNote: HTMLParagraphElement;
  restore: HTMLButtonElement;
}

export function buildDataPanel(s: TrainSettings, loc: Locale): DataPanel {
  const t = loc.t;
  const limits = catalog().limits;
  const datasets = menus.datasets().map(([v, display]) => [v, engineWord(loc.lang, `dataset.${v}`, display).text] as const);
  const dataset = select({}, datasets, s.dataset);
  const classes = select(
    {},
    Array.from({ length: limits.maxClasses - 1 }, (_, k) => [String(k + 2), String(k + 2)] as const),
    String(s.classes),
  );
  const noise = h('input', { type: 'range', min: 0, max: limits.maxNoise, step: 0.05, value: String(s.noise) });
  const noiseOut = h('output', { class: 'bpx-t-val' }, withDecimalComma(String(s.noise), loc.decimalComma));
  const points = h('input', { type: 'number', min: limits.minPoints, max: limits.maxPoints, step: 10, value: String(s.points), class: 'bpx-t-num' });
  const split = h('input', { type: 'range', min: 0.1, max: 1, step: 0.1, value: String(s.split) });
  const splitOut = h('output', { class: 'bpx-t-val' }, `${Math.round(s.split * 100)}%`);
  const regenerate = button(t('train.regenerate'), t('train.regenerateTitle'), 'regenerate');
  const showTest = h('input', { type: 'checkbox' });
  showTest.checked = s.showTest;
  // The browser writes a file input's words in its own language, not the page's: our button opens it.
  const upload = h('input', { type: 'file', accept: '.csv,text/csv,text/plain', class: 'bpx-t-file', tabindex: -1 });
  const chooseFile = h('button', { type: 'button', class: 'bpx-t-btn' }, t('train.chooseFile'));
  chooseFile.addEventListener('click', () => upload.click());
  const tools = h('div', { class: 'bpx-t-tools', role: 'radiogroup', 'aria-label': t('train.plotTool') });
  const count = h('output', { class: 'bpx-t-count', 'aria-label': t('train.pointCount') });
  const editedNote = h('p', { class: 'bpx-t-note', hidden: true });
  const restore = button(t('train.restore'), t('train.restoreTitle'), 'restore');
  restore.hidden = true;
  const element = h(
    'section',
    { class: 'bpx-t-panel bpx-t-data', 'data-panel': 'data', 'data-ctl': 'data', 'aria-label': t('train.data') },
    h('h2', {}, t('train.data')),
    field('dataset', t('train.dataset'), dataset),
    field('classes', t('train.classes'), classes),
    field('noise', t('train.noise'), noise, noiseOut),
    field('points', t('train.points'), points),
    field('split', t('train.split'), split, splitOut),
    h('div', { class: 'bpx-t-row' }, regenerate, h('span', { class: 'bpx-t-err', role: 'alert', 'data-err': 'regenerate' })),
    h('div', { class: 'bpx-t-field bpx-t-check', 'data-ctl': 'test' }, h('label', {}, showTest, ` ${t('train.showTest')}`)),
    h('div', { class: 'bpx-t-row' }, h('span', { class: 'bpx-t-label' }, t('train.inTheData')), count),
    h('div', { class: 'bpx-t-field', 'data-ctl': 'edit' }, h('span', { class: 'bpx-t-label' }, t('train.clickTo')), tools, h('span', { class: 'bpx-t-err', role: 'alert', 'data-err': 'edit' })),
    field('upload', t('train.upload'), upload, chooseFile),
    editedNote,
    restore,
  );
  return { element, dataset, classes, noise, noiseOut, points, split, splitOut, regenerate, showTest, upload, tools, count, editedNote, restore };
}

export interface OutputControls {
  element: HTMLElement;
  output: HTMLSelectElement;
  loss: HTMLSelectElement;
  edges: HTMLSelectElement;
}

export function buildOutputControls(s: TrainSettings, loc: Locale): OutputControls {
  const t = loc.t;
  const output = select({}, menus.outputActivations(), s.output);
  const losses = menus.losses().map(([v, display]) => [v, engineWord(loc.lang, `loss.${v}`, display).text] as const);
  const loss = select({}, losses, s.loss);
  const edges = select({}, [['weights', t('train.edges.weights')], ['gradients', t('train.edges.gradients')]], s.edges);
  const element = h(
    'div',
    { class: 'bpx-t-netctl' },
    field('output', t('train.output'), output),
    field('loss', t('train.loss'), loss),
    field('edges', t('train.edges'), edges),
    h('span', { class: 'bpx-t-err', role: 'alert', 'data-err': 'features' }),
    h('span', { class: 'bpx-t-err', role: 'alert', 'data-err': 'layers' }),
  );
  return { element, output, loss, edges };
}

export function buildPanelToggles(s: TrainSettings, t: T, onChange: (id: string, on: boolean) => void): HTMLElement {
  const box = h('fieldset', { class: 'bpx-t-panels', 'data-ctl': 'panels' }, h('legend', {}, t('train.panels')));
  for (const id of PANELS) {
    const label = t(PANEL_KEYS[id]);
    const cb = h('input', { type: 'checkbox' });
    cb.checked = s.panels.includes(id);
    cb.addEventListener('change', () => onChange(id, cb.checked));
    box.append(h('label', {}, cb, ` ${label}`));
  }
  return box;
}
