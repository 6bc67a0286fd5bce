// The points the view trains on and their editing: the engine's data (or the user's own
// points) on the plot, a click that adds (to the training set), removes or selects a point,
// and a CSV upload.
import type { Session } from '../engine';
import { catalog } from '../catalog';
import type { Locale } from '../i18n/index';
import { isRegression, type EditedData, type TrainSettings } from '../settings/index';
import type { TrainPanels } from './panels';
import { addPoint, csvProblem, extentOf, nearest, parseCsv, removePoint, removeTestPoint, toEdited } from './points';
import { usePoints } from './rules';

export interface EditHost {
  readonly settings: TrainSettings;
  readonly session: Session | null;
  readonly p: TrainPanels | null;
  readonly tool: string;
  readonly loc: Locale;
  rebuild(): boolean;
  /** The running session takes the new points (its weights and epoch stay). */
  readonly liveEdit: { replacePoints(edited: EditedData): boolean };
  say(message: string): void;
  setError(control: string, message: string): void;
  showCounts(nTrain: number, nTest: number): void;
}

/** Rows 0 and 1 of a 2 × n matrix as x1, x2 interleaved. */
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

export class PointEditor {
  /** Half the side of the plotted square. */
  extent = catalog().limits.dataExtent;
  /** The training example the inspector opens on (−1: the first). */
  selected = -1;
  private trainXY: ArrayLike<number> = [];
  private trainLabels: ArrayLike<number> = [];
  private testXY: ArrayLike<number> = [];
  private testLabels: ArrayLike<number> = [];

  constructor(private host: EditHost) {}

  /** Reads the points of the new session (or the user's own) onto the plot. */
  readData(): void {
    const s = this.host.settings;
    const p = this.host.p!;
    this.extent = s.edited ? extentOf(s.edited.xy) : catalog().limits.dataExtent;
    if (s.edited) {
      this.trainXY = Float64Array.from(s.edited.xy);
      this.trainLabels = Float64Array.from(s.edited.labels);
      this.testXY = Float64Array.from(s.edited.testXy ?? []);
      this.testLabels = Float64Array.from(s.edited.testLabels ?? []);
    } else {
      const d = this.host.session!.data();
      this.trainXY = interleave(d.points);
      this.trainLabels = d.labels;
      this.testXY = interleave(d.pointsTest);
      this.testLabels = d.labelsTest;
    }
    p.plot.setPoints({ trainXY: this.trainXY, trainLabels: this.trainLabels, testXY: this.testXY, testLabels: this.testLabels, regression: isRegression(s) });
    if (this.selected >= this.trainLabels.length) this.selected = -1;
    p.plot.setExtent(this.extent);
    p.plot.setShowTest(s.showTest);
    p.plot.setSelected(this.selected);
    this.host.showCounts(this.trainLabels.length, this.testLabels.length);
  }

  onPlot(x1: number, x2: number): void {
    const s = this.host.settings;
    const radius = (this.extent * 2) / 40;
    const tool = this.host.tool;
    if (tool === 'select') {
      const k = nearest(this.trainXY, x1, x2, radius);
      this.selected = k;
      this.host.p!.plot.setSelected(k);
      this.host.say(k >= 0 ? this.host.loc.t('train.say.selected', { k }) : this.host.loc.t('train.say.noPoint'));
      return;
    }
    let edited = s.edited ?? toEdited({ xy: this.trainXY, labels: this.trainLabels }, { xy: this.testXY, labels: this.testLabels }, isRegression(s));
    if (tool === 'remove') {
      // A training point, else a shown test point.
      const k = nearest(edited.xy, x1, x2, radius);
      const kt = k < 0 && s.showTest ? nearest(edited.testXy ?? [], x1, x2, radius) : -1;
      if (k < 0 && kt < 0) {
        this.host.say(this.host.loc.t('train.say.noPointToRemove'));
        return;
      }
      edited = k >= 0 ? removePoint(edited, k) : removeTestPoint(edited, kt);
    } else {
      edited = addPoint(edited, x1, x2, Number(tool.slice(4)));
    }
    if (this.host.liveEdit.replacePoints(edited)) this.host.say(this.host.loc.t('train.say.points', { n: edited.labels.length }));
  }

  async upload(): Promise<void> {
    const input = this.host.p!.data.upload;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const { data, classes, skipped } = parseCsv(await file.text());
      usePoints(this.host.settings, data, classes);
      this.selected = -1;
      if (this.host.rebuild()) this.host.say(this.host.loc.t(skipped ? 'train.say.loadedSkipped' : 'train.say.loaded', { n: data.labels.length, skipped }));
    } catch (e) {
      this.host.setError('upload', this.host.loc.t('train.error.file', { why: csvProblem(e, this.host.loc.t) }));
    }
    input.value = '';
  }
}
