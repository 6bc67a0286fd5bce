// The network diagram of the training view, driven by the shape (never hard-coded
// sizes): input features as toggles, every hidden and output unit as a thumbnail of
// its output over the plane, edges coloured and sized by weight or by |dW|, and the
// per-layer gradient norms underneath. Nodes and edges are built once per shape and
// updated in place each frame.
import type { Matrix } from '../engine';
import { palette } from '../theme';
import { fmt, h, select, setText, svg } from './dom';
import { MapCanvas } from './heatmap';
import { catalog, menus } from '../catalog';

export interface NetShape {
  features: string[];
  hidden: number[];
  activations: string[];
  output: string;
  outUnits: number;
}

export interface NetCallbacks {
  toggleFeature(id: string): void;
  addLayer(): void;
  removeLayer(): void;
  addUnit(hiddenIndex: number): void;
  removeUnit(hiddenIndex: number): void;
  setActivation(hiddenIndex: number, activation: string): void;
  inspect(layer: number, unit: number): void;
}

const LEVELS = 16;
const MAX_WIDTH = 6;
const WIDTHS = Array.from({ length: LEVELS }, (_, k) => (0.6 + (k / (LEVELS - 1)) * (MAX_WIDTH - 0.6)).toFixed(2));
const OPACITY = Array.from({ length: LEVELS }, (_, k) => (0.25 + (0.75 * k) / (LEVELS - 1)).toFixed(2));
/** Weight magnitude shown at full width. */
const WEIGHT_FULL = 3;
/** Decades of |dW| below the largest shown before an edge fades out. */
const GRAD_DECADES = 4;

interface Node {
  button: HTMLButtonElement;
  map: MapCanvas;
  layer: number; // 0 for inputs
  unit: number;
  feature?: string;
}

export class NetworkView {
  readonly element: HTMLDivElement;
  private heads: HTMLDivElement;
  private body: HTMLDivElement;
  private edgesSvg: SVGSVGElement;
  private normsRow: HTMLDivElement;
  private gradNote: HTMLParagraphElement;
  private layerCount: HTMLSpanElement;
  private addLayerBtn: HTMLButtonElement;
  private removeLayerBtn: HTMLButtonElement;
  private preview: HTMLDivElement;
  private previewMap: MapCanvas;
  private previewCaption: HTMLParagraphElement;
  private previewNode: Node | null = null;
  private edgeTip = h('div', { class: 'bpx-t-edgetip' });
  private lastW: Matrix[] = [];
  private lastDW: Matrix[] = [];

  private shape: NetShape | null = null;
  private inputs: Node[] = [];
  /** units[l][j] for layers 1..L (index 0 unused). */
  private units: Node[][] = [];
  private edges: SVGPathElement[] = [];
  /** Per edge: its layer, from and to unit, and the last style code (−1: none yet). */
  private edgeLayer = new Int16Array(0);
  private edgeIndex = new Int32Array(0); // index into W[l].data
  private edgeCode = new Int16Array(0);
  private norms: { bar: HTMLSpanElement; text: HTMLSpanElement; box: HTMLDivElement }[] = [];
  private nodeSize = 36;
  mode: 'weights' | 'gradients' = 'weights';
  /** Changes whenever the nodes (and their canvases) are rebuilt. */
  version = 0;
  /** Controls a teacher hid (hide=...). */
  hidden = new Set<string>();

  constructor(
    private grid: number,
    private cb: NetCallbacks,
  ) {
    this.addLayerBtn = h('button', { type: 'button', class: 'bpx-t-small', 'aria-label': 'Add layer', title: 'Add a hidden layer' }, '+');
    this.removeLayerBtn = h('button', { type: 'button', class: 'bpx-t-small', 'aria-label': 'Remove layer', title: 'Remove the last hidden layer' }, '−');
    this.addLayerBtn.addEventListener('click', () => cb.addLayer());
    this.removeLayerBtn.addEventListener('click', () => cb.removeLayer());
    this.layerCount = h('span', { class: 'bpx-t-layercount' });
    const top = h(
      'div',
      { class: 'bpx-t-net-top', 'data-ctl': 'layers' },
      this.addLayerBtn,
      this.removeLayerBtn,
      this.layerCount,
    );
    this.heads = h('div', { class: 'bpx-t-net-heads' });
    this.edgesSvg = svg('svg', { class: 'bpx-t-edges', 'aria-hidden': 'true' });
    this.body = h('div', { class: 'bpx-t-net-body' }, this.edgesSvg);
    this.normsRow = h('div', { class: 'bpx-t-net-norms', 'aria-label': 'Gradient norm of each layer' });
    this.gradNote = h('p', { class: 'bpx-t-note bpx-t-gradnote', 'aria-live': 'polite' });
    this.previewMap = new MapCanvas(grid, grid, 'bpx-t-preview-map');
    this.previewCaption = h('p', { class: 'bpx-t-preview-caption' });
    this.preview = h('div', { class: 'bpx-t-preview', hidden: true }, this.previewMap.canvas, this.previewCaption);
    this.element = h(
      'div',
      { class: 'bpx-t-net' },
      top,
      this.heads,
      h('div', { class: 'bpx-t-net-scroll' }, this.body),
      this.normsRow,
      this.gradNote,
      this.preview,
    );
    this.edgesSvg.addEventListener('pointermove', (e) => this.edgeTooltip(e));
    this.edgesSvg.addEventListener('pointerleave', () => this.edgeTip.remove());
  }

  /** Rebuilds nodes and edges for a new shape (same shape: nothing to do). */
  setShape(shape: NetShape): void {
    if (this.shape && JSON.stringify(this.shape) === JSON.stringify(shape)) return;
    shape = structuredClone(shape); // the caller's arrays change later
    this.shape = shape;
    this.version++;
    this.hidePreview();
    const maxUnits = Math.max(menus.features().length, shape.outUnits, ...shape.hidden);
    this.nodeSize = maxUnits <= 8 ? 36 : maxUnits <= 12 ? 28 : maxUnits <= 24 ? 18 : 12;
    // Nodes.
    for (const n of [...this.inputs, ...this.units.flat()]) n.button.remove();
    this.inputs = menus.features().map(([id, label], unit) => {
      const on = shape.features.includes(id);
      const node = this.makeNode(0, unit, id);
      node.button.setAttribute('aria-label', `Feature ${label}`);
      node.button.setAttribute('aria-pressed', String(on));
      node.button.title = `${label}: ${on ? 'used as an input (click to remove)' : 'not used (click to add)'}`;
      node.button.append(h('span', { class: 'bpx-t-node-label' }, label));
      node.button.classList.toggle('bpx-t-off', !on);
      node.button.setAttribute('data-ctl', 'features');
      return node;
    });
    this.units = [[]];
    const sizes = [...shape.hidden, shape.outUnits];
    const acts = [...shape.activations, shape.output];
    const L = sizes.length;
    for (let l = 1; l <= L; l++) {
      const col: Node[] = [];
      for (let j = 0; j < sizes[l - 1]; j++) {
        const node = this.makeNode(l, j);
        const what = l === L ? `Output unit ${j + 1}` : `Neuron ${j + 1} of layer ${l}`;
        node.button.setAttribute('aria-label', `${what} (${acts[l - 1]}): open the neuron inspector`);
        col.push(node);
      }
      this.units.push(col);
    }
    for (const n of [...this.inputs, ...this.units.flat()]) this.body.append(n.button);
    // Edges: W[l] is n_l × n_{l−1}; edge (i ← j) reads data[i * cols + j].
    const count = sizes.reduce((acc, n, i) => acc + n * (i === 0 ? shape.features.length : sizes[i - 1]), 0);
    this.edgesSvg.replaceChildren();
    this.edges = [];
    this.edgeLayer = new Int16Array(count);
    this.edgeIndex = new Int32Array(count);
    this.edgeCode = new Int16Array(count).fill(-1);
    let e = 0;
    for (let l = 1; l <= L; l++) {
      const prev = l === 1 ? shape.features.length : sizes[l - 2];
      for (let i = 0; i < sizes[l - 1]; i++) {
        for (let j = 0; j < prev; j++) {
          const p = svg('path', { fill: 'none', stroke: palette.neutral, 'stroke-width': '1' });
          this.edgesSvg.append(p);
          this.edges.push(p);
          this.edgeLayer[e] = l;
          this.edgeIndex[e] = i * prev + j;
          e++;
        }
      }
    }
    // Layer headers and norms.
    this.heads.replaceChildren();
    for (let k = 0; k < shape.hidden.length; k++) {
      const add = h('button', { type: 'button', class: 'bpx-t-small', 'aria-label': `Add neuron to layer ${k + 1}` }, '+');
      const rem = h('button', { type: 'button', class: 'bpx-t-small', 'aria-label': `Remove neuron from layer ${k + 1}` }, '−');
      add.disabled = shape.hidden[k] >= catalog().limits.maxUnits;
      rem.disabled = shape.hidden[k] <= 1;
      add.addEventListener('click', () => this.cb.addUnit(k));
      rem.addEventListener('click', () => this.cb.removeUnit(k));
      const act = select(
        { 'aria-label': `Activation of layer ${k + 1}`, class: 'bpx-t-act', 'data-ctl': 'activations' },
        menus.hiddenActivations(),
        shape.activations[k],
      );
      act.addEventListener('change', () => this.cb.setActivation(k, act.value));
      const head = h(
        'div',
        { class: 'bpx-t-head' },
        h('div', { class: 'bpx-t-head-buttons', 'data-ctl': 'neurons' }, add, rem),
        h('span', { class: 'bpx-t-head-count' }, `${shape.hidden[k]} neuron${shape.hidden[k] === 1 ? '' : 's'}`),
        act,
        h('span', { class: 'bpx-t-err', role: 'alert', 'data-err': `layer${k + 1}` }),
      );
      this.heads.append(head);
    }
    this.norms = [];
    this.normsRow.replaceChildren();
    for (let l = 1; l <= L; l++) {
      const bar = h('span', { class: 'bpx-t-normbar' });
      const text = h('span', { class: 'bpx-t-normtext' });
      const box = h('div', { class: 'bpx-t-norm', title: `Frobenius norm of dW[${l}] after the last step` }, h('span', { class: 'bpx-t-normlabel' }, `‖dW[${l}]‖`), h('span', { class: 'bpx-t-normtrack' }, bar), text);
      this.norms.push({ bar, text, box });
      this.normsRow.append(box);
    }
    setText(this.layerCount, `${shape.hidden.length} hidden layer${shape.hidden.length === 1 ? '' : 's'}`);
    this.addLayerBtn.disabled = shape.hidden.length >= catalog().limits.maxLayers - 1;
    this.removeLayerBtn.disabled = shape.hidden.length === 0;
    this.applyHidden();
    this.layout();
  }

  private applyHidden(): void {
    for (const el of this.element.querySelectorAll<HTMLElement>('[data-ctl]')) {
      const id = el.getAttribute('data-ctl')!;
      if (this.hidden.has(id)) {
        if (el.tagName === 'BUTTON' && id === 'features') {
          // Teachers fix the inputs: unused features disappear, used ones stay visible.
          (el as HTMLButtonElement).disabled = true;
          el.hidden = el.getAttribute('aria-pressed') !== 'true';
        } else {
          el.hidden = true;
        }
      }
    }
  }

  private makeNode(layer: number, unit: number, feature?: string): Node {
    const map = new MapCanvas(this.grid, this.grid, 'bpx-t-node-map');
    const button = h('button', { type: 'button', class: layer === 0 ? 'bpx-t-node bpx-t-input' : 'bpx-t-node' }, map.canvas);
    const node: Node = { button, map, layer, unit, feature };
    button.addEventListener('click', () => {
      if (feature) this.cb.toggleFeature(feature);
      else this.cb.inspect(layer, unit);
    });
    const show = () => this.showPreview(node);
    button.addEventListener('pointerenter', show);
    button.addEventListener('focus', show);
    button.addEventListener('pointerleave', () => this.hidePreview());
    button.addEventListener('blur', () => this.hidePreview());
    return node;
  }

  /** Positions nodes, headers and edges for the current width. */
  layout(): void {
    const shape = this.shape;
    if (!shape) return;
    const N = this.nodeSize;
    const gap = Math.max(4, Math.round(N * 0.3));
    const cols = shape.hidden.length + 2;
    const width = Math.max(this.body.clientWidth || 0, 320);
    const pad = 4;
    const maxRows = Math.max(menus.features().length, shape.outUnits, ...shape.hidden);
    const height = maxRows * (N + gap) + 18;
    this.body.style.height = `${height}px`;
    const colX = (c: number) => pad + (c * (width - 2 * pad - N)) / (cols - 1);
    const place = (n: Node, c: number, row: number) => {
      n.button.style.left = `${colX(c)}px`;
      n.button.style.top = `${row * (N + gap)}px`;
      n.button.style.width = `${N}px`;
      n.button.style.height = `${N}px`;
    };
    this.inputs.forEach((n, r) => place(n, 0, r));
    for (let l = 1; l < this.units.length; l++) this.units[l].forEach((n, r) => place(n, l, r));
    // Headers above hidden columns, norms under every layer's incoming edges.
    const heads = Array.from(this.heads.children) as HTMLElement[];
    heads.forEach((el, k) => {
      el.style.left = `${colX(k + 1) + N / 2}px`;
    });
    this.norms.forEach((n, k) => {
      n.box.style.left = `${(colX(k) + colX(k + 1) + N) / 2}px`;
    });
    // Edges as curves from the right side of a node to the left side of the next.
    this.edgesSvg.setAttribute('width', String(width));
    this.edgesSvg.setAttribute('height', String(height));
    const used = shape.features.map((f) => menus.features().findIndex(([id]) => id === f));
    let e = 0;
    for (let l = 1; l < this.units.length; l++) {
      const prevRows = l === 1 ? used : this.units[l - 1].map((_, r) => r);
      const x0 = colX(l - 1) + N;
      const x1 = colX(l);
      const mx = (x0 + x1) / 2;
      for (let i = 0; i < this.units[l].length; i++) {
        const y1 = i * (N + gap) + N / 2;
        for (const r of prevRows) {
          const y0 = r * (N + gap) + N / 2;
          this.edges[e++].setAttribute('d', `M${x0.toFixed(1)},${y0.toFixed(1)} C${mx.toFixed(1)},${y0.toFixed(1)} ${mx.toFixed(1)},${y1.toFixed(1)} ${x1.toFixed(1)},${y1.toFixed(1)}`);
        }
      }
    }
  }

  /** Changes the resolution of every map. */
  setGrid(n: number): void {
    this.grid = n;
    for (const node of [...this.inputs, ...this.units.flat()]) node.map.resize(n);
  }

  /** The map canvas of a node: layer 0 is the inputs (by feature order in FEATURES). */
  mapOf(layer: number, unit: number): MapCanvas | null {
    if (layer === 0) return this.inputs[unit]?.map ?? null;
    return this.units[layer]?.[unit]?.map ?? null;
  }

  /** Flushes every painted map to its canvas (and the open preview). */
  flushMaps(includeInputs = false): void {
    if (includeInputs) for (const n of this.inputs) n.map.flush();
    for (let l = 1; l < this.units.length; l++) for (const n of this.units[l]) n.map.flush();
    if (this.previewNode) this.previewMap.copyFrom(this.previewNode.map);
  }

  /** Colours the edges by weight or by |dW|, and writes the gradient norms. */
  updateEdges(W: Matrix[], dW: Matrix[]): void {
    this.lastW = W;
    this.lastDW = dW;
    const n = this.edges.length;
    const grads = this.mode === 'gradients';
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
      setText(text, fmt(norm, 4));
      // Bar: log scale from 1e-8 (empty) to 1e2 (full).
      const t = norm > 0 && Number.isFinite(norm) ? Math.max(0, Math.min(1, (Math.log10(norm) + 8) / 10)) : norm > 0 ? 1 : 0;
      bar.style.width = `${(t * 100).toFixed(1)}%`;
      if (Number.isFinite(norm)) {
        lo = Math.min(lo, norm);
        hi = Math.max(hi, norm);
      }
    }
    let note = '';
    if (hi === 0) note = 'Gradient norms appear after the first step.';
    else if (hi > 1e3) note = `Exploding gradients: ‖dW‖ reaches ${fmt(hi, 1)}.`;
    else if (lo / hi < 1e-2) note = `Vanishing gradients: the smallest layer norm is ${fmt(lo / hi, 1)} of the largest; those layers barely learn.`;
    setText(this.gradNote, note);
  }

  private edgeTooltip(e: PointerEvent): void {
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
    setText(this.edgeTip, `W[${l}]${i + 1},${j + 1} = ${fmt(this.lastW[l].data[idx], 4)}   dW = ${fmt(this.lastDW[l]?.data[idx], 4)}`);
    const r = this.body.getBoundingClientRect();
    this.edgeTip.style.left = `${e.clientX - r.left + 12}px`;
    this.edgeTip.style.top = `${e.clientY - r.top + 12}px`;
    if (!this.edgeTip.isConnected) this.body.append(this.edgeTip);
  }

  private showPreview(node: Node): void {
    this.previewNode = node;
    const shape = this.shape!;
    let caption: string;
    if (node.feature) {
      const label = menus.features().find(([id]) => id === node.feature)?.[1] ?? node.feature;
      caption = `Input feature ${label}`;
    } else {
      const L = this.units.length - 1;
      const act = node.layer === L ? shape.output : shape.activations[node.layer - 1];
      caption = node.layer === L ? `Output unit ${node.unit + 1} (${act})` : `Layer ${node.layer}, neuron ${node.unit + 1} (${act}): click to inspect`;
    }
    setText(this.previewCaption, caption);
    this.previewMap.copyFrom(node.map);
    // Beside the node (right, or left when there is no room), in the diagram's coordinates.
    const box = this.element.getBoundingClientRect();
    const r = node.button.getBoundingClientRect();
    const width = 202;
    const right = r.right - box.left + 10;
    const left = right + width > box.width ? r.left - box.left - width - 10 : right;
    this.preview.style.left = `${Math.max(0, left)}px`;
    this.preview.style.top = `${Math.max(0, r.top - box.top + r.height / 2 - 100)}px`;
    this.preview.hidden = false;
  }

  private hidePreview(): void {
    this.previewNode = null;
    this.preview.hidden = true;
  }
}
