// The network diagram (SVG), drawn from a snapshot: inputs, neurons (z, a, dA, dZ), biases,
// weighted edges (coloured and dashed by sign, sized by |W|, dW and old → new), targets and
// the loss. Parameters, inputs (data) and intermediates are drawn as different kinds of
// thing. Labels are placed so that none overlaps another (labels.ts); the nodes are drawn by
// diagram-nodes.ts.
import type { T } from '../i18n/index';
import { fmt } from '../format';
import { svgEl, svgText, svgTitle, textWidth } from '../svg';
import { layout as L0, palette, signColour, signDash } from '../theme';
import { along, computeLayout, isDetailed, type DiagramLayout } from './layout';
import { alongCandidates, drawTag, Placer, tagSize, type TagLine } from './labels';
import { biasLines, drawInputs, drawLossAndTargets, drawNeurons, inputText, targetText } from './diagram-nodes';
import { hasBackward, type Snapshot } from './snapshot';
import { at } from '../engine';

export type EditTarget =
  | { kind: 'W'; layer: number; row: number; col: number }
  | { kind: 'b'; layer: number; row: number }
  | { kind: 'x'; example: number; index: number }
  | { kind: 'y'; example: number; index: number };

export interface DiagramView {
  /** Column of the batch shown at the nodes. */
  column: number;
  /** Index of that example in the data set (for editing inputs and targets). */
  example: number;
  /** Inputs and targets of that example (engine values). */
  x: number[];
  y: number[];
  /** Significant digits in the diagram. */
  digits: number;
}

export interface DiagramHandlers {
  onEdit?: (target: EditTarget, anchor: Element) => void;
  onInspect?: (layer: number, unit: number) => void;
}

export interface DiagramRefs {
  layout: DiagramLayout;
  svg: SVGSVGElement;
  /** Layer for pulses (drawn above edges, below nodes). */
  pulses: SVGGElement;
}

export interface DrawContext {
  snap: Snapshot;
  view: DiagramView;
  lay: DiagramLayout;
  placer: Placer;
  handlers: DiagramHandlers;
  t: T;
  /** Layers of the drawing, bottom to top. */
  gEdges: SVGGElement;
  gNodes: SVGGElement;
  gTags: SVGGElement;
  gHover: SVGGElement;
}

/** Font size of tags and detail lines (the smallest text of a detailed diagram). */
export const TAG_FONT = 12;

function edgeKey(l: number, j: number, i: number) {
  return `${l}:${j}:${i}`;
}

export function makeInteractive(el: SVGElement, label: string, onActivate: () => void) {
  el.setAttribute('role', 'button');
  el.setAttribute('tabindex', '0');
  el.setAttribute('aria-label', label);
  el.setAttribute('class', 'svg-button');
  el.addEventListener('click', (e) => {
    e.stopPropagation();
    onActivate();
  });
  el.addEventListener('keydown', (e) => {
    const k = (e as KeyboardEvent).key;
    if (k === 'Enter' || k === ' ') {
      e.preventDefault();
      e.stopPropagation();
      onActivate();
    }
  });
}


/** The lines of the tag of weight W[l] (j, i). */
function weightLines(snap: Snapshot, l: number, j: number, i: number, d: number): TagLine[] {
  const w = at(snap.W[l], j, i);
  const updated = snap.progress.update && !!snap.before;
  const lines: TagLine[] = [updated && snap.before
    ? { text: `${fmt(at(snap.before.W[l], j, i), d)} → ${fmt(w, d)}`, colour: palette.ink, weight: 600 }
    : { text: `w ${fmt(w, d)}`, colour: palette.ink, weight: 600 }];
  if (hasBackward(snap, l)) lines.push({ text: `dW ${fmt(at(snap.dW[l], j, i), d)}`, colour: palette.gradientText, weight: 600, reveal: `backward-${l}` });
  return lines;
}

export function renderDiagram(
  svg: SVGSVGElement,
  snap: Snapshot,
  view: DiagramView,
  handlers: DiagramHandlers,
  t: T,
): DiagramRefs {
  const d = view.digits;
  const Lyr = snap.L;
  // Label sizes first: the columns leave room for the widest at these Digits.
  let weight = 0;
  let bias = 0;
  // Only a detailed layout makes room for tags: larger ones skip measuring thousands of them.
  for (let l = 1; l <= Lyr && isDetailed(snap.layers); l++) {
    for (let j = 0; j < snap.layers[l]; j++) {
      bias = Math.max(bias, tagSize(biasLines(snap, l, j, d), TAG_FONT).w);
      for (let i = 0; i < snap.layers[l - 1]; i++) weight = Math.max(weight, tagSize(weightLines(snap, l, j, i, d), TAG_FONT).w);
    }
  }
  const input = Math.max(0, ...view.x.map((v) => textWidth(inputText(v, d), 13, 600) + 14));
  const target = Math.max(68, ...view.y.map((v, k) => textWidth(targetText(snap, k, v, d), 13, 600) + 16));
  const lay = computeLayout(snap.layers, { weight, bias, input, target });
  const { pos } = lay;
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${lay.width} ${lay.height}`);
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('font-family', L0.fontFamily);
  svgEl('rect', { x: 0, y: 0, width: lay.width, height: lay.height, fill: palette.paper }, svg);

  const gHeads = svgEl('g', {}, svg);
  const gEdges = svgEl('g', { 'data-layer': 'edges' }, svg);
  const gPulses = svgEl('g', { 'data-layer': 'pulses' }, svg);
  const gNodes = svgEl('g', { 'data-layer': 'nodes' }, svg);
  const gTags = svgEl('g', { 'data-layer': 'tags' }, svg);
  const gHover = svgEl('g', { 'data-layer': 'hover', 'pointer-events': 'none' }, svg);
  const placer = new Placer();
  const ctx: DrawContext = { snap, view, lay, placer, handlers, t, gEdges, gNodes, gTags, gHover };

  // Column headings: layer, activation, size.
  const heading = (x: number, y: number, text: string, size: number, bold: boolean) => {
    svgText(gHeads, x, y, text, { 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': size, 'font-weight': bold ? 700 : 400, fill: bold ? palette.ink : palette.inkMuted, 'data-label-box': 'heading' });
    const w = textWidth(text, size, bold ? 700 : 400);
    placer.fixed({ x: x - w / 2, y: y - size * 0.7, w, h: size * 1.4 });
  };
  for (let l = 0; l <= Lyr; l++) {
    const x = pos[l][0].x;
    heading(x, 22, l === 0 ? t('diagram.input') : l === Lyr ? t('diagram.output', { l }) : t('diagram.layer', { l }), 14, true);
    const n = snap.layers[l];
    heading(x, 40, l === 0 ? t(n > 1 ? 'diagram.features' : 'diagram.features1', { n }) : t(n > 1 ? 'diagram.units' : 'diagram.units1', { act: snap.activations[l - 1], n }), 12, false);
  }
  heading(lay.targets[0].x, 22, t('diagram.target'), 14, true);
  heading(lay.loss.x, 22, t('diagram.loss'), 14, true);
  heading(lay.loss.x, 40, snap.loss, 12, false);

  // Nodes first (fixed boxes), then the bias tags above them, then the weight tags.
  drawInputs(ctx);
  drawNeurons(ctx);
  drawLossAndTargets(ctx);
  drawEdges(ctx);
  return { layout: lay, svg, pulses: gPulses };
}

function drawEdges(ctx: DrawContext): void {
  const { snap, lay, placer, handlers, gEdges, gTags, gHover, view, t } = ctx;
  const { pos } = lay;
  const d = view.digits;
  let edgeCount = 0;
  for (let l = 1; l < snap.layers.length; l++) edgeCount += snap.layers[l] * snap.layers[l - 1];
  const hoverable = edgeCount <= 2500;
  const updated = snap.progress.update && !!snap.before;
  for (let l = 1; l <= snap.L; l++) {
    const W = snap.W[l];
    let maxAbs = 0;
    for (const v of W.data) maxAbs = Math.max(maxAbs, Math.abs(v));
    const back = hasBackward(snap, l);
    const gLayer = svgEl('g', { 'data-edges': l }, gEdges);
    if (!lay.labelLayer[l] && !hoverable) {
      drawEdgeBundles(gLayer, snap, l, pos, maxAbs);
      continue;
    }
    for (let j = 0; j < snap.layers[l]; j++) {
      for (let i = 0; i < snap.layers[l - 1]; i++) {
        const w = at(W, j, i);
        const a = pos[l - 1][i];
        const b = pos[l][j];
        const width = edgeWidth(w, maxAbs);
        const line = svgEl('line', {
          x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: signColour(w), 'stroke-width': width.toFixed(2),
          'stroke-opacity': 0.75, 'stroke-dasharray': signDash(w), 'data-edge': edgeKey(l, j, i),
        }, gLayer);
        const wLabel = t('diagram.weightName', { l, row: j + 1, col: i + 1 });
        const parts = [`${wLabel} = ${fmt(w, 17)}`];
        if (back) parts.push(`dW = ${fmt(at(snap.dW[l], j, i), 17)}`);
        if (updated && snap.before) parts.unshift(t('diagram.beforeUpdate', { value: fmt(at(snap.before.W[l], j, i), 17) }));
        svgTitle(line, parts.join('; '));
        const lines = weightLines(snap, l, j, i, d);
        if (!lay.labelLayer[l]) {
          // Many edges: the label appears while the pointer is on the edge, or on a tap.
          const hit = svgEl('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: 'transparent', 'stroke-width': 9, 'pointer-events': 'stroke', 'data-hit': edgeKey(l, j, i) }, gLayer);
          svgTitle(hit, parts.join('; '));
          const show = () => {
            gHover.replaceChildren();
            drawTag(gHover, along(a, b, 0.5), [{ text: `W[${l}] ${j + 1},${i + 1}`, colour: palette.inkMuted }, ...lines.map((x) => ({ ...x, reveal: undefined }))], palette.parameter, TAG_FONT);
            line.setAttribute('stroke-opacity', '1');
          };
          hit.addEventListener('pointerenter', show);
          hit.addEventListener('pointerleave', () => {
            gHover.replaceChildren();
            line.setAttribute('stroke-opacity', '0.75');
          });
          hit.style.cursor = 'pointer';
          hit.addEventListener('click', () => {
            show();
            handlers.onEdit?.({ kind: 'W', layer: l, row: j, col: i }, hit);
          });
          continue;
        }
        const { w: tw, h: th } = tagSize(lines, TAG_FONT);
        const c = placer.place(alongCandidates(a, b, lay.edgeLabelAt, th), tw, th);
        const tag = drawTag(gTags, c, lines, palette.parameter, TAG_FONT, { 'data-tag': `W:${l}:${j}:${i}`, ...(updated ? { 'data-ring': 'update' } : {}) } as Record<string, string>);
        if (handlers.onEdit) {
          // The name carries the tag's visible text (for speech input and screen readers alike).
          makeInteractive(tag, t('diagram.editWeight', { name: wLabel, text: lines.map((x) => x.text).join(' ') }), () =>
            handlers.onEdit!({ kind: 'W', layer: l, row: j, col: i }, tag));
        }
      }
    }
  }
  // Output → target → loss connectors.
  const half = lay.targetWidth / 2;
  for (let k = 0; k < snap.layers[snap.L]; k++) {
    const o = pos[snap.L][k];
    const t = lay.targets[k];
    svgEl('line', { x1: o.x + lay.radius, y1: o.y, x2: t.x - half, y2: t.y, stroke: palette.neutral, 'stroke-width': 1.5, 'stroke-dasharray': '4 3', 'data-edge': `out:${k}` }, gEdges);
    svgEl('line', { x1: t.x + half, y1: t.y, x2: lay.loss.x - lay.radius, y2: lay.loss.y, stroke: palette.neutral, 'stroke-width': 1.5, 'data-edge': `loss:${k}` }, gEdges);
  }
}

/** An edge's stroke width: its weight's size against the layer's largest. */
function edgeWidth(w: number, maxAbs: number): number {
  return L0.edgeMinWidth + (L0.edgeMaxWidth - L0.edgeMinWidth) * (maxAbs > 0 ? Math.abs(w) / maxAbs : 0);
}

/** Steps of the stroke width when edges share one path (px). */
const BUNDLE_WIDTH_STEP = 0.5;

/**
 * Too many edges to point at one (no label, no hover): one <path> per colour, dash and width
 * step instead of a <line> each. Tens of thousands of lines (each with a tooltip) made every
 * phase of the largest network take about a second of SVG layout; the inspector shows a
 * unit's weights. data-count says how many edges a path draws.
 */
function drawEdgeBundles(g: SVGGElement, snap: Snapshot, l: number, pos: DiagramLayout['pos'], maxAbs: number): void {
  const W = snap.W[l];
  const bundles = new Map<string, { stroke: string; dash: string | null; width: number; d: string[] }>();
  for (let j = 0; j < snap.layers[l]; j++) {
    for (let i = 0; i < snap.layers[l - 1]; i++) {
      const w = at(W, j, i);
      const width = Math.round(edgeWidth(w, maxAbs) / BUNDLE_WIDTH_STEP) * BUNDLE_WIDTH_STEP;
      const stroke = signColour(w);
      const dash = signDash(w);
      const key = `${stroke}|${dash}|${width}`;
      let b = bundles.get(key);
      if (!b) bundles.set(key, (b = { stroke, dash, width, d: [] }));
      const a = pos[l - 1][i];
      const c = pos[l][j];
      b.d.push(`M${a.x.toFixed(1)} ${a.y.toFixed(1)}L${c.x.toFixed(1)} ${c.y.toFixed(1)}`);
    }
  }
  for (const b of bundles.values()) {
    svgEl('path', {
      d: b.d.join(''), fill: 'none', stroke: b.stroke, 'stroke-width': b.width.toFixed(2), 'stroke-opacity': 0.75,
      'stroke-dasharray': b.dash, 'data-edge-bundle': l, 'data-count': b.d.length,
    }, g);
  }
}
