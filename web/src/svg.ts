// Tiny helpers for building SVG with presentation attributes (not CSS classes), so that an
// exported SVG/PNG looks the same as on the page. Elements are made by dom.ts's svg().
import { h, svg } from './dom';

export const SVG_NS = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string | number | undefined | null>;

export function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  parent?: Element,
): SVGElementTagNameMap[K] {
  const el = svg(tag, attrs);
  parent?.appendChild(el);
  return el;
}

export function svgText(parent: Element, x: number, y: number, text: string, attrs: Attrs = {}): SVGTextElement {
  const t = svgEl('text', { x, y, ...attrs }, parent);
  t.textContent = text;
  return t;
}

export function svgTitle(parent: Element, text: string): void {
  const t = svgEl('title', {}, parent);
  t.textContent = text;
}

let measure: CanvasRenderingContext2D | null | undefined;
const FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * Width of text in px (for tag boxes), measured with the diagram's font where a canvas is
 * available, with a margin for other renderers of an exported file; else about 0.6em a character.
 */
export function textWidth(text: string, fontSize: number, weight: number | string = 500): number {
  if (measure === undefined) {
    measure = typeof document !== 'undefined' ? h('canvas').getContext('2d') : null;
  }
  const rough = text.length * fontSize * 0.6;
  if (!measure) return rough;
  measure.font = `${weight} ${fontSize}px ${FAMILY}`;
  return Math.max(measure.measureText(text).width * 1.08, rough * 0.8);
}
