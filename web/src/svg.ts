// Tiny helpers for building SVG with presentation attributes (not CSS classes), so that an
// exported SVG/PNG looks the same as on the page.
export const SVG_NS = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string | number | undefined | null>;

export function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  parent?: Element,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  }
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

/** Approximate width of text in px (for tag boxes); system-ui digits are about 0.58em wide. */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}
