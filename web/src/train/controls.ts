// The controls of the training view: the toolbar (run buttons and hyper-parameters),
// the data panel and the output/loss selectors. Plain DOM with labels for every control
// and an error slot (data-err) beside each, where the engine's validation messages go.
import { catalog, menus } from '../catalog';
import { h, select } from '../dom';
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
  optimizer: HTMLSelectElement;
  batch: HTMLInputElement;
  l2: HTMLSelectElement;
  init: HTMLSelectElement;
  stopLoss: HTMLInputElement;
  stopEpoch: HTMLInputElement;
}

export const L2_RATES = ['0', '0.00001', '0.0001', '0.001', '0.003', '0.01', '0.03', '0.1', '0.3', '1', '3', '10'];

function withValue(list: string[], v: number): [string, string][] {
  const s = String(v);
  const out = list.map((x) => [x, x] as [string, string]);
  if (!list.includes(s)) out.push([s, s]);
  return out;
}

export function buildToolbar(s: TrainSettings): Toolbar {
  const reset = button('Reset', 'Back to the initial weights (R, twice)', 'reset');
  const play = button('Play', 'Play or pause training (Space or K)', 'play', 'bpx-t-play');
  const step = button('Step', 'One training step: one minibatch update (S)', 'step');
  const epochBtn = button('Epoch', 'Train one epoch (E)', 'epoch');
  const newWeights = button('New weights', 'Draw new initial weights (W, twice)', 'newweights');
  const epoch = h('output', { class: 'bpx-t-epoch', 'aria-label': 'Epoch' }, '0');
  const steps = h('output', { class: 'bpx-t-steps', 'aria-label': 'Steps' }, '0');
  const speed = select({}, SPEEDS, s.speed);
  const lr = select({}, withValue(LEARNING_RATES, s.lr), String(s.lr));
  const optimizer = select({}, menus.optimizers(), s.optimizer);
  const batch = h('input', { type: 'number', min: 1, max: catalog().limits.maxPoints, step: 1, value: String(s.batch), class: 'bpx-t-num' });
  const l2 = select({}, withValue(L2_RATES, s.l2), String(s.l2));
  const init = select({}, menus.initSchemes(), s.init);
  const stopLoss = h('input', { type: 'number', min: 0, step: 'any', placeholder: 'off', value: s.stopLoss === null ? '' : String(s.stopLoss), class: 'bpx-t-num' });
  const stopEpoch = h('input', { type: 'number', min: 1, step: 1, placeholder: 'off', value: s.stopEpoch === null ? '' : String(s.stopEpoch), class: 'bpx-t-num' });
  const element = h(
    'div',
    { class: 'bpx-t-bar', role: 'toolbar', 'aria-label': 'Training' },
    h('div', { class: 'bpx-t-run' }, reset, play, step, epochBtn, newWeights),
    h(
      'div',
      { class: 'bpx-t-counter' },
      h('span', { class: 'bpx-t-label' }, 'Epoch'),
      epoch,
      h('span', { class: 'bpx-t-label bpx-t-stepslabel' }, 'steps'),
      steps,
    ),
    h(
      'div',
      { class: 'bpx-t-hyper' },
      field('speed', 'Per frame', speed),
      field('lr', 'Learning rate', lr),
      field('optimizer', 'Optimizer', optimizer),
      field('batch', 'Batch size', batch),
      field('l2', 'L2 (weight decay)', l2),
      field('init', 'Initialisation', init),
      h(
        'div',
        { class: 'bpx-t-field bpx-t-stop', 'data-ctl': 'stop' },
        h('div', {}, h('label', { class: 'bpx-t-label', for: (stopLoss.id = uid('stoploss')) }, 'Stop at loss ≤'), stopLoss),
        h('div', {}, h('label', { class: 'bpx-t-label', for: (stopEpoch.id = uid('stopepoch')) }, 'Stop at epoch'), stopEpoch),
        h('span', { class: 'bpx-t-err', role: 'alert', 'data-err': 'stop' }),
      ),
    ),
  );
  return { element, play, step, epochBtn, reset, newWeights, epoch, steps, speed, lr, optimizer, batch, l2, init, stopLoss, stopEpoch };
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

export function buildDataPanel(s: TrainSettings): DataPanel {
  const limits = catalog().limits;
  const dataset = select({}, menus.datasets(), s.dataset);
  const classes = select(
    {},
    Array.from({ length: limits.maxClasses - 1 }, (_, k) => [String(k + 2), String(k + 2)] as const),
    String(s.classes),
  );
  const noise = h('input', { type: 'range', min: 0, max: limits.maxNoise, step: 0.05, value: String(s.noise) });
  const noiseOut = h('output', { class: 'bpx-t-val' }, String(s.noise));
  const points = h('input', { type: 'number', min: limits.minPoints, max: limits.maxPoints, step: 10, value: String(s.points), class: 'bpx-t-num' });
  const split = h('input', { type: 'range', min: 0.1, max: 1, step: 0.1, value: String(s.split) });
  const splitOut = h('output', { class: 'bpx-t-val' }, `${Math.round(s.split * 100)}%`);
  const regenerate = button('Regenerate', 'New random points of the same data set (D, twice)', 'regenerate');
  const showTest = h('input', { type: 'checkbox' });
  showTest.checked = s.showTest;
  const upload = h('input', { type: 'file', accept: '.csv,text/csv,text/plain' });
  const tools = h('div', { class: 'bpx-t-tools', role: 'radiogroup', 'aria-label': 'Plot tool' });
  const count = h('output', { class: 'bpx-t-count', 'aria-label': 'Point count' });
  const editedNote = h('p', { class: 'bpx-t-note', hidden: true });
  const restore = button('Use generated data', 'Discard the edited points and go back to the generated set', 'restore');
  restore.hidden = true;
  const element = h(
    'section',
    { class: 'bpx-t-panel bpx-t-data', 'data-panel': 'data', 'data-ctl': 'data', 'aria-label': 'Data' },
    h('h2', {}, 'Data'),
    field('dataset', 'Data set', dataset),
    field('classes', 'Classes', classes),
    field('noise', 'Noise', noise, noiseOut),
    field('points', 'Points', points),
    field('split', 'Training share', split, splitOut),
    h('div', { class: 'bpx-t-row' }, regenerate, h('span', { class: 'bpx-t-err', role: 'alert', 'data-err': 'regenerate' })),
    h('div', { class: 'bpx-t-field bpx-t-check', 'data-ctl': 'test' }, h('label', {}, showTest, ' Show test data')),
    h('div', { class: 'bpx-t-row' }, h('span', { class: 'bpx-t-label' }, 'In the data'), count),
    h('div', { class: 'bpx-t-field', 'data-ctl': 'edit' }, h('span', { class: 'bpx-t-label' }, 'Click on the plot to'), tools, h('span', { class: 'bpx-t-err', role: 'alert', 'data-err': 'edit' })),
    field('upload', 'Upload CSV (x1,x2,label)', upload),
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

export function buildOutputControls(s: TrainSettings): OutputControls {
  const output = select({}, menus.outputActivations(), s.output);
  const loss = select({}, menus.losses(), s.loss);
  const edges = select({}, [['weights', 'weights'], ['gradients', 'gradients |dW|']], s.edges);
  const element = h(
    'div',
    { class: 'bpx-t-netctl' },
    field('output', 'Output activation', output),
    field('loss', 'Loss', loss),
    field('edges', 'Edges show', edges),
    h('span', { class: 'bpx-t-err', role: 'alert', 'data-err': 'features' }),
    h('span', { class: 'bpx-t-err', role: 'alert', 'data-err': 'layers' }),
  );
  return { element, output, loss, edges };
}

export function buildPanelToggles(s: TrainSettings, onChange: (id: string, on: boolean) => void): HTMLElement {
  const box = h('fieldset', { class: 'bpx-t-panels', 'data-ctl': 'panels' }, h('legend', {}, 'Panels'));
  for (const [id, label] of PANELS) {
    const cb = h('input', { type: 'checkbox' });
    cb.checked = s.panels.includes(id);
    cb.addEventListener('change', () => onChange(id, cb.checked));
    box.append(h('label', {}, cb, ` ${label}`));
  }
  return box;
}
