// The output panel's plot: the decision-boundary heatmap (an nx × ny canvas scaled up)
// under a crisp overlay with the data points, the keyboard cursor and the selected
// example. Clicks and keys report plane coordinates; the view decides what they do.
import { palette } from '../theme';
import { h } from '../dom';
import { catalog } from '../catalog';
import type { T } from '../i18n/index';
import { CLASS_COLOURS, MapCanvas, divergingCss } from './heatmap';

export interface PlotPoints {
  /** x1, x2 interleaved. */
  trainXY: ArrayLike<number>;
  trainLabels: ArrayLike<number>;
  testXY: ArrayLike<number>;
  testLabels: ArrayLike<number>;
  regression: boolean;
}

export class Plot {
  readonly element: HTMLDivElement;
  readonly heat: MapCanvas;
  private overlay: HTMLCanvasElement;
  private octx: CanvasRenderingContext2D;
  private size: number;
  private dpr = 1;
  private points: PlotPoints | null = null;
  private showTest = false;
  private selected = -1;
  private cursor: [number, number] | null = null;
  private ticks: HTMLDivElement;
  /** Half the side of the plotted square: the generated sets' (catalogue `limits.dataExtent`) until points need more. */
  extent = catalog().limits.dataExtent;

  constructor(
    nx: number,
    size: number,
    private onActivate: (x1: number, x2: number, viaKeyboard: boolean) => void,
    t: T,
  ) {
    this.size = size;
    this.heat = new MapCanvas(nx, nx, 'bpx-t-heat');
    this.overlay = h('canvas', {
      class: 'bpx-t-overlay',
      tabindex: 0,
      role: 'application',
      'aria-roledescription': t('train.plotRole'),
      'aria-label': t('train.plotLabel'),
    });
    this.octx = this.overlay.getContext('2d')!;
    this.ticks = h('div', { class: 'bpx-t-ticks', 'aria-hidden': 'true' });
    this.element = h('div', { class: 'bpx-t-plot' }, this.heat.canvas, this.overlay, this.ticks);
    this.resize(size);
    this.overlay.addEventListener('click', (e) => {
      const r = this.overlay.getBoundingClientRect();
      const [x1, x2] = this.toPlane(e.clientX - r.left, e.clientY - r.top, r.width);
      this.cursor = null;
      this.onActivate(x1, x2, false);
    });
    this.overlay.addEventListener('keydown', (e) => this.onKey(e));
    this.overlay.addEventListener('blur', () => {
      this.cursor = null;
      this.drawOverlay();
    });
  }

  resize(size: number): void {
    this.size = size;
    this.dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
    for (const c of [this.heat.canvas, this.overlay]) {
      c.style.width = `${size}px`;
      c.style.height = `${size}px`;
    }
    this.element.style.width = `${size}px`;
    this.element.style.height = `${size}px`;
    this.overlay.width = Math.round(size * this.dpr);
    this.overlay.height = Math.round(size * this.dpr);
    this.drawTicks();
    this.drawOverlay();
  }

  setExtent(extent: number): void {
    if (extent === this.extent) return;
    this.extent = extent;
    this.drawTicks();
    this.drawOverlay();
  }

  private drawTicks(): void {
    const e = this.extent;
    const labels: HTMLElement[] = [];
    for (const v of [-e, 0, e]) {
      const f = (v + e) / (2 * e);
      const x = h('span', { class: 'bpx-t-tick bpx-t-tick-x' }, String(v).replace('-', '−'));
      x.style.left = `${f * 100}%`;
      const y = h('span', { class: 'bpx-t-tick bpx-t-tick-y' }, String(v).replace('-', '−'));
      y.style.top = `${(1 - f) * 100}%`;
      labels.push(x, y);
    }
    this.ticks.replaceChildren(...labels);
  }

  private toPlane(px: number, py: number, width: number): [number, number] {
    const e = this.extent;
    return [(px / width) * 2 * e - e, e - (py / width) * 2 * e];
  }

  private toPixel(x1: number, x2: number): [number, number] {
    const s = this.size * this.dpr;
    const e = this.extent;
    return [((x1 + e) / (2 * e)) * s, ((e - x2) / (2 * e)) * s];
  }

  private onKey(e: KeyboardEvent): void {
    const stepBy = this.extent / 24;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, 1],
      ArrowDown: [0, -1],
    };
    const m = moves[e.key];
    if (m) {
      const [x, y] = this.cursor ?? [0, 0];
      const k = e.shiftKey ? 4 : 1;
      const clamp = (v: number) => Math.max(-this.extent, Math.min(this.extent, v));
      this.cursor = [clamp(x + m[0] * stepBy * k), clamp(y + m[1] * stepBy * k)];
      this.drawOverlay();
      e.preventDefault();
      e.stopPropagation();
    } else if (e.key === 'Enter' || e.key === ' ') {
      const [x, y] = this.cursor ?? [0, 0];
      this.cursor = [x, y];
      this.onActivate(x, y, true);
      e.preventDefault();
      e.stopPropagation();
    }
  }

  setPoints(points: PlotPoints | null): void {
    this.points = points;
    this.drawOverlay();
  }

  setShowTest(show: boolean): void {
    this.showTest = show;
    this.drawOverlay();
  }

  setSelected(example: number): void {
    this.selected = example;
    this.drawOverlay();
  }

  /** Redraws the points (only when the data, the selection or the cursor change). */
  drawOverlay(): void {
    const ctx = this.octx;
    const s = this.size * this.dpr;
    ctx.clearRect(0, 0, s, s);
    const p = this.points;
    if (p) {
      const r = Math.max(2.5, Math.min(4, 1200 / Math.sqrt(1 + p.trainLabels.length) / 20)) * this.dpr;
      // Regression values near 0 are white: give them a grey rim.
      this.drawSet(p.trainXY, p.trainLabels, p.regression, r, p.regression ? '#8a8f98' : '#ffffff');
      if (this.showTest) this.drawSet(p.testXY, p.testLabels, p.regression, r, palette.ink);
      if (this.selected >= 0 && this.selected < p.trainLabels.length) {
        const [x, y] = this.toPixel(p.trainXY[2 * this.selected], p.trainXY[2 * this.selected + 1]);
        ctx.beginPath();
        ctx.arc(x, y, r * 2.4, 0, Math.PI * 2);
        ctx.lineWidth = 2 * this.dpr;
        ctx.strokeStyle = palette.ink;
        ctx.stroke();
      }
    }
    if (this.cursor) {
      const [x, y] = this.toPixel(this.cursor[0], this.cursor[1]);
      const d = 8 * this.dpr;
      ctx.lineWidth = 2 * this.dpr;
      ctx.strokeStyle = palette.focus;
      ctx.beginPath();
      ctx.moveTo(x - d, y);
      ctx.lineTo(x + d, y);
      ctx.moveTo(x, y - d);
      ctx.lineTo(x, y + d);
      ctx.stroke();
    }
  }

  private drawSet(
    xy: ArrayLike<number>,
    labels: ArrayLike<number>,
    regression: boolean,
    r: number,
    stroke: string,
  ): void {
    const ctx = this.octx;
    ctx.lineWidth = Math.max(1, this.dpr);
    ctx.strokeStyle = stroke;
    const n = labels.length;
    if (regression) {
      for (let i = 0; i < n; i++) {
        ctx.fillStyle = divergingCss(labels[i]);
        this.dot(xy[2 * i], xy[2 * i + 1], r);
      }
      return;
    }
    // One path per class: few fillStyle changes.
    const classes = CLASS_COLOURS.length;
    for (let c = 0; c < classes; c++) {
      ctx.fillStyle = CLASS_COLOURS[c];
      let any = false;
      for (let i = 0; i < n; i++) {
        if (labels[i] !== c) continue;
        any = true;
        this.dot(xy[2 * i], xy[2 * i + 1], r);
      }
      if (!any && c > 1) break;
    }
  }

  private dot(x1: number, x2: number, r: number): void {
    const ctx = this.octx;
    const [x, y] = this.toPixel(x1, x2);
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
}
