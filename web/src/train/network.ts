// The network diagram of the training view, driven by the shape (never hard-coded
// sizes): input features as toggles, every hidden and output unit as a thumbnail of
// its output over the plane, edges coloured and sized by weight or by |dW|, and the
// per-layer gradient norms underneath. Nodes and edges are built once per shape and
// updated in place each frame.
import type { Matrix } from '../engine';
import { h, select, setText } from '../dom';
import { NetworkEdges } from './network-edges';
import { WeightEditor, type WeightHost } from './weight-editor';
import { MapCanvas } from './heatmap';
import { catalog, menus } from '../catalog';
import type { Locale, T } from '../i18n/index';

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
  /** Reading and setting one weight from its edge (weight-editor.ts). */
  weight: WeightHost;
}


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
  private edges: NetworkEdges;
  private editor: WeightEditor;
  private layerCount: HTMLSpanElement;
  private addLayerBtn: HTMLButtonElement;
  private removeLayerBtn: HTMLButtonElement;
  private preview: HTMLDivElement;
  private previewMap: MapCanvas;
  private previewCaption: HTMLParagraphElement;
  private previewNode: Node | null = null;
  private t: T;

  private shape: NetShape | null = null;
  private inputs: Node[] = [];
  /** units[l][j] for layers 1..L (index 0 unused). */
  private units: Node[][] = [];
  private nodeSize = 36;
  mode: 'weights' | 'gradients' = 'weights';
  /** Changes whenever the nodes (and their canvases) are rebuilt. */
  version = 0;
  /** Controls a teacher hid (hide=...). */
  hidden = new Set<string>();

  constructor(
    private grid: number,
    private cb: NetCallbacks,
    loc: Locale,
  ) {
    const t = (this.t = loc.t);
    this.edges = new NetworkEdges(() => this.body, loc);
    const editor = (this.editor = new WeightEditor(cb.weight, loc));
    this.edges.onEdit = (l, i, j, anchor) => editor.open(l, i, j, anchor);
    this.addLayerBtn = h('button', { type: 'button', class: 'bpx-t-small', 'aria-label': t('train.addLayer'), title: t('train.addLayerTitle') }, '+');
    this.removeLayerBtn = h('button', { type: 'button', class: 'bpx-t-small', 'aria-label': t('train.removeLayer'), title: t('train.removeLayerTitle') }, '−');
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
    this.body = h('div', { class: 'bpx-t-net-body' }, this.edges.svg, this.edges.keys, editor.element);
    this.previewMap = new MapCanvas(grid, grid, 'bpx-t-preview-map');
    this.previewCaption = h('p', { class: 'bpx-t-preview-caption' });
    this.preview = h('div', { class: 'bpx-t-preview', hidden: true }, this.previewMap.canvas, this.previewCaption);
    this.element = h(
      'div',
      { class: 'bpx-t-net' },
      top,
      this.heads,
      h('div', { class: 'bpx-t-net-scroll' }, this.body),
      this.edges.normsRow,
      this.edges.gradNote,
      this.preview,
    );
  }

  /** Rebuilds nodes and edges for a new shape (same shape: nothing to do). */
  setShape(shape: NetShape): void {
    if (this.shape && JSON.stringify(this.shape) === JSON.stringify(shape)) return;
    shape = structuredClone(shape); // the caller's arrays change later
    this.shape = shape;
    this.version++;
    this.hidePreview();
    if (this.editor.isOpen) this.editor.close();
    const t = this.t;
    const maxUnits = Math.max(menus.features().length, shape.outUnits, ...shape.hidden);
    this.nodeSize = maxUnits <= 8 ? 36 : maxUnits <= 12 ? 28 : maxUnits <= 24 ? 18 : 12;
    // Nodes.
    for (const n of [...this.inputs, ...this.units.flat()]) n.button.remove();
    this.inputs = menus.features().map(([id, label], unit) => {
      const on = shape.features.includes(id);
      const node = this.makeNode(0, unit, id);
      node.button.setAttribute('aria-label', t('train.feature', { label }));
      node.button.setAttribute('aria-pressed', String(on));
      node.button.title = t(on ? 'train.featureOn' : 'train.featureOff', { label });
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
        const what = l === L ? t('train.outputUnit', { j: j + 1 }) : t('train.neuronOf', { j: j + 1, l });
        node.button.setAttribute('aria-label', t('train.openInspector', { what, act: acts[l - 1] }));
        col.push(node);
      }
      this.units.push(col);
    }
    for (const n of [...this.inputs, ...this.units.flat()]) this.body.append(n.button);
    this.edges.build(shape.features.length, sizes);
    // Layer headers.
    this.heads.replaceChildren();
    for (let k = 0; k < shape.hidden.length; k++) {
      const add = h('button', { type: 'button', class: 'bpx-t-small', 'aria-label': t('train.addNeuron', { l: k + 1 }) }, '+');
      const rem = h('button', { type: 'button', class: 'bpx-t-small', 'aria-label': t('train.removeNeuron', { l: k + 1 }) }, '−');
      add.disabled = shape.hidden[k] >= catalog().limits.maxUnits;
      rem.disabled = shape.hidden[k] <= 1;
      add.addEventListener('click', () => this.cb.addUnit(k));
      rem.addEventListener('click', () => this.cb.removeUnit(k));
      const act = select(
        { 'aria-label': t('train.activationOf', { l: k + 1 }), class: 'bpx-t-act', 'data-ctl': 'activations' },
        menus.hiddenActivations(),
        shape.activations[k],
      );
      act.addEventListener('change', () => this.cb.setActivation(k, act.value));
      const head = h(
        'div',
        { class: 'bpx-t-head' },
        h('div', { class: 'bpx-t-head-buttons', 'data-ctl': 'neurons' }, add, rem),
        h('span', { class: 'bpx-t-head-count' }, t(shape.hidden[k] === 1 ? 'train.neurons1' : 'train.neurons', { n: shape.hidden[k] })),
        act,
        h('span', { class: 'bpx-t-err', role: 'alert', 'data-err': `layer${k + 1}` }),
      );
      this.heads.append(head);
    }
    setText(this.layerCount, t(shape.hidden.length === 1 ? 'train.hiddenLayers1' : 'train.hiddenLayers', { n: shape.hidden.length }));
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
    // Edges as curves from the right side of a node to the left side of the next.
    const used = shape.features.map((f) => menus.features().findIndex(([id]) => id === f));
    const rows = [used, ...this.units.slice(1).map((col) => col.map((_, r) => r))];
    this.edges.route(width, height, rows, colX, N, gap);
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

  /** Colours the edges by weight or by |dW| (the view's mode), and writes the gradient norms. */
  updateEdges(W: Matrix[], dW: Matrix[]): void {
    this.edges.update(W, dW, this.mode);
  }

  /** Flushes every painted map to its canvas (and the open preview). */
  flushMaps(includeInputs = false): void {
    if (includeInputs) for (const n of this.inputs) n.map.flush();
    for (let l = 1; l < this.units.length; l++) for (const n of this.units[l]) n.map.flush();
    if (this.previewNode) this.previewMap.copyFrom(this.previewNode.map);
  }




  private showPreview(node: Node): void {
    this.previewNode = node;
    const shape = this.shape!;
    let caption: string;
    if (node.feature) {
      const label = menus.features().find(([id]) => id === node.feature)?.[1] ?? node.feature;
      caption = this.t('train.previewFeature', { label });
    } else {
      const L = this.units.length - 1;
      const act = node.layer === L ? shape.output : shape.activations[node.layer - 1];
      caption = node.layer === L
        ? this.t('train.previewOutput', { j: node.unit + 1, act })
        : this.t('train.previewNeuron', { l: node.layer, j: node.unit + 1, act });
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
