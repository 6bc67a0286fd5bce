// Puts the settings and the engine's numbers into the controls: after a rebuild or a change
// the code made (the Classes picker follows the data, the learning rate gains an option).
import type { Session, SessionState } from '../engine';
import { catalog } from '../catalog';
import { h, setText } from '../dom';
import { fmtLoss, fmtPercent, withDecimalComma } from '../format';
import type { T } from '../i18n/index';
import { isRegression, type TrainSettings } from '../settings/index';
import { CLASS_COLOURS } from './heatmap';
import type { TrainPanels } from './panels';
import type { FrameRecorder } from './perf';
import { classesEditable } from './rules';

/** Selects `value` in a select of numbers, adding it in its place when the list lacks it. */
export function selectValue(el: HTMLSelectElement, value: number, comma: boolean): void {
  const v = String(value);
  if (![...el.options].some((o) => o.value === v)) {
    const after = [...el.options].find((o) => Number(o.value) > value) ?? null;
    el.insertBefore(h('option', { value: v }, withDecimalComma(v, comma)), after);
  }
  el.value = v;
}

export function syncControls(p: TrainPanels, s: TrainSettings, t: T, trainExamples: number | null, invalid: boolean, hasSession: boolean): void {
  const { bar: b, data: d, outCtl } = p;
  d.dataset.value = s.dataset;
  d.classes.value = String(s.classes);
  d.classes.disabled = !classesEditable(s);
  d.noise.value = String(s.noise);
  setText(d.noiseOut, withDecimalComma(String(s.noise), p.decimalComma));
  d.points.value = String(s.points);
  d.split.value = String(s.split);
  setText(d.splitOut, `${Math.round(s.split * 100)}%`);
  // With the user's own points these stay: changing one goes back to a generated set.
  for (const el of [d.noise, d.points, d.split]) el.disabled = false;
  outCtl.output.value = s.output;
  outCtl.loss.value = s.loss;
  b.optimizer.value = s.optimizer;
  b.init.value = s.init;
  selectValue(b.lr, s.lr, p.decimalComma);
  b.batch.value = String(s.batch);
  b.batch.max = String(Math.max(1, trainExamples ?? catalog().limits.maxPoints));
  selectValue(b.l2, s.l2, p.decimalComma);
  b.speed.value = s.speed;
  for (const el of [b.play, b.step, b.epochBtn, b.reset, b.newWeights]) el.disabled = invalid && !hasSession;
  b.play.disabled = b.step.disabled = b.epochBtn.disabled = invalid;
  updateLegend(p, s, t);
}

/** The plot's tools: add a point of each class (or ±1 for regression), remove, select. */
export function updateTools(p: TrainPanels, s: TrainSettings, t: T, current: string, radioName: string): string {
  const opts: [string, string, string | null][] = isRegression(s)
    ? [['add:1', t('train.tool.addPlus'), CLASS_COLOURS[1]], ['add:-1', t('train.tool.addMinus'), CLASS_COLOURS[0]]]
    : Array.from({ length: s.classes }, (_, c) => [`add:${c}`, t('train.tool.addClass', { c }), CLASS_COLOURS[c % CLASS_COLOURS.length]] as [string, string, string]);
  opts.push(['remove', t('train.tool.remove'), null], ['select', t('train.tool.select'), null]);
  const tool = opts.some(([v]) => v === current) ? current : opts[0][0];
  const key = opts.map((o) => o[0]).join('|');
  const tools = p.data.tools;
  if (tools.dataset.key === key) return tool;
  tools.dataset.key = key;
  tools.replaceChildren(
    ...opts.map(([value, label, colour]) => {
      const r = h('input', { type: 'radio', name: radioName, value });
      r.checked = value === tool;
      const sw = h('span', { class: 'bpx-t-swatch' });
      if (colour) sw.style.background = colour;
      else sw.classList.add('bpx-t-swatch-none');
      return h('label', { class: 'bpx-t-tool' }, r, sw, ` ${label}`);
    }),
  );
  return tool;
}

function updateLegend(p: TrainPanels, s: TrainSettings, t: T): void {
  const item = (colour: string, text: string) => {
    const sw = h('span', { class: 'bpx-t-swatch' });
    sw.style.background = colour;
    return h('span', {}, sw, ` ${text}`);
  };
  const items: HTMLElement[] = [];
  if (isRegression(s)) items.push(item(CLASS_COLOURS[0], '−1'), item('#ffffff', '0'), item(CLASS_COLOURS[1], '+1'));
  else for (let c = 0; c < s.classes; c++) items.push(item(CLASS_COLOURS[c % CLASS_COLOURS.length], t('train.class', { c })));
  p.legend.replaceChildren(...items);
}

/** The point count and the note on the user's own points. */
export function showCounts(p: TrainPanels, s: TrainSettings, t: T, nTrain: number, nTest: number): void {
  const d = p.data;
  setText(d.count, nTest === 0 ? t('train.countEdited', { n: nTrain }) : t('train.count', { n: nTrain + nTest, train: nTrain, test: nTest }));
  d.editedNote.hidden = !s.edited;
  d.restore.hidden = !s.edited;
  setText(d.editedNote, s.edited ? t('train.editedNote') : '');
}

export interface Metrics {
  train: number | null;
  test: number | null;
  trainAcc: number | null;
  testAcc: number | null;
  hasTest: boolean;
  diverged: boolean;
  epoch: number;
  step: number;
}

/**
 * Losses and accuracies. A diverged network has no finite loss: NaN says so instead of a dash,
 * and it has no accuracy either (its NaN outputs are no class), so that is a dash.
 */
export function showMetrics(p: TrainPanels, m: Metrics): void {
  const bad = m.diverged ? 'NaN' : '–';
  const show = (el: HTMLElement, text: string) => setText(el, withDecimalComma(text, p.decimalComma));
  show(p.metrics.train, m.train === null ? bad : fmtLoss(m.train));
  show(p.metrics.test, m.hasTest ? (m.test === null ? bad : fmtLoss(m.test)) : '–');
  show(p.metrics.trainAcc, m.diverged ? '–' : fmtPercent(m.trainAcc));
  show(p.metrics.testAcc, m.hasTest && !m.diverged ? fmtPercent(m.testAcc) : '–');
  setText(p.bar.epoch, String(m.epoch));
  setText(p.bar.steps, String(m.step));
}

/** Evaluates train (and test) loss and accuracy now, shows them and adds them to the curves. */
export function sampleLosses(session: Session, st: SessionState, hasTest: boolean, p: TrainPanels, perf: FrameRecorder): { train: number | null; test: number | null } {
  const t0 = performance.now();
  const tr = session.evaluate('train');
  const te = hasTest ? session.evaluate('test') : null;
  perf.part('evaluate', t0);
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const train = num(tr.loss);
  const test = te ? num(te.loss) : null;
  showMetrics(p, { train, test, trainAcc: num(tr.accuracy), testAcc: te ? num(te.accuracy) : null, hasTest: !!te, diverged: !!st.divergence, epoch: st.epoch, step: st.step });
  p.chart.push(st.step, train, test);
  return { train, test };
}
