// The training view's controller: it owns the settings, the engine session (a new one for each
// structural change or data set, the old one kept, marked invalid, on an error; added points and
// edited weights keep it: live-edit.ts), the frame loop (loop.ts), the painter, errors beside
// their controls and the view's keys. DOM: panels.ts, events: wiring.ts, points: edits.ts.
import type { Engine, Session, SessionState, Spec } from '../engine';
import { catalog, menus } from '../catalog';
import { setText } from '../dom';
import { ENGLISH, type Locale } from '../i18n/index';
import { clearErrors, engineMessage, isBpxError, setError, settingMessage, type Message } from './messages';
import { registerKeys } from '../keys';
import { buildSpec, errorSlot, fitActivations, outputUnits, PANELS, type SettingError, type TrainSettings } from '../settings/index';
import { divergenceMessage, type Divergence } from './divergence';
import { PointEditor } from './edits';
import { LiveEdit } from './live-edit';
import { viewKeys } from './shortcuts';
import { TrainLoop, type LoopHost } from './loop';
import { applyPanels, buildPanels, type TrainPanels } from './panels';
import { Painter } from './painter';
import { FrameRecorder } from './perf';
import { sampleLosses, selectValue, showCounts, syncControls, updateTools } from './sync';
import type { TrainViewOptions } from './index';
import { wireControls } from './wiring';

/** Views on this page (names of their radio groups stay apart). */
let views = 0;

function randomSeed(): number {
  return 1 + Math.floor(Math.random() * 999_999);
}

export class TrainController implements LoopHost {
  readonly settings: TrainSettings;
  session: Session | null = null;
  state: SessionState | null = null;
  p: TrainPanels | null = null;
  readonly perf = new FrameRecorder();
  readonly loop = new TrainLoop(this, this.perf);
  readonly edits = new PointEditor(this);
  readonly liveEdit = new LiveEdit(this);
  private hidden: Set<string>;
  private pendingErrors: SettingError[];
  private removeKeys: (() => void) | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private spec: Spec | null = null;
  invalid = false;
  private divergence: Divergence | null = null;
  private shown = false;
  private painter: Painter | null = null;
  readonly toolName = `bpx-t-tool-${++views}`;
  tool = 'add:0';
  readonly loc: Locale;

  constructor(
    private container: HTMLElement,
    private engine: Engine,
    private options: TrainViewOptions,
  ) {
    this.settings = structuredClone(options.settings);
    this.hidden = options.hidden ?? new Set();
    this.pendingErrors = options.errors ?? [];
    this.loc = options.locale ?? ENGLISH;
  }

  show(): void {
    if (!this.p) this.build();
    const p = this.p!;
    this.shown = true;
    p.root.hidden = false;
    this.removeKeys ??= registerKeys({
      root: p.root,
      active: () => this.shown,
      ownsPage: () => this.shown && !!this.options.ownsPage,
      bindings: () => viewKeys(this, this.hidden, this.loc.t),
      announce: (text) => this.say(text),
      t: this.loc.t,
    });
    this.layout();
    if (!this.session && !this.invalid) this.rebuild();
    this.changed();
  }

  hide(): void {
    this.loop.pause();
    this.shown = false;
    if (this.p) this.p.root.hidden = true;
  }

  dispose(): void {
    this.hide();
    this.removeKeys?.();
    this.removeKeys = null;
    this.resizeObserver?.disconnect();
    this.session?.delete();
    this.session = null;
    this.p?.root.remove();
    this.p = null;
  }

  // ---------------------------------------------------------------- building

  private build(): void {
    const s = this.settings;
    const t = this.loc.t;
    const change = (apply: () => void) => this.changeNet(apply);
    const p = buildPanels(s, this.hidden, {
      toggleFeature: (id) => this.toggleFeature(id),
      addLayer: () => change(() => {
        if (s.hidden.length >= catalog().limits.maxLayers - 1) return;
        s.hidden.push(s.hidden[s.hidden.length - 1] ?? catalog().trainDefaults.layers[1]);
        s.activations = fitActivations(s.hidden, s.activations);
      }),
      removeLayer: () => change(() => {
        s.hidden.pop();
        s.activations.pop();
      }),
      addUnit: (k) => change(() => (s.hidden[k] = Math.min(catalog().limits.maxUnits, s.hidden[k] + 1))),
      removeUnit: (k) => change(() => (s.hidden[k] = Math.max(1, s.hidden[k] - 1))),
      setActivation: (k, a) => change(() => (s.activations[k] = a)),
      inspect: (layer, unit) => this.inspect(layer, unit),
      onPlot: (x1, x2) => this.edits.onPlot(x1, x2),
      setPanel: (id, on) => this.setPanel(id, on),
      weight: this.liveEdit,
    }, this.loc, viewKeys(this, this.hidden, t));
    this.p = p;
    this.painter = new Painter(this.engine, p.plot, p.net, this.perf);
    this.container.append(p.root);
    applyPanels(p, s, this.hidden);
    wireControls(p, s, t, {
      play: () => (this.loop.playing ? this.loop.pause() : this.play()),
      stepOnce: () => this.stepOnce(),
      epochOnce: () => this.epochOnce(),
      reset: () => this.reset(),
      newWeights: () => this.newWeights(),
      regenerate: () => this.regenerate(),
      upload: () => void this.edits.upload(),
      changeNet: (apply) => this.changeNet(apply),
      changeData: (apply, keep) => this.changeData(apply, keep),
      live: (name, value) => this.live(name, value),
      setTool: (tool) => (this.tool = tool),
      setError: (control, message) => this.setError(control, message),
      viewChanged: (what) => this.viewChanged(what),
    });
    this.resizeObserver = new ResizeObserver(() => this.layout());
    this.resizeObserver.observe(p.root);
  }

  private viewChanged(what: 'speed' | 'stop' | 'test' | 'edges' | 'discretize' | 'log'): void {
    const p = this.p!;
    if (what === 'test') p.plot.setShowTest(this.settings.showTest);
    if (what === 'edges') {
      p.net.mode = this.settings.edges;
      if (this.session) this.painter!.drawEdges(this.session);
    }
    if (what === 'discretize') this.draw();
    if (what === 'log') {
      p.chart.setLog(p.logScale.checked);
      p.chart.clear(this.hasTest());
      if (this.session) this.sample();
      p.chart.flush(true);
      return;
    }
    this.changed();
  }

  private setPanel(id: string, on: boolean): void {
    const set = new Set(this.settings.panels);
    if (on) set.add(id);
    else set.delete(id);
    this.settings.panels = PANELS.filter((p) => set.has(p));
    applyPanels(this.p!, this.settings, this.hidden);
    this.layout();
    this.changed();
  }

  private layout(): void {
    const p = this.p;
    if (!p || p.root.hidden) return;
    p.net.layout();
    p.chart.resize(p.panels.get('curves')!.clientWidth - 24);
  }

  // ---------------------------------------------------------------- session lifecycle

  /** A new session from the settings. On an error the old one stays, marked invalid. */
  rebuild(): boolean {
    const s = this.settings;
    const p = this.p!;
    const given = this.pendingErrors;
    this.pendingErrors = [];
    const spec = buildSpec(s);
    let session: Session;
    try {
      // A bad value in the link or an attribute is shown first, where the table places it.
      if (given.length) throw given;
      session = this.engine.session(spec);
    } catch (e) {
      clearErrors(p.root);
      if (Array.isArray(e)) for (const g of e as SettingError[]) this.setError(g.control, settingMessage(g, this.loc));
      else if (isBpxError(e)) this.setError(errorSlot(e.path, s), engineMessage(e, this.loc));
      else this.setError('general', engineMessage(e, this.loc));
      this.invalid = true;
      this.loop.pause();
      syncControls(p, s, this.loc.t, this.state?.trainExamples ?? null, true, !!this.session);
      this.tool = updateTools(p, s, this.loc.t, this.tool, this.toolName);
      this.say(this.loc.t('train.say.fix'));
      return false;
    }
    clearErrors(p.root);
    this.invalid = false;
    this.session?.delete();
    this.session = session;
    this.spec = spec;
    this.divergence = null;
    p.alert.hidden = true;
    this.state = session.state();
    this.edits.readData();
    p.net.setShape({ features: s.features, hidden: s.hidden, activations: s.activations, output: s.output, outUnits: outputUnits(s) });
    this.painter!.paintFeatures(this.edits.extent);
    p.chart.clear(this.hasTest());
    syncControls(p, s, this.loc.t, this.state.trainExamples, false, true);
    this.tool = updateTools(p, s, this.loc.t, this.tool, this.toolName);
    this.sample();
    this.draw();
    this.changed();
    return true;
  }

  hasTest(): boolean {
    return (this.state?.testExamples ?? 0) > 0;
  }
  /** The point counts (edits.ts reads the points, this shows their numbers). */
  showCounts(nTrain: number, nTest: number): void {
    showCounts(this.p!, this.settings, this.loc.t, nTrain, nTest);
  }

  // ---------------------------------------------------------------- changes

  changeNet(apply: () => void): void {
    apply();
    this.rebuild();
  }

  changeData(apply: () => void, keepEdited = false): void {
    if (!keepEdited) this.settings.edited = null;
    apply();
    this.edits.selected = -1;
    this.rebuild();
  }

  private toggleFeature(id: string): void {
    const set = new Set(this.settings.features);
    if (set.has(id)) set.delete(id);
    else set.add(id);
    this.changeNet(() => (this.settings.features = menus.features().map(([f]) => f).filter((f) => set.has(f))));
  }

  private live(name: 'lr' | 'batch' | 'l2', value: number): boolean {
    try {
      if (name === 'lr') this.session?.setLearningRate(value);
      else if (name === 'batch') this.session?.setBatchSize(value);
      else this.session?.setWeightDecay(value);
      this.settings[name] = value;
      this.setError(name, '');
      if (this.invalid) this.rebuild();
      this.changed();
      return true;
    } catch (e) {
      if (!isBpxError(e)) throw e;
      this.setError(name, engineMessage(e, this.loc));
      return false;
    }
  }

  regenerate(): void {
    this.changeData(() => (this.settings.dataSeed = randomSeed()));
  }

  newWeights(): void {
    this.changeNet(() => (this.settings.initSeed = randomSeed()));
    this.say(this.loc.t('train.say.newWeights'));
  }

  reset(): void {
    if (!this.session || this.invalid) {
      this.rebuild();
      return;
    }
    this.session.reset();
    this.divergence = null;
    this.p!.alert.hidden = true;
    this.state = this.session.state();
    this.p!.chart.clear(this.hasTest());
    this.sample();
    this.draw();
    this.say(this.loc.t('train.say.reset'));
  }

  private inspect(layer: number, unit: number): void {
    if (!this.session) return;
    this.loop.pause();
    const n = this.state?.trainExamples ?? 1;
    const k = this.edits.selected;
    this.options.openInspector(this.session, layer, unit, k >= 0 && k < n ? k : 0);
  }

  // ---------------------------------------------------------------- running (loop.ts)

  /** Ready to train: a valid session, and a diverged run back at its start. */
  private ready(): boolean {
    if (!this.session || this.invalid) return false;
    if (this.divergence) this.reset();
    return true;
  }

  play(): void {
    if (this.ready()) this.loop.play();
  }

  stepOnce(): void {
    if (this.ready()) this.loop.stepOnce();
  }

  epochOnce(): void {
    if (this.ready()) this.loop.epochOnce();
  }

  togglePlay(): void {
    if (this.loop.playing) this.loop.pause();
    else this.play();
  }

  playing(on: boolean, message?: string): void {
    const b = this.p?.bar;
    if (b) {
      setText(b.play, this.loc.t(on ? 'train.pause' : 'train.play'));
      b.play.classList.toggle('bpx-t-playing', on);
    }
    this.say(message ?? (on ? this.loc.t('train.say.training') : this.loc.t('train.say.paused', { epoch: this.state?.epoch ?? 0 })));
    if (!on && this.painter?.finest(this.edits.extent)) this.draw();
  }

  afterTraining(steps: number): { trainLoss: number | null; epoch: number } {
    this.state = this.session!.state();
    this.options.onProgress?.(this.state, steps);
    return { trainLoss: this.sample().train, epoch: this.state.epoch };
  }

  diverged(d: Divergence): void {
    this.divergence = d;
    this.options.onDiverged?.(d);
    this.loop.pause(this.loc.t('train.say.diverged', { step: d.step }));
    const p = this.p!;
    p.alert.replaceChildren(
      ...divergenceMessage(d, this.settings.lr, this.loc, {
        lowerAndReset: (lr) => {
          selectValue(p.bar.lr, lr, p.decimalComma);
          this.live('lr', lr);
          this.reset();
        },
        reset: () => this.reset(),
      }),
    );
    p.alert.hidden = false;
  }

  adapt(visualMs: number): number {
    return this.painter!.adapt(visualMs, this.edits.extent);
  }

  /** Evaluates train and test loss now, shows them and adds them to the curves. */
  sample(): { train: number | null; test: number | null } {
    return sampleLosses(this.session!, this.state!, this.hasTest(), this.p!, this.perf);
  }

  /** Unit maps, output heatmap, edges and curves from the engine's current state. */
  draw(): void {
    const session = this.session;
    if (!session || !this.spec || !this.p) return;
    if (!this.divergence) this.painter!.draw(session, this.settings, this.edits.extent);
    const t = performance.now();
    this.p.chart.flush();
    this.perf.part('chart', t);
  }

  // ---------------------------------------------------------------- messages and settings out

  setError(key: string, message: Message): void {
    if (this.p) setError(this.p.root, this.p.status, key, message);
  }

  say(message: string): void {
    if (this.p) setText(this.p.status, message);
  }

  /** Tells the page (its URL adapter) the settings, while the view is shown. */
  changed(): void {
    if (this.shown) this.options.onSettings?.(this.settings);
  }
}
