// The training view's DOM, built once: the toolbar and the data panel (controls.ts), the
// network (network.ts), the output panel with its metrics and heatmap (plot.ts), the loss
// curves (chart.ts), the panel toggles and the keyboard help. Nothing here trains or reads
// the engine; the controller (controller.ts) fills these elements.
import { h } from '../dom';
import type { TrainSettings } from '../settings/index';
import { LossChart } from './chart';
import { buildDataPanel, buildOutputControls, buildPanelToggles, buildToolbar, type DataPanel, type OutputControls, type Toolbar } from './controls';
import { NetworkView, type NetCallbacks } from './network';
import { GRIDS } from './painter';
import { Plot } from './plot';

const PLOT_SIZE = 316;

export type MetricName = 'train' | 'test' | 'trainAcc' | 'testAcc';

export interface TrainPanels {
  root: HTMLDivElement;
  bar: Toolbar;
  data: DataPanel;
  outCtl: OutputControls;
  net: NetworkView;
  plot: Plot;
  chart: LossChart;
  metrics: Record<MetricName, HTMLOutputElement>;
  legend: HTMLDivElement;
  status: HTMLParagraphElement;
  alert: HTMLDivElement;
  /** The four panels by id (settings/table.ts PANELS). */
  panels: Map<string, HTMLElement>;
  logScale: HTMLInputElement;
  discretize: HTMLInputElement;
}

export interface PanelCallbacks extends NetCallbacks {
  onPlot(x1: number, x2: number): void;
  setPanel(id: string, on: boolean): void;
}

export function buildPanels(s: TrainSettings, hidden: Set<string>, cb: PanelCallbacks): TrainPanels {
  const bar = buildToolbar(s);
  const data = buildDataPanel(s);
  const outCtl = buildOutputControls(s);
  const net = new NetworkView(GRIDS[0], cb);
  net.mode = s.edges;
  net.hidden = hidden;
  const plot = new Plot(GRIDS[0], PLOT_SIZE, (x1, x2) => cb.onPlot(x1, x2));
  const chart = new LossChart();

  const out = (label: string) => h('output', { class: 'bpx-t-metric', 'aria-label': label }, '–');
  const metrics = { train: out('Train loss'), test: out('Test loss'), trainAcc: out('Train accuracy'), testAcc: out('Test accuracy') };
  const metric = (label: string, o: HTMLOutputElement, cls = '') => h('div', { class: `bpx-t-metricbox ${cls}` }, h('span', { class: 'bpx-t-label' }, label), o);
  const discretize = h('input', { type: 'checkbox' });
  discretize.checked = s.discretize;
  const logScale = h('input', { type: 'checkbox' });
  const status = h('p', { class: 'bpx-t-status', role: 'status', 'aria-live': 'polite' });
  const alert = h('div', { class: 'bpx-t-alert', role: 'alert', hidden: true });
  const legend = h('div', { class: 'bpx-t-legend', 'aria-hidden': 'true' });

  const network = h(
    'section',
    { class: 'bpx-t-panel bpx-t-network', 'data-panel': 'network', 'aria-label': 'Network' },
    h('h2', {}, 'Network'),
    outCtl.element,
    net.element,
  );
  const output = h(
    'section',
    { class: 'bpx-t-panel bpx-t-output', 'data-panel': 'output', 'aria-label': 'Output' },
    h('h2', {}, 'Output'),
    h(
      'div',
      { class: 'bpx-t-metrics' },
      metric('Train loss', metrics.train),
      metric('Test loss', metrics.test, 'bpx-t-testmetric'),
      metric('Train accuracy', metrics.trainAcc),
      metric('Test accuracy', metrics.testAcc, 'bpx-t-testmetric'),
    ),
    plot.element,
    legend,
    h('div', { class: 'bpx-t-field bpx-t-check', 'data-ctl': 'discretize' }, h('label', {}, discretize, ' Discretize output')),
  );
  const curves = h(
    'section',
    { class: 'bpx-t-panel bpx-t-curves', 'data-panel': 'curves', 'aria-label': 'Loss curves' },
    h('h2', {}, 'Loss curves'),
    chart.element,
    h('div', { class: 'bpx-t-field bpx-t-check' }, h('label', {}, logScale, ' Log scale')),
  );
  const panels = new Map<string, HTMLElement>([
    ['data', data.element],
    ['network', network],
    ['output', output],
    ['curves', curves],
  ]);
  const help = h(
    'details',
    { class: 'bpx-t-help', 'data-ctl': 'help' },
    h('summary', {}, 'Keyboard'),
    h('p', {}, 'Space or K: play/pause · S: step · E: epoch · R: reset · N: new weights · G: regenerate data. On the plot: arrows move the cursor, Enter uses the tool.'),
  );
  const root = h(
    'div',
    { class: 'bpx-train', hidden: true },
    bar.element,
    alert,
    status,
    h('div', { class: 'bpx-t-main' }, data.element, network, output, curves),
    h('div', { class: 'bpx-t-foot' }, buildPanelToggles(s, (id, on) => cb.setPanel(id, on)), help),
  );
  // What a teacher listed in hide=...
  for (const el of root.querySelectorAll<HTMLElement>('[data-ctl]')) {
    if (hidden.has(el.getAttribute('data-ctl')!)) el.hidden = true;
  }
  return { root, bar, data, outCtl, net, plot, chart, metrics, legend, status, alert, panels, logScale, discretize };
}

/** Shows the panels the settings list and the teacher did not hide. */
export function applyPanels(p: TrainPanels, s: TrainSettings, hidden: Set<string>): void {
  for (const [id, el] of p.panels) el.hidden = !s.panels.includes(id) || hidden.has(id);
}
