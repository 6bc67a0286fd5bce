// Train and test loss over the steps, drawn with uPlot. Samples are thinned to at most
// MAX_POINTS (every other one dropped when full) and the chart redraws at most a few
// times per second, so a long run costs the same per frame as a short one.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { okabeIto, palette } from '../theme';
import { h } from '../dom';
import { withDecimalComma } from '../format';
import type { T } from '../i18n/index';

const MAX_POINTS = 1000;
const REDRAW_MS = 120;

export class LossChart {
  readonly element: HTMLDivElement;
  private plot: uPlot | null = null;
  private xs: number[] = [];
  private train: (number | null)[] = [];
  private test: (number | null)[] = [];
  private stride = 1;
  private seen = 0;
  private lastDraw = 0;
  private dirty = false;
  private width = 360;
  private log = false;
  private hasTest = true;

  constructor(
    private t: T,
    private decimalComma: boolean,
  ) {
    this.element = h('div', { class: 'bpx-t-chart', role: 'img', 'aria-label': t('train.chartLabel') });
  }

  private build(): void {
    this.plot?.destroy();
    const series: uPlot.Series[] = [
      { label: this.t('train.chartStep') },
      { label: this.t('train.chartTrain'), stroke: okabeIto.blue, width: 2, spanGaps: true },
    ];
    if (this.hasTest) series.push({ label: this.t('train.chartTest'), stroke: okabeIto.orange, width: 2, dash: [6, 3], spanGaps: true });
    // With a decimal comma asked for, the ticks say so too (uPlot's own follow the browser's language).
    const ticks: uPlot.Axis['values'] = this.decimalComma ? (_u, splits) => splits.map((v) => withDecimalComma(String(Number(v.toPrecision(6))), true)) : undefined;
    const opts: uPlot.Options = {
      width: this.width,
      height: 170,
      series,
      scales: { x: { time: false }, y: this.log ? { distr: 3 } : { range: (_u, _min, max) => [0, max > 0 ? max * 1.05 : 1] } },
      axes: [
        { stroke: palette.inkMuted, grid: { stroke: '#e3e6ea' }, size: 28, values: ticks },
        { stroke: palette.inkMuted, grid: { stroke: '#e3e6ea' }, size: 58, values: ticks },
      ],
      legend: { show: true, live: false },
      cursor: { show: true, drag: { x: false, y: false } },
    };
    this.plot = new uPlot(opts, this.data(), this.element);
  }

  private data(): uPlot.AlignedData {
    return this.hasTest ? [this.xs, this.train, this.test] : [this.xs, this.train];
  }

  /** Starts a new run (after reset or a new network). */
  clear(hasTest: boolean): void {
    this.xs = [];
    this.train = [];
    this.test = [];
    this.stride = 1;
    this.seen = 0;
    if (hasTest !== this.hasTest || !this.plot) {
      this.hasTest = hasTest;
      if (this.element.isConnected) this.build();
    }
    this.dirty = true;
    this.flush(true);
  }

  setLog(log: boolean): void {
    if (log === this.log) return;
    this.log = log;
    this.build();
  }

  /** Adds a sample; redraws when due (or when force is set). */
  push(step: number, train: number | null, test: number | null): void {
    if (this.seen++ % this.stride === 0) {
      const ok = (v: number | null) => (v !== null && Number.isFinite(v) && (!this.log || v > 0) ? v : null);
      if (this.xs.length && this.xs[this.xs.length - 1] === step) {
        this.train[this.train.length - 1] = ok(train);
        this.test[this.test.length - 1] = ok(test);
      } else {
        this.xs.push(step);
        this.train.push(ok(train));
        this.test.push(ok(test));
      }
      if (this.xs.length > MAX_POINTS) {
        const keep = (_: unknown, i: number) => i % 2 === 0;
        this.xs = this.xs.filter(keep);
        this.train = this.train.filter(keep);
        this.test = this.test.filter(keep);
        this.stride *= 2;
      }
      this.dirty = true;
    }
  }

  /** Redraws if there is something new and the last redraw is old enough. */
  flush(force = false): void {
    if (!this.dirty || !this.plot) return;
    const now = performance.now();
    if (!force && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.dirty = false;
    this.plot.setData(this.data());
  }

  resize(width: number): void {
    const w = Math.max(220, Math.round(width));
    if (w === this.width && this.plot) return;
    this.width = w;
    if (!this.plot) this.build();
    else this.plot.setSize({ width: w, height: 170 });
  }
}
