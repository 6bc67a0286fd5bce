// Draws a circuit in the CS231n style: gates as circles, each wire with its value above
// (forward colour) and the gradient it carries back below (gradient colour), the gates of
// an expanded sigmoid or tanh boxed together. Shows only what the step has revealed.
import type { T } from '../i18n/index';
import type { Circuit, CircuitNode } from '../../../bindings/wasm/engine.js';
import { fmt } from '../format';
import { svgEl, svgText, svgTitle } from '../svg';
import { circuitLayout, placeCircuit } from './layout';
import { wireKey, type Revealed } from './steps';

/** The symbol drawn in a gate (presentation only). */
function symbol(n: CircuitNode): string {
  const c = n.constant ?? 0;
  const named: Record<string, string> = {
    add: '+', sub: '−', mul: '×', div: '÷', neg: '−x', pow: 'xʸ', sqrt: '√', sigmoid: 'σ',
    abs: '|x|', inv: '1/x',
  };
  if (n.op === 'add_const') return c < 0 ? `−${fmt(-c)}` : `+${fmt(c)}`;
  if (n.op === 'scale') return `×${fmt(c)}`;
  return named[n.op] ?? n.op;
}

export function drawCircuit(host: HTMLElement, c: Circuit, shown: Revealed, caption: string, t: T): SVGSVGElement {
  const place = placeCircuit(c);
  const r = circuitLayout.gateRadius;
  const svg = svgEl('svg', {
    viewBox: `0 0 ${place.width} ${place.height}`,
    width: place.width,
    height: place.height,
    role: 'img',
    'aria-label': caption,
    class: 'circuit-svg',
  });
  const byId = new Map(c.nodes.map((n) => [n.id, n] as const));
  const isGate = (n: CircuitNode) => n.kind === 'gate' || n.kind === 'output';
  const pos = (id: string) => place.at.get(id) as { x: number; y: number };
  // Composite groups first, behind everything.
  const groups = new Map<number, { name: string; ids: string[] }>();
  for (const n of c.nodes)
    if (n.group) {
      const g = groups.get(n.group.id) ?? { name: n.group.name, ids: [] };
      g.ids.push(n.id);
      groups.set(n.group.id, g);
    }
  for (const g of groups.values()) {
    const xs = g.ids.map((id) => pos(id).x);
    const ys = g.ids.map((id) => pos(id).y);
    const x0 = Math.min(...xs) - r - 10, y0 = Math.min(...ys) - r - 34;
    svgEl('rect', {
      x: x0, y: y0, width: Math.max(...xs) - Math.min(...xs) + 2 * r + 20,
      height: Math.max(...ys) - Math.min(...ys) + 2 * r + 44, rx: 10, class: 'circuit-group',
    }, svg);
    svgText(svg, x0 + 6, y0 + 12, g.name, { class: 'circuit-group-label' });
  }
  const wires = svgEl('g', { class: 'circuit-wires' }, svg);
  const labels = svgEl('g', { class: 'circuit-wire-labels' }, svg);
  const current = shown.current?.node;
  for (const n of c.nodes) {
    if (!isGate(n)) continue;
    const to = pos(n.id);
    n.inputs.forEach((from, slot) => {
      const a = pos(from);
      const src = byId.get(from) as CircuitNode;
      const x1 = isGate(src) ? a.x + r : a.x + 4;
      const spread = n.inputs.length > 1 ? (slot / (n.inputs.length - 1) - 0.5) * r * 1.9 : 0;
      const x2 = to.x - Math.sqrt(r * r - spread * spread) - 1, y2 = to.y + spread;
      // A wire that skips columns bows above the gates between; others are S-curves.
      const skips = (place.at.get(n.id)?.column ?? 0) - (place.at.get(from)?.column ?? 0) > 1;
      const lift = Math.min(a.y, y2) - circuitLayout.rowGap * 0.8;
      const [c1x, c1y, c2x, c2y] = skips
        ? [x1 + (x2 - x1) * 0.25, lift, x2 - (x2 - x1) * 0.25, lift]
        : [(x1 + x2) / 2, a.y, (x1 + x2) / 2, y2];
      const active = current === n.id;
      svgEl('path', {
        d: `M${x1},${a.y} C${c1x},${c1y} ${c2x},${c2y} ${x2},${y2}`,
        class: `circuit-wire${active ? ' active' : ''}`,
      }, wires);
      // Labels where the curve is nearly level: the top of a bow; else near the source when
      // it feeds only this wire, near the gate when the source forks (its wires part there).
      const t = skips ? 0.5 : src.paths.length > 1 ? 0.85 : 0.22, u = 1 - t;
      const bez = (p0: number, p1: number, p2: number, p3: number) =>
        u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
      const lx = bez(x1, c1x, c2x, x2);
      const ly = bez(a.y, c1y, c2y, y2) - (skips ? 12 : 0); // both labels above a bow
      if (shown.values.has(from))
        svgText(labels, lx, ly - 6, fmt(src.value, 4), { class: 'circuit-value', 'text-anchor': 'middle' });
      const key = wireKey(from, n.id, slot);
      if (shown.wireGrads.has(key)) {
        const path = src.paths.find((p) => p.to === n.id && p.slot === slot);
        if (path) svgText(labels, lx, ly + 15, fmt(path.grad, 4), { class: 'circuit-grad', 'text-anchor': 'middle' });
      }
    });
  }
  // The output wire: the result and its gradient, 1.
  const out = byId.get(c.output.node) as CircuitNode;
  const o = pos(out.id);
  const ox = isGate(out) ? o.x + r : o.x + 4;
  svgEl('path', { d: `M${ox},${o.y} H${ox + circuitLayout.tail - 30}`, class: 'circuit-wire' }, wires);
  if (shown.values.has(out.id))
    svgText(labels, ox + 45, o.y - 6, fmt(out.value, 4), { class: 'circuit-value', 'text-anchor': 'middle' });
  if (shown.outputGrad) svgText(labels, ox + 45, o.y + 15, '1', { class: 'circuit-grad', 'text-anchor': 'middle' });
  svgText(labels, ox + circuitLayout.tail - 26, o.y + 4, c.output.name, { class: 'circuit-name' });
  for (const n of c.nodes) {
    const p = pos(n.id);
    const g = svgEl('g', { class: `circuit-node ${n.kind}${current === n.id ? ' current' : ''}`, 'data-id': n.id }, svg);
    const value = shown.values.has(n.id) ? fmt(n.value) : '?';
    const grad = shown.grads.has(n.id) ? fmt(n.grad) : '?';
    svgTitle(g, `${n.label} = ${n.formula} = ${value}; gradient ${grad}`);
    if (isGate(n)) {
      svgEl('circle', { cx: p.x, cy: p.y, r }, g);
      svgText(g, p.x, p.y + 5, symbol(n), { 'text-anchor': 'middle', class: 'circuit-op' });
      svgText(g, p.x, p.y - r - 5, n.label, { 'text-anchor': 'middle', class: 'circuit-label' });
      // The pattern of backward flow, once the gate has passed its gradient back.
      if (n.pattern && shown.grads.has(n.id))
        svgText(g, p.x, p.y + r + 13, t(`circuit.pattern.${n.pattern}`), { 'text-anchor': 'middle', class: 'circuit-pattern' });
    } else {
      svgText(g, p.x, p.y + 4, n.label, { 'text-anchor': 'end', class: 'circuit-leaf' });
    }
    // A fork: the sum of the gradients of its wires, once they have all arrived.
    if (n.paths.length > 1 && shown.grads.has(n.id))
      svgText(g, isGate(n) ? p.x : p.x - 2, isGate(n) ? p.y + r + 26 : p.y + 20, `Σ ${fmt(n.grad, 4)}`, {
        'text-anchor': isGate(n) ? 'middle' : 'end',
        class: 'circuit-grad circuit-sum',
      });
  }
  host.replaceChildren(svg);
  return svg;
}
