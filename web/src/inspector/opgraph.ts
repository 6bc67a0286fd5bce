// The operation graph of one neuron (CS231n style): every wire carries its value above and
// its gradient below; inputs, parameters and intermediates are different shapes and colours.
import { englishCatalogue, type Key, type T } from '../i18n/index';
import type { GraphNode, NeuronGraph } from '../engine';
import { fmt } from '../format';
import { catalog } from '../catalog';
import { svgEl, svgText, svgTitle } from '../svg';
import { kindColour, layout, palette } from '../theme';
import { ALL_SHOWN, type Shown } from './phase-view';

const COL_GAP = 138;
const ROW_GAP = 84;
const R = 22;
const MARGIN = 46;

function opSymbol(n: GraphNode): string {
  switch (n.op) {
    case 'mul':
      return '×';
    case 'add':
      return '+';
    case 'neg':
      return '−x';
    case 'exp':
      return 'exp';
    case 'inv':
      return '1/x';
    case 'div':
      return '÷';
    case 'mul_const': {
      const m = n.label.match(/^(-?[\d.]+)/);
      return m ? `×${m[1]}` : '×c';
    }
    case 'add_const': {
      const lead = n.label.match(/^(\d[\d.]*)\s*\+/);
      if (lead) return `+${lead[1]}`;
      const tail = n.label.match(/([+-])\s*(\d[\d.]*)$/);
      return tail ? `${tail[1] === '-' ? '−' : '+'}${tail[2]}` : '+c';
    }
    default:
      if (n.op.startsWith('loss')) return 'L';
      // An activation's gate: its symbol is the engine's (catalogue `symbol`).
      return catalog().activations.find((a) => a.name === n.op)?.symbol ?? n.op;
  }
}

function isLeaf(n: GraphNode): boolean {
  return n.inputs.length === 0;
}

export interface OpGraphOptions {
  digits: number;
  /** Which values and gradients the phase shown has computed (the others are blank). */
  shown?: Shown;
  t: T;
}

/** Lays out and draws the graph into `svg`. */
export function renderOpGraph(svg: SVGSVGElement, g: NeuronGraph, opts: OpGraphOptions): void {
  const nodes = g.nodes;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const consumers = new Map<number, number[]>();
  for (const n of nodes) for (const i of n.inputs) consumers.set(i, [...(consumers.get(i) ?? []), n.id]);

  // Columns: operations by depth; leaves just left of their first consumer.
  const depth = new Map<number, number>();
  const depthOf = (id: number): number => {
    if (depth.has(id)) return depth.get(id)!;
    const n = byId.get(id)!;
    const d = isLeaf(n) ? 0 : 1 + Math.max(...n.inputs.map(depthOf));
    depth.set(id, d);
    return d;
  };
  nodes.forEach((n) => depthOf(n.id));
  const col = new Map<number, number>();
  for (const n of nodes) {
    if (!isLeaf(n)) col.set(n.id, depth.get(n.id)!);
  }
  for (const n of nodes) {
    if (isLeaf(n)) {
      const cs = consumers.get(n.id) ?? [];
      col.set(n.id, cs.length ? Math.max(0, Math.min(...cs.map((c) => col.get(c)!)) - 1) : 0);
    }
  }
  const nCols = Math.max(...col.values()) + 1;

  // Rows: leaves in order within their column; operations at the mean of their inputs;
  // then pushed apart within each column.
  const y = new Map<number, number>();
  const leafSlots = new Map<number, number>();
  for (const n of nodes) {
    if (isLeaf(n)) {
      const c = col.get(n.id)!;
      const k = leafSlots.get(c) ?? 0;
      leafSlots.set(c, k + 1);
      y.set(n.id, k);
    }
  }
  const order = [...nodes].sort((a, b) => depth.get(a.id)! - depth.get(b.id)!);
  for (const n of order) {
    if (!isLeaf(n)) y.set(n.id, n.inputs.reduce((s, i) => s + y.get(i)!, 0) / n.inputs.length);
  }
  for (let c = 0; c < nCols; c++) {
    const inCol = nodes.filter((n) => col.get(n.id) === c).sort((a, b) => y.get(a.id)! - y.get(b.id)! || a.id - b.id);
    for (let k = 1; k < inCol.length; k++) {
      const prev = y.get(inCol[k - 1].id)!;
      if (y.get(inCol[k].id)! < prev + 1) y.set(inCol[k].id, prev + 1);
    }
  }
  const minY = Math.min(...y.values());
  const maxY = Math.max(...y.values());
  const pos = new Map<number, { x: number; y: number }>();
  for (const n of nodes) pos.set(n.id, { x: MARGIN + 30 + col.get(n.id)! * COL_GAP, y: MARGIN + 20 + (y.get(n.id)! - minY) * ROW_GAP });
  const out = byId.get(g.output)!;
  const width = MARGIN * 2 + 30 + (nCols - 1) * COL_GAP + 120;
  const height = MARGIN * 2 + 40 + (maxY - minY) * ROW_GAP;

  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('font-family', layout.fontFamily);
  svgEl('rect', { x: 0, y: 0, width, height, fill: palette.paper }, svg);
  const gW = svgEl('g', {}, svg);
  const gN = svgEl('g', {}, svg);
  const d = opts.digits;
  const fs = 13;
  const shown = opts.shown ?? ALL_SHOWN;
  const valueText = (n: GraphNode) => (shown.value(n.id) ? fmt(n.value, d) : '…');
  const gradText = (n: GraphNode) => (shown.grad(n.id) ? fmt(n.grad, d) : '…');
  const valueData = (n: GraphNode) => (shown.value(n.id) ? String(n.value) : '');
  const gradData = (n: GraphNode) => (shown.grad(n.id) ? String(n.grad) : '');
  const t = opts.t;
  const describe = (n: GraphNode) =>
    `${t('inspector.nodeValue', { value: shown.value(n.id) ? fmt(n.value, 17) : t('inspector.notYet', { when: shown.valueWhen(n.id) }) })}, ` +
    t('inspector.nodeGrad', { value: shown.grad(n.id) ? fmt(n.grad, 17) : t('inspector.notYet', { when: shown.gradWhen(n.id) }) });
  const kindWord = (kind: string) => (`inspector.kind.${kind}` in englishCatalogue() ? t(`inspector.kind.${kind}` as Key) : kind);

  const wire = (from: { x: number; y: number }, to: { x: number; y: number }, n: GraphNode, testid: string) => {
    const line = svgEl('line', { x1: from.x, y1: from.y, x2: to.x, y2: to.y, stroke: palette.neutral, 'stroke-width': 1.6, 'marker-end': 'url(#arrow)' }, gW);
    svgTitle(line, `${n.label}: ${describe(n)}`);
    const mx = (from.x + to.x) / 2;
    const my = (from.y + to.y) / 2;
    svgText(gW, mx, my - 6, valueText(n), { 'text-anchor': 'middle', 'font-size': fs, 'font-weight': 600, fill: palette.valueText, 'data-testid': `${testid}-value`, 'data-value': valueData(n), stroke: palette.paper, 'stroke-width': 3, 'paint-order': 'stroke' });
    svgText(gW, mx, my + 15, gradText(n), { 'text-anchor': 'middle', 'font-size': fs, 'font-weight': 600, fill: palette.gradientText, 'data-testid': `${testid}-grad`, 'data-value': gradData(n), stroke: palette.paper, 'stroke-width': 3, 'paint-order': 'stroke' });
  };

  const defs = svgEl('defs', {}, svg);
  const marker = svgEl('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
  svgEl('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: palette.neutral }, marker);

  for (const n of nodes) {
    const p = pos.get(n.id)!;
    const leaf = isLeaf(n);
    for (const c of consumers.get(n.id) ?? []) {
      const q = pos.get(c)!;
      const from = { x: p.x + (leaf ? 26 : R), y: p.y };
      const to = { x: q.x - R - 2, y: q.y };
      wire(from, to, n, `wire-${n.id}-${c}`);
    }
  }
  // The outgoing wire of the root.
  {
    const p = pos.get(out.id)!;
    wire({ x: p.x + R, y: p.y }, { x: p.x + R + 90, y: p.y }, out, `wire-${out.id}-out`);
  }

  for (const n of nodes) {
    const p = pos.get(n.id)!;
    const gNode = svgEl('g', { 'data-testid': `op-node-${n.id}`, 'data-label': n.label, 'data-value': valueData(n), 'data-grad': gradData(n) }, gN);
    const kind = n.kind === 'target' ? 'input' : n.kind;
    const colour = kindColour(kind);
    if (isLeaf(n)) {
      svgEl('rect', { x: p.x - 26, y: p.y - 15, width: 52, height: 30, rx: 6, fill: kind === 'parameter' ? '#fdf3e1' : '#eaf6fd', stroke: colour, 'stroke-width': 2 }, gNode);
      svgText(gNode, p.x, p.y, n.label, { 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': 13, 'font-style': 'italic', 'font-weight': 600, fill: palette.ink });
    } else {
      const isA = n.id === g.a;
      const isZ = n.id === g.z;
      svgEl('circle', { cx: p.x, cy: p.y, r: R, fill: isA || isZ ? '#eef0f3' : palette.paper, stroke: n.op.startsWith('loss') ? palette.loss : colour, 'stroke-width': isA || isZ ? 2.6 : 2 }, gNode);
      const sym = opSymbol(n);
      svgText(gNode, p.x, p.y, sym, { 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': sym.length > 3 ? 10 : 14, 'font-weight': 700, fill: palette.ink });
      svgText(gNode, p.x, p.y + R + 13, n.label, { 'text-anchor': 'middle', 'font-size': 12, fill: palette.inkMuted, 'font-family': layout.monoFamily });
    }
    svgTitle(gNode, `${n.label} (${kindWord(n.kind)}, ${n.op}): ${describe(n)}`);
  }
}
