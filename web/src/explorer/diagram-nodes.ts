// The nodes of the network diagram: inputs (data), neurons with their value, detail lines
// (z, a, dA, dZ) and bias tag, targets (data) and the loss. Each registers its boxes with the
// placer so that no label overlaps another. The whole neuron (ring and number) opens the
// inspector.
import { at } from '../engine';
import { fmt } from '../format';
import { svgEl, svgText, svgTitle, textWidth } from '../svg';
import { divergingColour, kindColour, palette } from '../theme';
import { makeInteractive, TAG_FONT, type DrawContext } from './diagram';
import { aboveCandidates, drawTag, tagSize, type TagLine } from './labels';
import { hasBackward, hasDA, hasForward, type Snapshot } from './snapshot';

/** Digits inside a neuron's circle; the detail line "a …" carries more when Digits asks. */
const CIRCLE_DIGITS = 3;
const MIN_FONT = 11;

export function inputText(v: number | null, d: number): string {
  return fmt(v, d);
}

export function targetText(s: Snapshot, k: number, v: number | null, d: number): string {
  return `${s.layers[s.L] > 1 ? `y${k + 1}` : 'y'} = ${fmt(v, d)}`;
}

export function biasLines(s: Snapshot, l: number, j: number, d: number): TagLine[] {
  const bv = at(s.b[l], j);
  const lines: TagLine[] = [s.progress.update && s.before
    ? { text: `b ${fmt(at(s.before.b[l], j), d)} → ${fmt(bv, d)}`, colour: palette.ink, weight: 600 }
    : { text: `b ${fmt(bv, d)}`, colour: palette.ink, weight: 600 }];
  if (hasBackward(s, l)) lines.push({ text: `db ${fmt(at(s.db[l], j), d)}`, colour: palette.gradientText, weight: 600, reveal: `backward-${l}` });
  return lines;
}

export function drawInputs(ctx: DrawContext): void {
  const { snap, view, lay, placer, handlers, gNodes } = ctx;
  const d = view.digits;
  const fs = lay.fontSize;
  const haveX = view.x.length === snap.layers[0];
  for (let i = 0; i < snap.layers[0]; i++) {
    const p = lay.pos[0][i];
    const r = lay.inputRadius;
    const w = Math.max(r * 2.6, lay.inputWidth);
    const g = svgEl('g', { 'data-node': `0:${i}`, 'data-label-box': 'input' }, gNodes);
    const box = svgEl('rect', { x: p.x - w / 2, y: p.y - r, width: w, height: r * 2, rx: 6, fill: palette.dataFill, stroke: kindColour('input'), 'stroke-width': 2 }, g);
    const xv = haveX ? view.x[i] : null;
    svgText(g, p.x, p.y, inputText(xv, d), { 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': Math.max(fs, MIN_FONT), 'font-weight': 600, fill: palette.ink });
    const name = `x${i + 1}`;
    // The name sits beside the button (outside it), so the button's visible text is its value.
    svgText(gNodes, p.x - w / 2 - 6, p.y, name, { 'text-anchor': 'end', 'dominant-baseline': 'central', 'font-size': Math.max(fs, MIN_FONT), 'font-style': 'italic', fill: palette.inkMuted, 'data-label-box': 'input-name' });
    const nameW = textWidth(name, Math.max(fs, MIN_FONT));
    placer.fixed({ x: p.x - w / 2 - 6 - nameW, y: p.y - r, w: w + 6 + nameW, h: r * 2 });
    svgTitle(box, ctx.t('diagram.inputTitle', { name: `x${i + 1}`, value: fmt(xv, 17) }));
    if (handlers.onEdit && haveX && lay.detailed) {
      makeInteractive(g, ctx.t('diagram.editInput', { name: `x${i + 1}`, example: view.example + 1, value: fmt(xv, 17) }), () =>
        handlers.onEdit!({ kind: 'x', example: view.example, index: i }, g));
    }
  }
}

export function drawNeurons(ctx: DrawContext): void {
  const { snap, view, lay, placer, handlers, gNodes, gTags, gEdges, t } = ctx;
  const d = view.digits;
  const col = view.column;
  const { radius, fontSize: fs } = lay;
  const Lyr = snap.L;
  const tags: (() => void)[] = [];
  for (let l = 1; l <= Lyr; l++) {
    const fwd = hasForward(snap, l);
    const back = hasBackward(snap, l);
    const da = hasDA(snap, l);
    for (let j = 0; j < snap.layers[l]; j++) {
      const p = lay.pos[l][j];
      const g = svgEl('g', { 'data-node': `${l}:${j}` }, gNodes);
      const a = fwd ? at(snap.A[l], j, col) : null;
      const fill = a === null ? palette.paper : divergingColour(a, 1);
      svgEl('circle', { cx: p.x, cy: p.y, r: radius, fill, stroke: palette.intermediate, 'stroke-width': 2, 'data-reveal-fill': `forward-${l}`, 'data-label-box': 'node' }, g);
      placer.fixed({ x: p.x - radius, y: p.y - radius, w: 2 * radius, h: 2 * radius });
      const valueGroup = svgEl('g', { 'data-reveal': `forward-${l}` }, g);
      if (a !== null) {
        // The number fits inside the ring: fewer digits, then a smaller font (not under 11 px).
        const text = fmt(a, Math.min(d, lay.detailed ? CIRCLE_DIGITS : 2));
        const base = lay.detailed ? fs : fs * 0.85;
        const width = textWidth(text, base, 700);
        const size = Math.max(Math.min(base, MIN_FONT), Math.min(base, (base * (2 * radius - 8)) / width));
        svgText(valueGroup, p.x, p.y, text, {
          'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': size.toFixed(1),
          'font-weight': 700, fill: palette.ink, 'data-testid': 'neuron-value',
        });
      }
      const unitName = t('diagram.unitName', { j: j + 1, l });
      svgTitle(g, [
        t('diagram.neuron', { unit: unitName, act: snap.activations[l - 1] }),
        fwd ? `z = ${fmt(at(snap.Z[l], j, col), 17)}, a = ${fmt(a, 17)}` : t('diagram.notYet'),
        da ? `dA = ${fmt(at(snap.dA[l], j, col), 17)}` : '',
        back ? `dZ = ${fmt(at(snap.dZ[l], j, col), 17)}` : '',
        t('diagram.clickToInspect'),
      ].filter(Boolean).join('\n'));
      if (handlers.onInspect) makeInteractive(g, t('diagram.inspect', { unit: unitName }), () => handlers.onInspect!(l, j));
      // The button's name ends with the value it shows.
      const nameWithText = () => {
        const shown = [...g.querySelectorAll('text')].map((t) => t.textContent).filter(Boolean);
        if (handlers.onInspect && shown.length) g.setAttribute('aria-label', t('diagram.inspectWith', { unit: unitName, shown: shown.join(' ') }));
      };
      if (l === Lyr) {
        const name = snap.layers[l] > 1 ? `ŷ${j + 1}` : 'ŷ';
        const size = Math.max(fs, MIN_FONT);
        svgText(gNodes, p.x + radius + 6, p.y - radius + 2, name, { 'font-size': size, 'font-style': 'italic', fill: palette.inkMuted, 'data-label-box': 'yhat' });
        placer.fixed({ x: p.x + radius + 6, y: p.y - radius + 2 - size, w: textWidth(name, size) + 2, h: size * 1.3 });
      }
      if (!lay.detailed) {
        nameWithText();
        // Large networks: the bias is a small parameter mark above the node (value on hover or tap).
        const size = Math.max(3, radius * 0.7);
        const mark = svgEl('rect', { x: p.x - size / 2, y: p.y - radius - size - 2, width: size, height: size, fill: palette.parameter, 'data-bias': `${l}:${j}` }, gTags);
        svgTitle(mark, t('diagram.biasTitle', { l, unit: unitName, value: fmt(at(snap.b[l], j), 17) }) +
          (back ? `; db = ${fmt(at(snap.db[l], j), 17)}` : '') +
          (snap.progress.update && snap.before ? t('diagram.biasBefore', { value: fmt(at(snap.before.b[l], j), 17) }) : ''));
        if (handlers.onEdit) {
          mark.style.cursor = 'pointer';
          mark.addEventListener('click', () => handlers.onEdit!({ kind: 'b', layer: l, row: j }, mark));
        }
        continue;
      }
      // Details below the node: z and a (forward), dA and dZ (backward).
      const lines: TagLine[] = [];
      if (fwd) lines.push({ text: `z ${fmt(at(snap.Z[l], j, col), d)}`, colour: palette.inkMuted, reveal: `forward-${l}` });
      if (fwd && d > CIRCLE_DIGITS) lines.push({ text: `a ${fmt(a, d)}`, colour: palette.inkMuted, reveal: `forward-${l}` });
      if (da) lines.push({ text: `dA ${fmt(at(snap.dA[l], j, col), d)}`, colour: palette.gradientText, reveal: l === Lyr ? 'loss' : `backward-${l + 1}` });
      if (back) lines.push({ text: `dZ ${fmt(at(snap.dZ[l], j, col), d)}`, colour: palette.gradientText, reveal: `backward-${l}` });
      if (lines.length) {
        // Beside the button, not in it: its visible text is the value its name ends with.
        const block = svgEl('g', { 'data-label-box': 'details', 'data-for-node': `${l}:${j}` }, gNodes);
        const lh = TAG_FONT + 3;
        const top = p.y + radius + 5;
        lines.forEach((line, k) => {
          svgText(block, p.x, top + lh * (k + 0.5), line.text, {
            'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': TAG_FONT, 'font-weight': 600, fill: line.colour,
            'data-reveal': line.reveal,
          });
        });
        const w = Math.max(...lines.map((x) => textWidth(x.text, TAG_FONT, 600)));
        placer.fixed({ x: p.x - w / 2, y: top, w, h: lines.length * lh });
      }
      nameWithText();
      // The bias, a parameter: a tag above the node, placed once every node is in.
      tags.push(() => {
        const bLines = biasLines(snap, l, j, d);
        const { w, h } = tagSize(bLines, TAG_FONT);
        const c = placer.place(aboveCandidates(p, radius, w, h), w, h);
        svgEl('line', { x1: c.x, y1: c.y + h / 2, x2: p.x, y2: p.y - radius, stroke: palette.parameter, 'stroke-width': 1.5, 'stroke-dasharray': '3 2' }, gEdges);
        const ring: Record<string, string> = snap.progress.update && snap.before ? { 'data-ring': 'update' } : {};
        const bt = drawTag(gTags, c, bLines, palette.parameter, TAG_FONT, { 'data-tag': `b:${l}:${j}`, ...ring });
        if (handlers.onEdit) {
          makeInteractive(bt, t('diagram.editBias', { l, unit: unitName, text: bLines.map((x) => x.text).join(' ') }), () =>
            handlers.onEdit!({ kind: 'b', layer: l, row: j }, bt));
        }
      });
    }
  }
  for (const t of tags) t();
}

export function drawLossAndTargets(ctx: DrawContext): void {
  const { snap, view, lay, placer, handlers, gNodes, t: tr } = ctx;
  const d = view.digits;
  const { radius, fontSize: fs } = lay;
  const Lyr = snap.L;
  const half = lay.targetWidth / 2;
  for (let k = 0; k < snap.layers[Lyr]; k++) {
    const t = lay.targets[k];
    const g = svgEl('g', { 'data-node': `y:${k}`, 'data-label-box': 'target' }, gNodes);
    const yv = view.y.length > k ? view.y[k] : null;
    svgEl('rect', { x: t.x - half, y: t.y - 14, width: 2 * half, height: 28, rx: 6, fill: palette.dataFill, stroke: kindColour('input'), 'stroke-width': 2 }, g);
    svgText(g, t.x, t.y, targetText(snap, k, yv, d), { 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': 13, 'font-weight': 600, fill: palette.ink });
    placer.fixed({ x: t.x - half, y: t.y - 14, w: 2 * half, h: 28 });
    if (handlers.onEdit && yv !== null && lay.detailed) {
      makeInteractive(g, tr('diagram.editTarget', { text: targetText(snap, k, yv, d), example: view.example + 1, value: fmt(yv, 17) }), () =>
        handlers.onEdit!({ kind: 'y', example: view.example, index: k }, g));
    }
  }
  const p = lay.loss;
  const g = svgEl('g', { 'data-node': 'loss', 'data-label-box': 'loss' }, gNodes);
  const lossValue = snap.progress.loss ? snap.state.loss : null;
  const r = radius + 4;
  svgEl('circle', { cx: p.x, cy: p.y, r, fill: '#fdf0e6', stroke: palette.loss, 'stroke-width': 2.5 }, g);
  placer.fixed({ x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r });
  svgText(g, p.x, p.y - 8, 'L', { 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': Math.max(fs, MIN_FONT), 'font-style': 'italic', 'font-weight': 700, fill: palette.lossText });
  if (lossValue !== null) {
    const text = fmt(lossValue, Math.min(d, 4));
    const size = Math.max(MIN_FONT, Math.min(fs - 1, ((fs - 1) * (2 * r - 8)) / textWidth(text, fs - 1, 600)));
    svgText(g, p.x, p.y + 9, text, {
      'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': size.toFixed(1), 'font-weight': 600, fill: palette.ink, 'data-reveal': 'loss', 'data-testid': 'loss-value',
    });
  }
  svgTitle(g, lossValue === null ? tr('diagram.lossNotYet') : tr('diagram.lossTitle', { value: fmt(lossValue, 17) }));
}
