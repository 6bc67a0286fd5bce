// The edges of the training view's network diagram and the gradient norms under it: one
// SVG path per weight, coloured and sized by the weight or by |dW| (styles change only when
// their level does), a tooltip with W and dW, and ‖dW[l]‖ per layer on a log bar. Each edge
// has a focusable twin at its middle (one tab stop, arrows move between them): Enter on it,
// or a click or tap on the edge, asks to edit that weight (onEdit).
import type { Matrix } from '../engine';
import { palette } from '../theme';
import { h, setText, svg } from '../dom';
import { fmtFixed, withDecimalComma } from '../format';
import type { Locale, T } from '../i18n/index';

const LEVELS = 16;
const MAX_WIDTH = 6;
const WIDTHS = Array.from({ length: LEVELS }, (_, k) => (0.6 + (k / (LEVELS - 1)) * (MAX_WIDTH - 0.6)).toFixed(2));
const OPACITY = Array.from({ length: LEVELS }, (_, k) => (0.25 + (0.75 * k) / (LEVELS - 1)).toFixed(2));
/** Weight magnitude shown at full width. */
const WEIGHT_FULL = 3;
/** Decades of |dW| below the largest shown before an edge fades out. */
const GRAD_DECADES = 4;

export class NetworkEdges {
  readonly svg = svg('svg', { class: 'bpx-t-edges', 'aria-hidden': 'true' });
  readonly normsRow: HTMLDivElement;
  readonly gradNote = h('p', { class: 'bpx-t-note bpx-t-gradnote', 'aria-live': 'polite' });
  private edgeTip = h('div', { class: 'bpx-t-edgetip' });
  private lastW: Matrix[] = [];
  private lastDW: Matrix[] = [];
  private edges: SVGPathElement[] = [];
  /** Per edge: its layer, its index into W[l].data, and the last style code (−1: none yet). */
  private edgeLayer = new Int16Array(0);
  private edgeIndex = new Int32Array(0);
  private edgeCode = new Int16Array(0);
  private norms: { bar: HTMLSpanElement; text: HTMLSpanElement; box: HTMLDivElement }[] = [];
  /** The edges' keyboard twins, in the order of the paths. */
  readonly keys: HTMLDivElement;
  private twins: HTMLButtonElement[] = [];
  /** A weight to edit: W[layer] (row, col), with the element the editor goes beside. */
  onEdit: ((layer: number, row: number, col: number, anchor: HTMLElement) => void) | null = null;

  private t: T;
  /** A value with `decimals` decimals and the view's decimal separator. */
  private fmt: (v: number | null | undefined, decimals?: number) => string;

  constructor(
    private body: () => HTMLElement,
    loc: Locale,
  ) {
    const t = (this.t = loc.t);
    this.fmt = (v, decimals) => withDecimalComma(fmtFixed(v, decimals), loc.decimalComma);
    this.normsRow = h('div', { class: 'bpx-t-net-norms', 'aria-label': t('train.norms') });
    this.svg.addEventListener('pointermove', (e) => this.tooltip(e));
    this.svg.addEventListener('pointerleave', () => this.edgeTip.remove());
    this.keys = h('div', { class: 'bpx-t-edgekeys', role: 'group', 'aria-label': t('train.weightKeys') });
    this.svg.addEventListener('click', (e) => {
      const k = this.edges.indexOf(e.target as SVGPathElement);
      if (k >= 0) this.edit(k);
    });
    this.keys.addEventListener('keydown', (e) => this.moveFocus(e));
  }

  /** W[l] (row, col) of edge k. */
  private place(k: number): [number, number, number] {
    const l = this.edgeLayer[k];
    const cols = this.lastW[l]?.cols ?? 1;
    return [l, Math.floor(this.edgeIndex[k] / cols), this.edgeIndex[k] % cols];
  }

  private edit(k: number): void {
    if (!this.lastW.length) return;
    this.roving(k);
    const [l, i, j] = this.place(k);
    this.onEdit?.(l, i, j, this.twins[k]);
  }

  /** Only twin k is in the tab order (the group is one tab stop). */
  private roving(k: number): void {
    this.twins.forEach((b, n) => (b.tabIndex = n === k ? 0 : -1));
  }

  private moveFocus(e: KeyboardEvent): void {
    const k = this.twins.indexOf(e.target as HTMLButtonElement);
    const n = this.twins.length;
    const to = { ArrowRight: k + 1, ArrowDown: k + 1, ArrowLeft: k - 1, ArrowUp: k - 1, Home: 0, End: n - 1 }[e.key];
    if (k < 0 || to === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    const next = Math.max(0, Math.min(n - 1, to));
    this.roving(next);
    this.twins[next].focus();
  }

  /** The twin's name with the weight's current value (read when it gets focus). */
  private label(k: number): void {
    if (!this.lastW.length) return;
    const [l, i, j] = this.place(k);
    const value = this.fmt(this.lastW[l].data[this.edgeIndex[k]], 4);
    this.twins[k].setAttribute('aria-label', this.t('train.weightKey', { l, i: i + 1, j: j + 1, value }));
  }

  /** One path per weight of layers of `sizes` units after `inputs` inputs, and one norm per layer. */
  build(inputs: number, sizes: number[]): void {
    // W[l] is n_l × n_{l−1}; edge (i ← j) reads data[i * cols + j].
    const count = sizes.reduce((acc, n, i) => acc + n * (i === 0 ? inputs : sizes[i - 1]), 0);
    this.svg.replaceChildren();
    this.edges = [];
    this.twins = [];
    this.edgeLayer = new Int16Array(count);
    this.edgeIndex = new Int32Array(count);
    this.edgeCode = new Int16Array(count).fill(-1);
    let e = 0;
    for (let l = 1; l <= sizes.length; l++) {
      const prev = l === 1 ? inputs : sizes[l - 2];
      for (let i = 0; i < sizes[l - 1]; i++) {
        for (let j = 0; j < prev; j++) {
          const p = svg('path', { fill: 'none', stroke: palette.neutral, 'stroke-width': '1' });
          this.svg.append(p);
          this.edges.push(p);
          const k = e;
          const twin = h('button', { type: 'button', class: 'bpx-t-edgekey', tabindex: k === 0 ? '0' : '-1', 'aria-label': this.t('train.weightKey', { l, i: i + 1, j: j + 1, value: '' }) });
          twin.addEventListener('focus', () => this.label(k));
          twin.addEventListener('click', () => this.edit(k));
          this.twins.push(twin);
          this.edgeLayer[e] = l;
          this.edgeIndex[e] = i * prev + j;
          e++;
        }
      }
    }
    this.keys.replaceChildren(...this.twins);
    this.norms = [];
    this.normsRow.replaceChildren();
    for (let l = 1; l <= sizes.length; l++) {
      const bar = h('span', { class: 'bpx-t-normbar' });
      const text = h('span', { class: 'bpx-t-normtext' });
      const box = h('div', { class: 'bpx-t-norm', title: this.t('train.normTitle', { l }) }, h('span', { class: 'bpx-t-normlabel' }, `‖dW[${l}]‖`), h('span', { class: 'bpx-t-normtrack' }, bar), text);
      this.norms.push({ bar, text, box });
      this.normsRow.append(box);
    }
  }

  /** Routes the paths: `rows[l]` are the rows of layer l's units, `colX(l)` its column, nodes N px. */
  route(width: number, height: number, rows: number[][], colX: (c: number) => number, N: number, gap: number): void {
    this.svg.setAttribute('width', String(width));
    this.svg.setAttribute('height', String(height));
    let e = 0;
    for (let l = 1; l < rows.length; l++) {
      const x0 = colX(l - 1) + N;
      const x1 = colX(l);
      const mx = (x0 + x1) / 2;
      for (const i of rows[l]) {
        const y1 = i * (N + gap) + N / 2;
        for (const r of rows[l - 1]) {
          const y0 = r * (N + gap) + N / 2;
          this.edges[e].setAttribute('d', `M${x0.toFixed(1)},${y0.toFixed(1)} C${mx.toFixed(1)},${y0.toFixed(1)} ${mx.toFixed(1)},${y1.toFixed(1)} ${x1.toFixed(1)},${y1.toFixed(1)}`);
          // The twin sits on the curve's middle (by symmetry, at (mx, mean of the ends)).
          const twin = this.twins[e++].style;
          twin.left = `${mx.toFixed(1)}px`;
          twin.top = `${((y0 + y1) / 2).toFixed(1)}px`;
        }
      }
    }
    this.norms.forEach((n, k) => {
      n.box.style.left = `${(colX(k) + colX(k + 1) + N) / 2}px`;
    });
  }

  /** Colours the edges by weight or by |dW|, and writes the gradient norms. */
  update(W: Matrix[], dW: Matrix[], mode: 'weights' | 'gradients'): void {
    this.lastW = W;
    this.lastDW = dW;
    const n = this.edges.length;
    const grads = mode === 'gradients';
    let gmax = 0;
    for (let l = 1; l < dW.length; l++) {
      const d = dW[l].data;
      for (let k = 0; k < d.length; k++) {
        const a = Math.abs(d[k]);
        if (a > gmax) gmax = a;
      }
    }
    const logMax = Math.log10(gmax);
    for (let e = 0; e < n; e++) {
      const l = this.edgeLayer[e];
      let code: number;
      if (grads) {
        const g = Math.abs(dW[l].data[this.edgeIndex[e]]);
        const t = gmax > 0 && g > 0 ? 1 + (Math.log10(g) - logMax) / GRAD_DECADES : 0;
        code = 2 * LEVELS + Math.max(0, Math.min(LEVELS - 1, Math.round(t * (LEVELS - 1))));
      } else {
        const w = W[l].data[this.edgeIndex[e]];
        const t = Math.min(1, Math.abs(w) / WEIGHT_FULL);
        const level = w === w ? Math.round(t * (LEVELS - 1)) : 0;
        code = (w >= 0 ? LEVELS : 0) + level;
      }
      if (code !== this.edgeCode[e]) {
        this.edgeCode[e] = code;
        const p = this.edges[e];
        const level = code % LEVELS;
        const colour = code >= 2 * LEVELS ? palette.gradient : code >= LEVELS ? palette.positive : palette.negative;
        p.setAttribute('stroke', colour);
        p.setAttribute('stroke-width', WIDTHS[level]);
        p.setAttribute('stroke-opacity', OPACITY[level]);
      }
    }
    this.updateNorms(dW);
  }

  /** ‖dW[l]‖ per layer (display of engine-provided matrices) on a log bar. */
  private updateNorms(dW: Matrix[]): void {
    let lo = Infinity;
    let hi = 0;
    for (let l = 1; l < dW.length && l - 1 < this.norms.length; l++) {
      const d = dW[l].data;
      let s = 0;
      for (let k = 0; k < d.length; k++) s += d[k] * d[k];
      const norm = Math.sqrt(s);
      const { bar, text } = this.norms[l - 1];
      setText(text, this.fmt(norm, 4));
      // Bar: log scale from 1e-8 (empty) to 1e2 (full).
      const t = norm > 0 && Number.isFinite(norm) ? Math.max(0, Math.min(1, (Math.log10(norm) + 8) / 10)) : norm > 0 ? 1 : 0;
      bar.style.width = `${(t * 100).toFixed(1)}%`;
      if (Number.isFinite(norm)) {
        lo = Math.min(lo, norm);
        hi = Math.max(hi, norm);
      }
    }
    let note = '';
    if (hi === 0) note = this.t('train.normsLater');
    else if (hi > 1e3) note = this.t('train.exploding', { value: this.fmt(hi, 1) });
    else if (lo / hi < 1e-2) note = this.t('train.vanishing', { value: this.fmt(lo / hi, 1) });
    setText(this.gradNote, note);
  }

  private tooltip(e: PointerEvent): void {
    const target = e.target as Element;
    const k = this.edges.indexOf(target as SVGPathElement);
    if (k < 0 || !this.lastW.length) {
      this.edgeTip.remove();
      return;
    }
    const l = this.edgeLayer[k];
    const idx = this.edgeIndex[k];
    const cols = this.lastW[l].cols;
    const i = Math.floor(idx / cols);
    const j = idx % cols;
    setText(this.edgeTip, `W[${l}]${i + 1},${j + 1} = ${this.fmt(this.lastW[l].data[idx], 4)}   dW = ${this.fmt(this.lastDW[l]?.data[idx], 4)}`);
    const r = this.body().getBoundingClientRect();
    this.edgeTip.style.left = `${e.clientX - r.left + 12}px`;
    this.edgeTip.style.top = `${e.clientY - r.top + 12}px`;
    if (!this.edgeTip.isConnected) this.body().append(this.edgeTip);
  }
}
