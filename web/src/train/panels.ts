// The training view's DOM, built once: the toolbar and the data panel (controls.ts), the
// network (network.ts), the output panel with its metrics and heatmap (plot.ts), the loss
// curves (chart.ts), the panel toggles and the keyboard help. Nothing here trains or reads
// the engine; the controller (controller.ts) fills these elements.
import { h } from '../dom';
import type { Locale } from '../i18n/index';
import type { KeyBinding } from '../keys';
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
  /** Numbers shown with a decimal comma (the view's Locale). */
  decimalComma: boolean;
}

export interface PanelCallbacks extends NetCallbacks {
  onPlot(x1: number, x2: number): void;
  setPanel(id: string, on: boolean): void;
}

/** `keys`: the view's keys (shortcuts.ts), listed in its keyboard help. */
export function buildPanels(s: TrainSettings, hidden: Set<string>, cb: PanelCallbacks, loc: Locale, keys: KeyBinding[]): TrainPanels {
  const t = loc.t;
  const bar = buildToolbar(s, loc);
  const data = buildDataPanel(s, loc);
  const outCtl = buildOutputControls(s, loc);
  const net = new NetworkView(GRIDS[0], cb, loc);
  net.mode = s.edges;
  net.hidden = hidden;
  const plot = new Plot(GRIDS[0], PLOT_SIZE, (x1, x2) => cb.onPlot(x1, x2), t);
  const chart = new LossChart(t, loc.decimalComma);

  const out = (label: string) => h('output', { class: 'bpx-t-metric', 'aria-label': label }, '–');
  const metrics = { train: out(t('train.trainLoss')), test: out(t('train.testLoss')), trainAcc: out(t('train.trainAcc')), testAcc: out(t('train.testAcc')) };
  const metric = (label: string, o: HTMLOutputElement, cls = '') => h('div', { class: `bpx-t-metricbox ${cls}` }, h('span', { class: 'bpx-t-label' }, label), o);
  const discretize = h('input', { type: 'checkbox' });
  discretize.checked = s.discretize;
  const logScale = h('input', { type: 'checkbox' });
  const status = h('p', { class: 'bpx-t-status', role: 'status', 'aria-live': 'polite' });
  const alert = h('div', { class: 'bpx-t-alert', role: 'alert', hidden: true });
  const legend = h('div', { class: 'bpx-t-legend', 'aria-hidden': 'true' });

  const network = h(
    'section',
    { class: 'bpx-t-panel bpx-t-network', 'data-panel': 'network', 'aria-label': t('train.network') },
    h('h2', {}, t('train.network')),
    outCtl.element,
    net.element,
  );
  const output = h(
    'section',
    { class: 'bpx-t-panel bpx-t-output', 'data-panel': 'output', 'aria-label': t('train.outputPanel') },
    h('h2', {}, t('train.outputPanel')),
    h(
      'div',
      { class: 'bpx-t-metrics' },
      metric(t('train.trainLoss'), metrics.train),
      metric(t('train.testLoss'), metrics.test, 'bpx-t-testmetric'),
      metric(t('train.trainAcc'), metrics.trainAcc),
      metric(t('train.testAcc'), metrics.testAcc, 'bpx-t-testmetric'),
    ),
    plot.element,
    legend,
    h('div', { class: 'bpx-t-field bpx-t-check', 'data-ctl': 'discretize' }, h('label', {}, discretize, ` ${t('train.discretize')}`)),
  );
  const curves = h(
    'section',
    { class: 'bpx-t-panel bpx-t-curves', 'data-panel': 'curves', 'aria-label': t('train.curves') },
    h('h2', {}, t('train.curves')),
    chart.element,
    h('div', { class: 'bpx-t-field bpx-t-check' }, h('label', {}, logScale, ` ${t('train.logScale')}`)),
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
    h('summary', {}, t('train.keyboard')),
    // The keys as shortcuts.ts binds them, so the help cannot name other keys than the view takes.
    h('p', {}, `${keys.map((k) => `${k.label}: ${k.confirm ? t('help.twice', { what: k.description }) : k.description}`).join(' · ')}. ${t('train.plotHelp')}`),
  );
  const root = h(
    'div',
    { class: 'bpx-train', hidden: true },
    bar.element,
    alert,
    status,
    h('div', { class: 'bpx-t-main' }, data.element, network, output, curves),
    h('div', { class: 'bpx-t-foot' }, buildPanelToggles(s, t, (id, on) => cb.setPanel(id, on)), help),
  );
  // What a teacher listed in hide=...
  for (const el of root.querySelectorAll<HTMLElement>('[data-ctl]')) {
    if (hidden.has(el.getAttribute('data-ctl')!)) el.hidden = true;
  }
  return { root, bar, data, outCtl, net, plot, chart, metrics, legend, status, alert, panels, logScale, discretize, decimalComma: loc.decimalComma };
}

/** Shows the panels the settings list and the teacher did not hide. */
export function applyPanels(p: TrainPanels, s: TrainSettings, hidden: Set<string>): void {
  for (const [id, el] of p.panels) el.hidden = !s.panels.includes(id) || hidden.has(id);
}
