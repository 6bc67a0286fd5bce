// Labels of the network diagram that never overlap: every label (tag, text block, node) is a
// box; fixed ones are registered first, then each movable tag takes the first of its candidate
// positions that meets no box already placed. Tags are sized from the measured text.
import { svgEl, svgText, textWidth } from '../svg';
import { layout, palette } from '../theme';
import type { NodePos } from './layout';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TagLine {
  text: string;
  colour: string;
  weight?: number;
  /** The phase that computes this line: hidden while that phase's animation runs. */
  reveal?: string;
}

const PAD_X = 6;
const GAP = 3;

export function intersects(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

/** Size of a tag with these lines at this font size. */
export function tagSize(lines: TagLine[], fontSize: number): { w: number; h: number } {
  const w = Math.max(...lines.map((l) => textWidth(l.text, fontSize, l.weight ?? 500))) + 2 * PAD_X;
  return { w, h: lines.length * (fontSize + 3) + 5 };
}

export class Placer {
  readonly boxes: Box[] = [];

  /** A box that does not move (a node, a heading, a text block). */
  fixed(b: Box): void {
    this.boxes.push(b);
  }

  fits(b: Box): boolean {
    return !this.boxes.some((o) => intersects(b, o, GAP));
  }

  /** The first candidate centre where a w × h box meets nothing; the first one if none does. */
  place(centres: NodePos[], w: number, h: number): NodePos {
    const box = (c: NodePos) => ({ x: c.x - w / 2, y: c.y - h / 2, w, h });
    const c = centres.find((p) => this.fits(box(p))) ?? this.nearestFree(centres[0], w, h) ?? centres[0];
    this.boxes.push(box(c));
    return c;
  }

  /** When no candidate fits (a crowded layer): the free spot nearest to c, rings outwards. */
  private nearestFree(c: NodePos, w: number, h: number): NodePos | null {
    for (let ring = 1; ring <= 8; ring++) {
      for (let i = -ring; i <= ring; i++) {
        for (const [dx, dy] of [[i, -ring], [i, ring], [-ring, i], [ring, i]]) {
          const p = { x: c.x + (dx * w) / 4, y: c.y + (dy * h) / 2 };
          if (this.fits({ x: p.x - w / 2, y: p.y - h / 2, w, h })) return p;
        }
      }
    }
    return null;
  }
}

/** Draws a rounded tag of one or more lines centred at c; returns its group. */
export function drawTag(
  parent: Element,
  c: NodePos,
  lines: TagLine[],
  border: string,
  fontSize: number,
  attrs: Record<string, string> = {},
): SVGGElement {
  const g = svgEl('g', { ...attrs, 'data-label-box': 'tag' }, parent);
  const { w, h } = tagSize(lines, fontSize);
  const lh = fontSize + 3;
  svgEl('rect', {
    x: c.x - w / 2, y: c.y - h / 2, width: w, height: h, rx: 4,
    fill: palette.paper, stroke: border, 'stroke-width': 1.2,
  }, g);
  lines.forEach((line, k) => {
    // A trailing space (not drawn) keeps the lines apart in the tag's text for assistive tools.
    const text = k < lines.length - 1 ? `${line.text} ` : line.text;
    svgText(g, c.x, c.y - h / 2 + 3 + lh * (k + 0.5), text, {
      'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': fontSize,
      'font-family': layout.fontFamily, fill: line.colour, 'font-weight': line.weight ?? 500,
      'data-reveal': line.reveal || null,
    });
  });
  return g;
}

/**
 * Candidate centres for a tag of height h on the edge a → b: on the edge, nearest to the
 * preferred fraction first, then just above and below it (the tag then touches its edge).
 */
export function alongCandidates(a: NodePos, b: NodePos, preferred: number, h = 30): NodePos[] {
  const ts = [0, -0.06, 0.06, -0.12, 0.12, -0.18, 0.18, 0.24, -0.24, 0.3, 0.36, 0.42].map((d) => preferred + d).filter((t) => t > 0.1 && t < 0.9);
  const out: NodePos[] = [];
  // Crowded layers (crossing edges of a 2×2 block carry two tall tags at one point) need the
  // farther rows too.
  for (const dy of [0, -(h / 2 + 4), h / 2 + 4, -(h + 6), h + 6, -(1.5 * h + 8), 1.5 * h + 8, -(2 * h + 10), 2 * h + 10]) {
    for (const t of ts) out.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t + dy });
  }
  return out;
}

/** Candidate centres for a tag of height h above a node of radius r at p. */
export function aboveCandidates(p: NodePos, r: number, w: number, h: number): NodePos[] {
  const out: NodePos[] = [];
  for (const dy of [0, 8, 16, 24]) {
    for (const dx of [0, -w / 3, w / 3, -w / 2 - r, w / 2 + r]) out.push({ x: p.x + dx, y: p.y - r - 8 - h / 2 - dy });
  }
  return out;
}
