// The network diagram (SVG), drawn from a snapshot: inputs, neurons (z, a, dA, dZ), biases,
// weighted edges (coloured by sign, sized by |W|, dW and old → new), targets and the loss.
// Parameters, inputs (data) and intermediates are drawn as different kinds of thing.
import { fmt } from '../format';
import { svgEl, svgText, svgTitle, textWidth } from '../svg';
import { divergingColour, kindColour, layout as L0, palette, signColour } from '../theme';
import { along, computeLayout, type DiagramLayout, type NodePos } from './layout';
import { hasBackward, hasDA, hasForward, type Snapshot } from './snapshot';
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

const FONT = L0.fontFamily;

function edgeKey(l: number, j: number, i: number) {
  return `${l}:${j}:${i}`;
}

/** A rounded tag with one or two lines of text; returns its group. */
function tag(
  parent: Element,
  c: NodePos,
  lines: { text: string; colour: string; weight?: number }[],
  border: string,
  fontSize: number,
  attrs: Record<string, string> = {},
): SVGGElement {
  const g = svgEl('g', attrs, parent);
  const w = Math.max(...lines.map((l) => textWidth(l.text, fontSize))) + 10;
  const lh = fontSize + 3;
  const h = lines.length * lh + 5;
  svgEl('rect', {
    x: c.x - w / 2, y: c.y - h / 2, width: w, height: h, rx: 4,
    fill: palette.paper, stroke: border, 'stroke-width': 1.2,
  }, g);
  lines.forEach((line, k) => {
    svgText(g, c.x, c.y - h / 2 + 3 + lh * (k + 0.5), line.text, {
      'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': fontSize,
      'font-family': FONT, fill: line.colour, 'font-weight': line.weight ?? 500,
    });
  });
  return g;
}

function makeInteractive(el: SVGElement, label: string, onActivate: () => void) {
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

export function renderDiagram(
  svg: SVGSVGElement,
  snap: Snapshot,
  view: DiagramView,
  handlers: DiagramHandlers = {},
): DiagramRefs {
  const lay = computeLayout(snap.layers);
  const { pos, radius, fontSize: fs } = lay;
  const d = view.digits;
  const col = view.column;
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${lay.width} ${lay.height}`);
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('font-family', FONT);
  svgEl('rect', { x: 0, y: 0, width: lay.width, height: lay.height, fill: palette.paper }, svg);

  const gHeads = svgEl('g', {}, svg);
  const gEdges = svgEl('g', { 'data-layer': 'edges' }, svg);
  const gPulses = svgEl('g', { 'data-layer': 'pulses' }, svg);
  const gNodes = svgEl('g', { 'data-layer': 'nodes' }, svg);
  const gTags = svgEl('g', { 'data-layer': 'tags' }, svg);
  const gHover = svgEl('g', { 'data-layer': 'hover', 'pointer-events': 'none' }, svg);
  let edgeCount = 0;
  for (let l = 1; l < snap.layers.length; l++) edgeCount += snap.layers[l] * snap.layers[l - 1];
  const hoverable = edgeCount <= 2500;

  const Lyr = snap.L;
  const updated = snap.progress.update && !!snap.before;

  // Column headings: layer, activation, size.
  for (let l = 0; l <= Lyr; l++) {
    const x = pos[l][0].x;
    const name = l === 0 ? 'Input' : l === Lyr ? `Output (layer ${l})` : `Layer ${l}`;
    const sub = l === 0 ? `${snap.layers[0]} feature${snap.layers[0] > 1 ? 's' : ''}` : `${snap.activations[l - 1]} · ${snap.layers[l]} unit${snap.layers[l] > 1 ? 's' : ''}`;
    svgText(gHeads, x, 24, name, { 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 700, fill: palette.ink });
    svgText(gHeads, x, 42, sub, { 'text-anchor': 'middle', 'font-size': 12, fill: palette.inkMuted });
  }
  svgText(gHeads, lay.targets[0].x, 24, 'Target', { 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 700, fill: palette.ink });
  svgText(gHeads, lay.loss.x, 24, 'Loss', { 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 700, fill: palette.ink });
  svgText(gHeads, lay.loss.x, 42, snap.loss, { 'text-anchor': 'middle', 'font-size': 12, fill: palette.inkMuted });

  // Edges.
  for (let l = 1; l <= Lyr; l++) {
    const W = snap.W[l];
    let maxAbs = 0;
    for (const v of W.data) maxAbs = Math.max(maxAbs, Math.abs(v));
    const back = hasBackward(snap, l);
    const gLayer = svgEl('g', { 'data-edges': l }, gEdges);
    for (let j = 0; j < snap.layers[l]; j++) {
      for (let i = 0; i < snap.layers[l - 1]; i++) {
        const w = at(W, j, i);
        const a = pos[l - 1][i];
        const b = pos[l][j];
        const width = L0.edgeMinWidth + (L0.edgeMaxWidth - L0.edgeMinWidth) * (maxAbs > 0 ? Math.abs(w) / maxAbs : 0);
        const line = svgEl('line', {
          x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: signColour(w), 'stroke-width': width.toFixed(2),
          'stroke-opacity': 0.75, 'stroke-linecap': 'round', 'data-edge': edgeKey(l, j, i),
        }, gLayer);
        const wLabel = `W[${l}] row ${j + 1}, column ${i + 1}`;
        const parts = [`${wLabel} = ${fmt(w, 17)}`];
        if (back) parts.push(`dW = ${fmt(at(snap.dW[l], j, i), 17)}`);
        if (updated && snap.before) parts.unshift(`before the update: ${fmt(at(snap.before.W[l], j, i), 17)}`);
        svgTitle(line, parts.join('; '));
        const c = along(a, b, lay.edgeLabelAt);
        const lines: { text: string; colour: string; weight?: number }[] = [];
        if (updated && snap.before) {
          lines.push({ text: `${fmt(at(snap.before.W[l], j, i), d)} → ${fmt(w, d)}`, colour: palette.ink, weight: 600 });
        } else {
          lines.push({ text: `w ${fmt(w, d)}`, colour: palette.ink, weight: 600 });
        }
        if (back) lines.push({ text: `dW ${fmt(at(snap.dW[l], j, i), d)}`, colour: palette.gradient, weight: 600 });
        if (!lay.labelLayer[l]) {
          // Many edges: the label appears while the pointer is on the edge.
          if (hoverable) {
            const hit = svgEl('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: 'transparent', 'stroke-width': 9, 'pointer-events': 'stroke', 'data-hit': edgeKey(l, j, i) }, gLayer);
            svgTitle(hit, parts.join('; '));
            const mid = along(a, b, 0.5);
            hit.addEventListener('pointerenter', () => {
              gHover.replaceChildren();
              tag(gHover, mid, [{ text: `W[${l}] ${j + 1},${i + 1}`, colour: palette.inkMuted }, ...lines], palette.parameter, fs);
              line.setAttribute('stroke-opacity', '1');
            });
            if (handlers.onEdit) {
              hit.style.cursor = 'pointer';
              hit.addEventListener('click', () => handlers.onEdit!({ kind: 'W', layer: l, row: j, col: i }, hit));
            }
            hit.addEventListener('pointerleave', () => {
              gHover.replaceChildren();
              line.setAttribute('stroke-opacity', '0.75');
            });
          }
          continue;
        }
        const t = tag(gTags, c, lines, palette.parameter, fs - 1, {
          'data-tag': `W:${l}:${j}:${i}`,
          'data-reveal': updated ? 'update' : back ? `backward-${l}` : '',
        });
        if (handlers.onEdit) {
          makeInteractive(t, `Edit weight ${wLabel}, now ${fmt(w, 17)}`, () =>
            handlers.onEdit!({ kind: 'W', layer: l, row: j, col: i }, t));
        }
      }
    }
  }

  // Output → target → loss connectors.
  for (let k = 0; k < snap.layers[Lyr]; k++) {
    const o = pos[Lyr][k];
    const t = lay.targets[k];
    svgEl('line', { x1: o.x + radius, y1: o.y, x2: t.x - 34, y2: t.y, stroke: palette.neutral, 'stroke-width': 1.5, 'stroke-dasharray': '4 3', 'data-edge': `out:${k}` }, gEdges);
    svgEl('line', { x1: t.x + 34, y1: t.y, x2: lay.loss.x - radius, y2: lay.loss.y, stroke: palette.neutral, 'stroke-width': 1.5, 'data-edge': `loss:${k}` }, gEdges);
  }

  // Input nodes.
  const haveX = view.x.length === snap.layers[0];
  for (let i = 0; i < snap.layers[0]; i++) {
    const p = pos[0][i];
    const r = lay.inputRadius;
    const g = svgEl('g', { 'data-node': `0:${i}` }, gNodes);
    const box = svgEl('rect', { x: p.x - r * 1.3, y: p.y - r, width: r * 2.6, height: r * 2, rx: 6, fill: '#eaf6fd', stroke: kindColour('input'), 'stroke-width': 2 }, g);
    const xv = haveX ? view.x[i] : null;
    svgText(g, p.x, p.y, fmt(xv, d), { 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': fs, 'font-weight': 600, fill: palette.ink });
    svgText(g, p.x - r * 1.3 - 6, p.y, `x${i + 1}`, { 'text-anchor': 'end', 'dominant-baseline': 'central', 'font-size': fs, 'font-style': 'italic', fill: palette.inkMuted });
    svgTitle(box, `Input x${i + 1} (data) = ${fmt(xv, 17)}`);
    if (handlers.onEdit && haveX && lay.detailed) {
      makeInteractive(g, `Edit input x${i + 1} of example ${view.example + 1}, now ${fmt(xv, 17)}`, () =>
        handlers.onEdit!({ kind: 'x', example: view.example, index: i }, g));
    }
  }

  // Neurons with biases and their values.
  for (let l = 1; l <= Lyr; l++) {
    const fwd = hasForward(snap, l);
    const back = hasBackward(snap, l);
    const da = hasDA(snap, l);
    for (let j = 0; j < snap.layers[l]; j++) {
      const p = pos[l][j];
      const g = svgEl('g', { 'data-node': `${l}:${j}` }, gNodes);
      const a = fwd ? at(snap.A[l], j, col) : null;
      const fill = a === null ? palette.paper : divergingColour(a, 1);
      const circle = svgEl('circle', { cx: p.x, cy: p.y, r: radius, fill, stroke: palette.intermediate, 'stroke-width': 2, 'data-reveal-fill': `forward-${l}` }, g);
      const valueGroup = svgEl('g', { 'data-reveal': `forward-${l}` }, g);
      const dark = a !== null && Math.abs(a) > 0.55;
      if (lay.detailed || a !== null) {
        svgText(valueGroup, p.x, p.y, a === null ? '' : fmt(a, Math.min(d, lay.detailed ? 4 : 2)), {
          'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': lay.detailed ? fs : fs * 0.85,
          'font-weight': 700, fill: dark ? '#ffffff' : palette.ink,
        });
      }
      const unitName = `unit ${j + 1} of layer ${l}`;
      svgTitle(circle, [
        `Neuron ${unitName} (${snap.activations[l - 1]})`,
        fwd ? `z = ${fmt(at(snap.Z[l], j, col), 17)}, a = ${fmt(a, 17)}` : 'not computed yet in this step',
        da ? `dA = ${fmt(at(snap.dA[l], j, col), 17)}` : '',
        back ? `dZ = ${fmt(at(snap.dZ[l], j, col), 17)}` : '',
        'Click to inspect its operation graph',
      ].filter(Boolean).join('\n'));
      if (handlers.onInspect) {
        makeInteractive(circle, `Inspect neuron ${unitName}`, () => handlers.onInspect!(l, j));
      }
      if (l === Lyr) {
        svgText(g, p.x + radius + 6, p.y - radius + 2, snap.layers[l] > 1 ? `ŷ${j + 1}` : 'ŷ', {
          'font-size': fs, 'font-style': 'italic', fill: palette.inkMuted,
        });
      }
      if (!lay.detailed) {
        // Large networks: the bias is a small parameter mark above the node (value on hover).
        const size = Math.max(3, radius * 0.7);
        const mark = svgEl('rect', { x: p.x - size / 2, y: p.y - radius - size - 2, width: size, height: size, fill: palette.parameter, 'data-bias': `${l}:${j}` }, gTags);
        svgTitle(mark, `Bias b[${l}] of ${unitName} = ${fmt(at(snap.b[l], j), 17)}` +
          (back ? `; db = ${fmt(at(snap.db[l], j), 17)}` : '') +
          (updated && snap.before ? `; before the update ${fmt(at(snap.before.b[l], j), 17)}` : ''));
        continue;
      }
      // Details below the node: z (forward), dA and dZ (backward).
      const lines: { text: string; colour: string; reveal: string }[] = [];
      if (fwd) lines.push({ text: `z ${fmt(at(snap.Z[l], j, col), d)}`, colour: palette.inkMuted, reveal: `forward-${l}` });
      if (da) lines.push({ text: `dA ${fmt(at(snap.dA[l], j, col), d)}`, colour: palette.gradient, reveal: l === Lyr ? 'loss' : `backward-${l + 1}` });
      if (back) lines.push({ text: `dZ ${fmt(at(snap.dZ[l], j, col), d)}`, colour: palette.gradient, reveal: `backward-${l}` });
      lines.forEach((line, k) => {
        svgText(g, p.x, p.y + radius + 15 + k * (fs + 3), line.text, {
          'text-anchor': 'middle', 'font-size': fs - 1, 'font-weight': 600, fill: line.colour,
          'data-reveal': line.reveal,
        });
      });
      // The bias: a parameter, drawn as a tag above the node.
      const bp = { x: p.x - 14, y: p.y - radius - 24 };
      const bv = at(snap.b[l], j);
      svgEl('line', { x1: p.x, y1: bp.y + 9, x2: p.x, y2: p.y - radius, stroke: palette.parameter, 'stroke-width': 1.5, 'stroke-dasharray': '3 2' }, gEdges);
      const bLines: { text: string; colour: string; weight?: number }[] = [];
      if (updated && snap.before) bLines.push({ text: `b ${fmt(at(snap.before.b[l], j), d)} → ${fmt(bv, d)}`, colour: palette.ink, weight: 600 });
      else bLines.push({ text: `b ${fmt(bv, d)}`, colour: palette.ink, weight: 600 });
      if (back) bLines.push({ text: `db ${fmt(at(snap.db[l], j), d)}`, colour: palette.gradient, weight: 600 });
      const bt = tag(gTags, { x: bp.x, y: bp.y - (bLines.length - 1) * 8 }, bLines, palette.parameter, fs - 1, {
        'data-tag': `b:${l}:${j}`,
        'data-reveal': updated ? 'update' : back ? `backward-${l}` : '',
      });
      if (handlers.onEdit) {
        makeInteractive(bt, `Edit bias b[${l}] of ${unitName}, now ${fmt(bv, 17)}`, () =>
          handlers.onEdit!({ kind: 'b', layer: l, row: j }, bt));
      }
    }
  }

  // Targets (data) and the loss.
  for (let k = 0; k < snap.layers[Lyr]; k++) {
    const t = lay.targets[k];
    const g = svgEl('g', { 'data-node': `y:${k}` }, gNodes);
    const yv = view.y.length > k ? view.y[k] : null;
    const label = `${snap.layers[Lyr] > 1 ? `y${k + 1}` : 'y'} = ${fmt(yv, d)}`;
    svgEl('rect', { x: t.x - 34, y: t.y - 14, width: 68, height: 28, rx: 6, fill: '#eaf6fd', stroke: kindColour('input'), 'stroke-width': 2 }, g);
    svgText(g, t.x, t.y, label, { 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': Math.min(fs, 13), 'font-weight': 600, fill: palette.ink });
    if (handlers.onEdit && yv !== null && lay.detailed) {
      makeInteractive(g, `Edit target y${k + 1} of example ${view.example + 1}, now ${fmt(yv, 17)}`, () =>
        handlers.onEdit!({ kind: 'y', example: view.example, index: k }, g));
    }
  }
  {
    const p = lay.loss;
    const g = svgEl('g', { 'data-node': 'loss' }, gNodes);
    const lossValue = snap.progress.loss ? snap.state.loss : null;
    svgEl('circle', { cx: p.x, cy: p.y, r: radius + 4, fill: '#fdf0e6', stroke: palette.loss, 'stroke-width': 2.5 }, g);
    svgText(g, p.x, p.y - 8, 'L', { 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': fs, 'font-style': 'italic', 'font-weight': 700, fill: palette.loss });
    svgText(g, p.x, p.y + 9, lossValue === null ? '' : fmt(lossValue, Math.min(d, 4)), {
      'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': fs - 1, 'font-weight': 600, fill: palette.ink, 'data-reveal': 'loss',
    });
    svgTitle(g, lossValue === null ? 'Loss: not computed yet in this step' : `Loss (batch mean) = ${fmt(lossValue, 17)}`);
  }

  return { layout: lay, svg, pulses: gPulses };
}
