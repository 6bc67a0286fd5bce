// The live training view ("Train" mode): train a network on 2-D data in the engine and
// watch it learn. The engine does every computation (training steps, losses, unit
// outputs over the plane, gradients); this module schedules it per animation frame and
// draws what it returns. See docs/architecture.md.
import type { Engine, Session, SessionState, Spec } from '../engine';
import { buildDataPanel, buildOutputControls, buildPanelToggles, buildToolbar, type DataPanel, type OutputControls, type Toolbar } from './controls';
import { h, setText } from './dom';
import { FrameRecorder } from './perf';
import { CLASS_COLOURS } from './heatmap';
import { GRIDS, Painter } from './painter';
import { NetworkView } from './network';
import { LossChart } from './chart';
import { Plot } from './plot';
import { addPoint, extentOf, nearest, parseCsv, removePoint, toEdited } from './points';
import { catalog, isRegressionSet, menus } from '../catalog';
import { buildSpec, isRegression, outputUnits } from './spec';
import { registerKeys, type KeyBinding } from '../keys';
import { PANELS, readHidden, readSettings, writeSettings, type TrainSettings } from './state';
import { errorKey } from './errors';
import { divergenceMessage, type Divergence } from './divergence';
import { FrameBudget } from './frame-budget';
import './train.css';

/** Views on this page (names of their radio groups stay apart). */
let views = 0;

export interface TrainViewOptions {
  params: URLSearchParams;
  openInspector: (session: Session, layer: number, unit: number, example: number) => void;
  /** Keep the state in the page's URL (default true; an embed may turn it off). */
  writeUrl?: boolean;
  /** After each batch of training work (at most once per frame): the engine's state. */
  onProgress?: (state: SessionState, steps: number) => void;
  /** When training diverges. */
  onDiverged?: (divergence: Divergence) => void;
  /** The view is the page's (not one embed among others): it takes keys typed on the page's body. */
  ownsPage?: boolean;
}

export interface TrainViewHandle {
  show(): void;
  hide(): void;
  /** The engine session being trained (null before the view is first shown, or while invalid). */
  readonly session: Session | null;
  /** Stops training, deletes the session, removes the view's keys, observers and DOM. */
  dispose(): void;
}

/** JS time per frame (ms) for training plus drawing; above it the two alternate frames. */
const BUDGET_MS = 10;
const PLOT_SIZE = 316;

export function mountTrainView(container: HTMLElement, engine: Engine, options: TrainViewOptions): TrainViewHandle {
  const view = new TrainView(container, engine, options);
  return {
    show: () => view.show(),
    hide: () => view.hide(),
    dispose: () => view.dispose(),
    get session() {
      return view.currentSession;
    },
  };
}


function isBpxError(e: unknown): e is Error & { path: string; code: string } {
  return e instanceof Error && typeof (e as { path?: unknown }).path === 'string';
}

function interleave(m: { rows: number; cols: number; data: Float64Array }): Float64Array {
  const n = m.cols;
  const out = new Float64Array(2 * n);
  if (m.rows < 2) return out;
  for (let i = 0; i < n; i++) {
    out[2 * i] = m.data[i];
    out[2 * i + 1] = m.data[n + i];
  }
  return out;
}

class TrainView {
  private root: HTMLElement | null = null;
  private settings: TrainSettings;
  private hidden: Set<string>;
  private session: Session | null = null;
  private removeKeys: (() => void) | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private spec: Spec | null = null;
  private st: SessionState | null = null;
  private invalid = false;
  private playing = false;
  private raf = 0;
  private diverged: Divergence | null = null;
  private selected = -1;
  private tool = 'add:0';
  private extent = 6;
  private shown = false;
  private toolName = `bpx-t-tool-${++views}`;

  private perf = new FrameRecorder();
  private emaTrain = 0;
  private emaVisual = 0;
  private budget = new FrameBudget(); // speed 'auto'
  private visualNext = false;

  private trainXY: ArrayLike<number> = [];
  private trainLabels: ArrayLike<number> = [];
  private testXY: ArrayLike<number> = [];
  private testLabels: ArrayLike<number> = [];

  private bar!: Toolbar;
  private data!: DataPanel;
  private outCtl!: OutputControls;
  private net!: NetworkView;
  private plot!: Plot;
  private chart!: LossChart;
  private painter!: Painter;
  private lossOut: Record<'train' | 'test' | 'trainAcc' | 'testAcc', HTMLOutputElement> = {} as never;
  private status!: HTMLParagraphElement;
  private alert!: HTMLDivElement;
  private panels = new Map<string, HTMLElement>();
  private logScale!: HTMLInputElement;
  private discretize!: HTMLInputElement;

  constructor(
    private container: HTMLElement,
    private engine: Engine,
    private options: TrainViewOptions,
  ) {
    this.settings = readSettings(options.params);
    this.hidden = readHidden(options.params);
  }

  get currentSession(): Session | null {
    return this.session;
  }

  show(): void {
    if (!this.root) this.build();
    this.shown = true;
    this.root!.hidden = false;
    this.removeKeys ??= registerKeys({
      root: this.root!,
      active: () => this.shown,
      ownsPage: () => this.shown && !!this.options.ownsPage,
      bindings: () => this.keyBindings(),
      announce: (text) => this.say(text),
    });
    this.layout();
    if (!this.session && !this.invalid) this.rebuild();
    this.writeUrl();
  }

  hide(): void {
    this.pause();
    this.shown = false;
    if (this.root) this.root.hidden = true;
  }

  dispose(): void {
    this.hide();
    this.removeKeys?.();
    this.removeKeys = null;
    this.resizeObserver?.disconnect();
    this.session?.delete();
    this.session = null;
    this.root?.remove();
    this.root = null;
  }

  // ---------------------------------------------------------------- building the page

  private build(): void {
    const s = this.settings;
    this.bar = buildToolbar(s);
    this.data = buildDataPanel(s);
    this.outCtl = buildOutputControls(s);
    this.net = new NetworkView(GRIDS[0], {
      toggleFeature: (id) => this.toggleFeature(id),
      addLayer: () => this.changeNet(() => {
        if (s.hidden.length >= catalog().limits.maxLayers - 1) return;
        s.hidden.push(s.hidden[s.hidden.length - 1] ?? 4);
        s.activations.push(s.activations[s.activations.length - 1] ?? 'tanh');
      }),
      removeLayer: () => this.changeNet(() => {
        s.hidden.pop();
        s.activations.pop();
      }),
      addUnit: (k) => this.changeNet(() => {
        s.hidden[k] = Math.min(catalog().limits.maxUnits, s.hidden[k] + 1);
      }),
      removeUnit: (k) => this.changeNet(() => {
        s.hidden[k] = Math.max(1, s.hidden[k] - 1);
      }),
      setActivation: (k, a) => this.changeNet(() => {
        s.activations[k] = a;
      }),
      inspect: (layer, unit) => this.inspect(layer, unit),
    });
    this.net.mode = s.edges;
    this.net.hidden = this.hidden;
    this.plot = new Plot(GRIDS[0], PLOT_SIZE, (x1, x2) => this.onPlot(x1, x2));
    this.chart = new LossChart();
    this.painter = new Painter(this.engine, this.plot, this.net, this.perf);

    const out = (label: string) => h('output', { class: 'bpx-t-metric', 'aria-label': label }, '–');
    this.lossOut = { train: out('Train loss'), test: out('Test loss'), trainAcc: out('Train accuracy'), testAcc: out('Test accuracy') };
    const metric = (label: string, o: HTMLOutputElement, cls = '') => h('div', { class: `bpx-t-metricbox ${cls}` }, h('span', { class: 'bpx-t-label' }, label), o);
    this.discretize = h('input', { type: 'checkbox' });
    this.discretize.checked = s.discretize;
    this.logScale = h('input', { type: 'checkbox' });
    this.status = h('p', { class: 'bpx-t-status', role: 'status', 'aria-live': 'polite' });
    this.alert = h('div', { class: 'bpx-t-alert', role: 'alert', hidden: true });

    const network = h(
      'section',
      { class: 'bpx-t-panel bpx-t-network', 'data-panel': 'network', 'aria-label': 'Network' },
      h('h2', {}, 'Network'),
      this.outCtl.element,
      this.net.element,
    );
    const output = h(
      'section',
      { class: 'bpx-t-panel bpx-t-output', 'data-panel': 'output', 'aria-label': 'Output' },
      h('h2', {}, 'Output'),
      h(
        'div',
        { class: 'bpx-t-metrics' },
        metric('Train loss', this.lossOut.train),
        metric('Test loss', this.lossOut.test, 'bpx-t-testmetric'),
        metric('Train accuracy', this.lossOut.trainAcc),
        metric('Test accuracy', this.lossOut.testAcc, 'bpx-t-testmetric'),
      ),
      this.plot.element,
      h('div', { class: 'bpx-t-legend', 'aria-hidden': 'true' }),
      h('div', { class: 'bpx-t-field bpx-t-check', 'data-ctl': 'discretize' }, h('label', {}, this.discretize, ' Discretize output')),
    );
    const curves = h(
      'section',
      { class: 'bpx-t-panel bpx-t-curves', 'data-panel': 'curves', 'aria-label': 'Loss curves' },
      h('h2', {}, 'Loss curves'),
      this.chart.element,
      h('div', { class: 'bpx-t-field bpx-t-check' }, h('label', {}, this.logScale, ' Log scale')),
    );
    for (const [id, el] of [['data', this.data.element], ['network', network], ['output', output], ['curves', curves]] as const) {
      this.panels.set(id, el);
    }
    const help = h(
      'details',
      { class: 'bpx-t-help', 'data-ctl': 'help' },
      h('summary', {}, 'Keyboard'),
      h('p', {}, 'Space or K: play/pause · S: step · E: epoch · R: reset · N: new weights · G: regenerate data. On the plot: arrows move the cursor, Enter uses the tool.'),
    );
    this.root = h(
      'div',
      { class: 'bpx-train', hidden: true },
      this.bar.element,
      this.alert,
      this.status,
      h('div', { class: 'bpx-t-main' }, this.data.element, network, output, curves),
      h('div', { class: 'bpx-t-foot' }, buildPanelToggles(s, (id, on) => this.setPanel(id, on)), help),
    );
    this.container.append(this.root);
    this.applyPanels();
    this.wire();
    this.applyHidden();
    this.resizeObserver = new ResizeObserver(() => this.layout());
    this.resizeObserver.observe(this.root);
  }

  private wire(): void {
    const s = this.settings;
    const b = this.bar;
    const d = this.data;
    b.play.addEventListener('click', () => (this.playing ? this.pause() : this.play()));
    b.step.addEventListener('click', () => this.stepOnce());
    b.epochBtn.addEventListener('click', () => this.epochOnce());
    b.reset.addEventListener('click', () => this.reset());
    b.newWeights.addEventListener('click', () => this.newWeights());
    b.speed.addEventListener('change', () => {
      s.speed = b.speed.value;
      this.writeUrl();
    });
    b.lr.addEventListener('change', () => this.live('lr', Number(b.lr.value), (v) => this.session?.setLearningRate(v)));
    b.batch.addEventListener('change', () => this.live('batch', Number(b.batch.value), (v) => this.session?.setBatchSize(v)));
    b.l2.addEventListener('change', () => this.live('l2', Number(b.l2.value), (v) => this.session?.setWeightDecay(v)));
    b.optimizer.addEventListener('change', () => this.changeNet(() => (s.optimizer = b.optimizer.value)));
    b.init.addEventListener('change', () => this.changeNet(() => (s.init = b.init.value)));
    const stop = () => {
      const l = b.stopLoss.value.trim();
      const e = b.stopEpoch.value.trim();
      s.stopLoss = l === '' ? null : Number(l);
      s.stopEpoch = e === '' ? null : Number(e);
      const bad = (s.stopLoss !== null && !(s.stopLoss >= 0)) || (s.stopEpoch !== null && !(s.stopEpoch >= 1));
      this.setError('stop', bad ? 'expected a loss ≥ 0 and an epoch ≥ 1' : '');
      this.writeUrl();
    };
    b.stopLoss.addEventListener('change', stop);
    b.stopEpoch.addEventListener('change', stop);

    d.dataset.addEventListener('change', () => this.changeData(() => {
      s.dataset = d.dataset.value;
      if (isRegressionSet(s.dataset)) {
        s.classes = 2;
        if (s.output === 'softmax') s.output = 'tanh';
        s.loss = 'mse';
      } else if (s.classes > 2 && s.dataset !== 'gaussian' && s.dataset !== 'spiral') {
        s.classes = 2;
      }
    }));
    d.classes.addEventListener('change', () => this.changeData(() => {
      s.classes = Number(d.classes.value);
      if (s.classes > 2) {
        s.output = 'softmax';
        s.loss = 'cross_entropy';
      }
    }, !!s.edited));
    d.noise.addEventListener('input', () => setText(d.noiseOut, d.noise.value));
    d.noise.addEventListener('change', () => this.changeData(() => (s.noise = Number(d.noise.value))));
    d.points.addEventListener('change', () => this.changeData(() => (s.points = Number(d.points.value))));
    d.split.addEventListener('input', () => setText(d.splitOut, `${Math.round(Number(d.split.value) * 100)}%`));
    d.split.addEventListener('change', () => this.changeData(() => (s.split = Number(d.split.value))));
    d.regenerate.addEventListener('click', () => this.regenerate());
    d.restore.addEventListener('click', () => this.changeData(() => {}));
    d.showTest.addEventListener('change', () => {
      s.showTest = d.showTest.checked;
      this.plot.setShowTest(s.showTest);
      this.writeUrl();
    });
    d.upload.addEventListener('change', () => this.upload());
    d.tools.addEventListener('change', (e) => {
      this.tool = (e.target as HTMLInputElement).value;
    });
    this.outCtl.output.addEventListener('change', () => this.changeNet(() => {
      s.output = this.outCtl.output.value;
      if (s.output === 'softmax') s.loss = 'cross_entropy';
      else if (s.loss === 'cross_entropy') s.loss = s.output === 'sigmoid' ? 'bce' : 'mse';
      else if (s.loss === 'bce' && s.output !== 'sigmoid') s.loss = 'mse';
    }));
    this.outCtl.loss.addEventListener('change', () => this.changeNet(() => (s.loss = this.outCtl.loss.value)));
    this.outCtl.edges.addEventListener('change', () => {
      s.edges = this.outCtl.edges.value === 'gradients' ? 'gradients' : 'weights';
      this.net.mode = s.edges;
      if (this.session) this.painter.drawEdges(this.session);
      this.writeUrl();
    });
    this.discretize.addEventListener('change', () => {
      s.discretize = this.discretize.checked;
      this.drawVisuals();
      this.writeUrl();
    });
    this.logScale.addEventListener('change', () => {
      this.chart.setLog(this.logScale.checked);
      this.chart.clear(this.hasTest());
      this.sample();
      this.chart.flush(true);
    });
  }

  /** Hides what the teacher listed in hide=... */
  private applyHidden(): void {
    if (!this.root) return;
    for (const el of this.root.querySelectorAll<HTMLElement>('[data-ctl]')) {
      if (this.hidden.has(el.getAttribute('data-ctl')!)) el.hidden = true;
    }
    for (const [id, el] of this.panels) if (this.hidden.has(id)) el.hidden = true;
  }

  private applyPanels(): void {
    for (const [id, el] of this.panels) el.hidden = !this.settings.panels.includes(id) || this.hidden.has(id);
  }

  private setPanel(id: string, on: boolean): void {
    const set = new Set(this.settings.panels);
    if (on) set.add(id);
    else set.delete(id);
    this.settings.panels = PANELS.map(([p]) => p).filter((p) => set.has(p));
    this.applyPanels();
    this.layout();
    this.writeUrl();
  }

  private layout(): void {
    if (!this.root || this.root.hidden) return;
    this.net.layout();
    const curves = this.panels.get('curves')!;
    this.chart.resize(curves.clientWidth - 24);
  }

  // ---------------------------------------------------------------- session lifecycle

  /** A new session from the settings. On a validation error the old one stays, marked invalid. */
  private rebuild(): boolean {
    const s = this.settings;
    const spec = buildSpec(s);
    let session: Session;
    try {
      session = this.engine.session(spec);
    } catch (e) {
      this.clearErrors();
      if (isBpxError(e)) this.setError(errorKey(e.path, s.hidden.length), e.message);
      else this.setError('general', String(e));
      this.invalid = true;
      this.pause();
      this.syncControls();
      this.say('Fix the setting marked in red to train again.');
      return false;
    }
    this.clearErrors();
    this.invalid = false;
    this.session?.delete();
    this.session = session;
    this.spec = spec;
    this.diverged = null;
    this.alert.hidden = true;
    this.st = session.state();
    this.extent = s.edited ? extentOf(s.edited.xy) : 6;
    this.readData();
    if (this.selected >= this.trainLabels.length) this.selected = -1;
    this.plot.setExtent(this.extent);
    this.plot.setShowTest(s.showTest);
    this.plot.setSelected(this.selected);
    this.net.setShape({ features: s.features, hidden: s.hidden, activations: s.activations, output: s.output, outUnits: outputUnits(s) });
    this.painter.paintFeatures(this.extent);
    this.chart.clear(this.hasTest());
    this.syncControls();
    this.sample();
    this.drawVisuals();
    this.writeUrl();
    return true;
  }

  private hasTest(): boolean {
    return !this.settings.edited && (this.st?.testExamples ?? 0) > 0;
  }

  private readData(): void {
    const s = this.settings;
    if (s.edited) {
      this.trainXY = Float64Array.from(s.edited.xy);
      this.trainLabels = Float64Array.from(s.edited.labels);
      this.testXY = [];
      this.testLabels = [];
    } else {
      const d = this.session!.data();
      this.trainXY = interleave(d.points);
      this.trainLabels = d.labels;
      this.testXY = interleave(d.pointsTest);
      this.testLabels = d.labelsTest;
    }
    this.plot.setPoints({
      trainXY: this.trainXY,
      trainLabels: this.trainLabels,
      testXY: this.testXY,
      testLabels: this.testLabels,
      regression: isRegression(s),
    });
    const nTrain = this.trainLabels.length;
    const nTest = this.testLabels.length;
    setText(this.data.count, s.edited ? `${nTrain} points (all for training)` : `${nTrain + nTest} points (${nTrain} train, ${nTest} test)`);
    this.data.editedNote.hidden = !s.edited;
    this.data.restore.hidden = !s.edited;
    setText(this.data.editedNote, s.edited ? 'Your own points: all of them train the network (explicit data has no test split). Regenerate or choose a data set to go back.' : '');
  }

  /** Puts the settings into the controls (after programmatic changes). */
  private syncControls(): void {
    const s = this.settings;
    const b = this.bar;
    const d = this.data;
    d.dataset.value = s.dataset;
    d.classes.value = String(s.classes);
    d.classes.disabled = !(s.dataset === 'gaussian' || s.dataset === 'spiral' || (s.edited && !s.edited.regression));
    d.noise.value = String(s.noise);
    setText(d.noiseOut, String(s.noise));
    d.points.value = String(s.points);
    d.split.value = String(s.split);
    setText(d.splitOut, `${Math.round(s.split * 100)}%`);
    for (const el of [d.noise, d.points, d.split]) el.disabled = !!s.edited;
    this.outCtl.output.value = s.output;
    this.outCtl.loss.value = s.loss;
    b.optimizer.value = s.optimizer;
    b.init.value = s.init;
    if (![...b.lr.options].some((o) => o.value === String(s.lr))) b.lr.append(h('option', { value: String(s.lr) }, String(s.lr)));
    b.lr.value = String(s.lr);
    b.batch.value = String(s.batch);
    b.batch.max = String(Math.max(1, this.st?.trainExamples ?? catalog().limits.maxPoints));
    b.l2.value = String(s.l2);
    b.speed.value = s.speed;
    for (const el of [b.play, b.step, b.epochBtn, b.reset, b.newWeights]) el.disabled = this.invalid && !this.session;
    b.play.disabled = b.step.disabled = b.epochBtn.disabled = this.invalid;
    this.updateTools();
    this.updateLegend();
  }

  private updateTools(): void {
    const s = this.settings;
    const regression = isRegression(s);
    const opts: [string, string, string | null][] = regression
      ? [['add:1', 'add +1', CLASS_COLOURS[1]], ['add:-1', 'add −1', CLASS_COLOURS[0]]]
      : Array.from({ length: s.classes }, (_, c) => [`add:${c}`, `add class ${c}`, CLASS_COLOURS[c % CLASS_COLOURS.length]] as [string, string, string]);
    opts.push(['remove', 'remove a point', null], ['select', 'pick the inspector’s example', null]);
    if (!opts.some(([v]) => v === this.tool)) this.tool = opts[0][0];
    const key = opts.map((o) => o[0]).join('|');
    if (this.data.tools.dataset.key === key) return;
    this.data.tools.dataset.key = key;
    this.data.tools.replaceChildren(
      ...opts.map(([value, label, colour]) => {
        const r = h('input', { type: 'radio', name: this.toolName, value });
        r.checked = value === this.tool;
        const sw = h('span', { class: 'bpx-t-swatch' });
        if (colour) sw.style.background = colour;
        else sw.classList.add('bpx-t-swatch-none');
        return h('label', { class: 'bpx-t-tool' }, r, sw, ` ${label}`);
      }),
    );
  }

  private updateLegend(): void {
    const legend = this.root?.querySelector('.bpx-t-legend');
    if (!legend) return;
    const s = this.settings;
    const items: HTMLElement[] = [];
    const item = (colour: string, text: string) => {
      const sw = h('span', { class: 'bpx-t-swatch' });
      sw.style.background = colour;
      return h('span', {}, sw, ` ${text}`);
    };
    if (isRegression(s)) items.push(item(CLASS_COLOURS[0], '−1'), item('#ffffff', '0'), item(CLASS_COLOURS[1], '+1'));
    else for (let c = 0; c < s.classes; c++) items.push(item(CLASS_COLOURS[c % CLASS_COLOURS.length], `class ${c}`));
    legend.replaceChildren(...items);
  }

  // ---------------------------------------------------------------- changes

  private changeNet(apply: () => void): void {
    apply();
    this.rebuild();
  }

  /** A data change: back to generated data unless `keepEdited`. */
  private changeData(apply: () => void, keepEdited = false): void {
    if (!keepEdited) this.settings.edited = null;
    apply();
    this.selected = -1;
    this.rebuild();
  }

  private toggleFeature(id: string): void {
    const set = new Set(this.settings.features);
    if (set.has(id)) set.delete(id);
    else set.add(id);
    this.changeNet(() => (this.settings.features = menus.features().map(([f]) => f).filter((f) => set.has(f))));
  }

  /** A hyper-parameter the session takes while training. */
  private live(key: 'lr' | 'batch' | 'l2', value: number, apply: (v: number) => void): void {
    try {
      apply(value);
      this.settings[key] = value;
      this.setError(key, '');
      if (this.invalid) this.rebuild();
      this.writeUrl();
    } catch (e) {
      if (isBpxError(e)) this.setError(key, e.message);
      else throw e;
    }
  }

  private regenerate(): void {
    this.changeData(() => (this.settings.dataSeed = randomSeed()));
  }

  private newWeights(): void {
    this.changeNet(() => (this.settings.initSeed = randomSeed()));
    this.say('New initial weights.');
  }

  private reset(): void {
    if (!this.session || this.invalid) {
      this.rebuild();
      return;
    }
    this.session.reset();
    this.diverged = null;
    this.alert.hidden = true;
    this.st = this.session.state();
    this.chart.clear(this.hasTest());
    this.sample();
    this.drawVisuals();
    this.say('Reset to the initial weights.');
  }

  private async upload(): Promise<void> {
    const file = this.data.upload.files?.[0];
    if (!file) return;
    try {
      const { data, classes, skipped } = parseCsv(await file.text());
      const s = this.settings;
      s.edited = data;
      if (data.regression) {
        s.classes = 2;
        if (s.output === 'softmax') s.output = 'tanh';
        s.loss = 'mse';
      } else {
        s.classes = classes;
        if (classes > 2) {
          s.output = 'softmax';
          s.loss = 'cross_entropy';
        }
      }
      this.selected = -1;
      if (this.rebuild()) this.say(`Loaded ${data.labels.length} points${skipped ? ` (${skipped} lines skipped)` : ''}.`);
    } catch (e) {
      this.setError('upload', `Could not read the file: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.data.upload.value = '';
  }

  private onPlot(x1: number, x2: number): void {
    const s = this.settings;
    const radius = (this.extent * 2) / 40;
    if (this.tool === 'select') {
      const k = nearest(this.trainXY, x1, x2, radius);
      this.selected = k;
      this.plot.setSelected(k);
      this.say(k >= 0 ? `Training example ${k} selected for the neuron inspector.` : 'No training point there.');
      return;
    }
    const regression = isRegression(s);
    let edited = s.edited ?? toEdited({ xy: this.trainXY, labels: this.trainLabels }, { xy: this.testXY, labels: this.testLabels }, regression);
    if (this.tool === 'remove') {
      const k = nearest(edited.xy, x1, x2, radius);
      if (k < 0) {
        this.say('No point there to remove.');
        return;
      }
      edited = removePoint(edited, k);
    } else {
      const label = Number(this.tool.slice(4));
      edited = addPoint(edited, x1, x2, label);
    }
    s.edited = edited;
    if (this.rebuild()) this.say(`${edited.labels.length} points.`);
  }

  private inspect(layer: number, unit: number): void {
    if (!this.session) return;
    this.pause();
    const n = this.st?.trainExamples ?? 1;
    const example = this.selected >= 0 && this.selected < n ? this.selected : 0;
    this.options.openInspector(this.session, layer, unit, example);
  }

  // ---------------------------------------------------------------- running

  private play(): void {
    if (!this.session || this.invalid) return;
    if (this.diverged) this.reset();
    if (this.playing) return;
    this.playing = true;
    setText(this.bar.play, 'Pause');
    this.bar.play.classList.add('bpx-t-playing');
    this.say('Training.');
    this.raf = requestAnimationFrame(this.frame);
  }

  private pause(message?: string): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.perf.pause();
    if (!this.playing) return;
    this.playing = false;
    if (this.bar) {
      setText(this.bar.play, 'Play');
      this.bar.play.classList.remove('bpx-t-playing');
    }
    this.say(message ?? `Paused at epoch ${this.st?.epoch ?? 0}.`);
    if (this.painter?.finest(this.extent)) this.drawVisuals();
  }

  private frame = (now: number): void => {
    this.raf = 0;
    if (!this.playing || !this.session) return;
    this.perf.begin(now);
    const split = this.emaTrain + this.emaVisual > BUDGET_MS;
    let kind: 't' | 'v' | 'b' = 'b';
    if (!split || !this.visualNext) {
      const t0 = performance.now();
      this.trainChunk();
      this.emaTrain += 0.2 * (performance.now() - t0 - this.emaTrain);
      kind = 't';
    }
    if (this.playing && (!split || this.visualNext)) {
      const t0 = performance.now();
      this.drawVisuals();
      this.emaVisual += 0.2 * (performance.now() - t0 - this.emaVisual);
      kind = kind === 't' ? 'b' : 'v';
      this.emaVisual *= this.painter.adapt(this.emaVisual, this.extent);
    }
    this.visualNext = split ? kind === 't' : false;
    this.perf.end(kind);
    if (this.playing) this.raf = requestAnimationFrame(this.frame);
    else this.drawVisuals();
  };

  private stepsPerChunk(): number {
    const st = this.st!;
    const perEpoch = Math.max(1, Math.ceil(st.trainExamples / Math.max(1, st.batchSize)));
    if (this.settings.speed === 'auto') return this.budget.steps(perEpoch, this.emaTrain, this.emaVisual, this.settings.stopEpoch === null ? null : this.settings.stopEpoch - st.epoch);
    if (this.settings.speed === 'epoch') return perEpoch;
    if (this.settings.speed === '5epochs') return 5 * perEpoch;
    const n = Number(this.settings.speed);
    return Number.isInteger(n) && n > 0 ? n : 1;
  }

  /** Trains one frame's worth of steps and samples the losses. */
  private trainChunk(): void {
    const t0 = performance.now();
    const r = this.session!.train(this.stepsPerChunk());
    this.perf.part('train', t0);
    this.afterTraining(r.divergence as Divergence | null, r.steps);
  }

  private afterTraining(divergence: Divergence | null, steps = 1): void {
    this.st = this.session!.state();
    this.options.onProgress?.(this.st, steps);
    const losses = this.sample();
    if (divergence) {
      this.onDiverged(divergence);
      return;
    }
    const s = this.settings;
    if (s.stopEpoch !== null && this.st.epoch >= s.stopEpoch) {
      this.pause(`Stopped: reached epoch ${this.st.epoch}.`);
    } else if (s.stopLoss !== null && losses.train !== null && losses.train <= s.stopLoss) {
      this.pause(`Stopped: the training loss ${losses.train.toPrecision(4)} reached the target ${s.stopLoss} at epoch ${this.st.epoch}.`);
    }
  }

  private stepOnce(): void {
    if (!this.session || this.invalid) return;
    if (this.diverged) this.reset();
    this.pause();
    const r = this.session.train(1);
    this.afterTraining(r.divergence as Divergence | null);
    this.drawVisuals();
  }

  private epochOnce(): void {
    if (!this.session || this.invalid) return;
    if (this.diverged) this.reset();
    this.pause();
    const start = this.session.state();
    const limit = Math.ceil(start.trainExamples / Math.max(1, start.batchSize)) + 1;
    let divergence: Divergence | null = null;
    // Batches never cross epochs (core/session.cpp): train until the counter moves.
    for (let k = 0; k < limit && !divergence; k++) {
      divergence = this.session.train(1).divergence as Divergence | null;
      if (this.session.state().epoch > start.epoch) break;
    }
    this.afterTraining(divergence, this.session.state().step - start.step);
    this.drawVisuals();
  }

  private onDiverged(d: Divergence): void {
    this.diverged = d;
    this.options.onDiverged?.(d);
    this.pause(`Training diverged at step ${d.step}.`);
    this.alert.replaceChildren(
      ...divergenceMessage(d, this.settings.lr, {
        lowerAndReset: (lr) => {
          const b = this.bar.lr;
          if (![...b.options].some((o) => o.value === String(lr))) b.append(h('option', { value: String(lr) }, String(lr)));
          b.value = String(lr);
          this.live('lr', lr, (v) => this.session?.setLearningRate(v));
          this.reset();
        },
        reset: () => this.reset(),
      }),
    );
    this.alert.hidden = false;
  }

  /** Evaluates train and test loss now, shows them and adds them to the curves. */
  private sample(): { train: number | null; test: number | null } {
    const session = this.session!;
    const st = this.st!;
    const t0 = performance.now();
    const tr = session.evaluate('train');
    const te = this.hasTest() ? session.evaluate('test') : null;
    this.perf.part('evaluate', t0);
    const num = (v: unknown) => (typeof v === 'number' ? v : null);
    const train = num(tr.loss);
    const test = te ? num(te.loss) : null;
    // A diverged network has no finite loss: say so instead of a dash.
    const bad = st.divergence ? 'NaN' : '–';
    setText(this.lossOut.train, train === null ? bad : fmtLoss(train));
    setText(this.lossOut.test, te ? (test === null ? bad : fmtLoss(test)) : '–');
    setText(this.lossOut.trainAcc, fmtAcc(num(tr.accuracy)));
    setText(this.lossOut.testAcc, te ? fmtAcc(num(te.accuracy)) : '–');
    setText(this.bar.epoch, String(st.epoch));
    setText(this.bar.steps, String(st.step));
    this.chart.push(st.step, train, test);
    return { train, test };
  }

  // ---------------------------------------------------------------- drawing

  /** Unit maps, output heatmap, edges and curves from the engine's current state. */
  private drawVisuals(): void {
    const session = this.session;
    if (!session || !this.spec) return;
    if (!this.diverged) this.painter.draw(session, this.settings, this.extent);
    const t = performance.now();
    this.chart.flush();
    this.perf.part('chart', t);
  }

  // ---------------------------------------------------------------- messages, URL, keys

  private clearErrors(): void {
    for (const el of this.root?.querySelectorAll<HTMLElement>('[data-err]') ?? []) {
      el.textContent = '';
      el.closest('.bpx-t-field')?.classList.remove('bpx-t-invalid');
    }
  }

  private setError(key: string, message: string): void {
    let el = this.root?.querySelector<HTMLElement>(`[data-err="${key}"]`);
    if (!el) el = this.root?.querySelector<HTMLElement>('[data-err="general"]') ?? null;
    if (!el) {
      el = h('span', { class: 'bpx-t-err', role: 'alert', 'data-err': 'general' });
      this.status.after(el);
    }
    el.textContent = message;
    el.closest('.bpx-t-field')?.classList.toggle('bpx-t-invalid', message !== '');
  }

  private say(message: string): void {
    if (this.status) setText(this.status, message);
  }

  private writeUrl(): void {
    if (!this.shown || this.options.writeUrl === false) return;
    const params = new URLSearchParams(location.search);
    writeSettings(params, this.settings);
    params.set('mode', 'train');
    const url = `${location.pathname}?${params.toString()}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
  }

  /** The view's keys (web/src/keys.ts); keys that throw the run away ask first. */
  private keyBindings(): KeyBinding[] {
    const all: (KeyBinding & { control: string })[] = [
      { control: 'play', keys: ['k', 'K', ' '], label: 'K or Space', description: 'Play / Pause', run: () => (this.playing ? this.pause() : this.play()), onButtons: false },
      { control: 'step', keys: ['s', 'S'], label: 'S', description: 'Train one step', run: () => this.stepOnce() },
      { control: 'epoch', keys: ['e', 'E'], label: 'E', description: 'Train one epoch', run: () => this.epochOnce() },
      { control: 'reset', keys: ['r', 'R'], label: 'R', description: 'Reset to the initial weights', run: () => this.reset(), confirm: 'reset the run to its initial weights' },
      { control: 'newweights', keys: ['w', 'W'], label: 'W', description: 'New initial weights', run: () => this.newWeights(), confirm: 'start again from new weights' },
      { control: 'regenerate', keys: ['d', 'D'], label: 'D', description: 'New data', run: () => this.regenerate(), confirm: 'draw new data and start again' },
    ];
    return all.filter((b) => !this.hidden.has(b.control));
  }
}


function randomSeed(): number {
  return 1 + Math.floor(Math.random() * 999_999);
}

function fmtLoss(v: number | null): string {
  if (v === null || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return '∞';
  return v < 1e-4 ? v.toExponential(2) : v.toFixed(4);
}

function fmtAcc(v: number | null): string {
  return v === null || Number.isNaN(v) ? '–' : `${(v * 100).toFixed(1)}%`;
}
