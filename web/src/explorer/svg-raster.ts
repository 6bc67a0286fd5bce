// Paints an SVG drawing onto a canvas element by element, for "Download PNG". Loading the SVG
// as an image (a blob: or data: URL) is what a page under `img-src 'self'` (or `default-src
// 'self'`) forbids; painting needs no URL at all. It covers what the diagram draws with
// presentation attributes: g (with transform), rect, circle, ellipse, line, polyline,
// polygon, path and text (with tspans), fill, stroke, dashes, opacities and font attributes.

interface Paint {
  fill: string;
  stroke: string;
  strokeWidth: number;
  dash: number[];
  fillOpacity: number;
  strokeOpacity: number;
  opacity: number;
  fontSize: number;
  fontWeight: string;
  fontStyle: string;
  fontFamily: string;
  anchor: string;
  baseline: string;
}

const INITIAL: Paint = {
  fill: '#000', stroke: 'none', strokeWidth: 1, dash: [], fillOpacity: 1, strokeOpacity: 1, opacity: 1,
  fontSize: 16, fontWeight: '400', fontStyle: 'normal', fontFamily: 'sans-serif', anchor: 'start', baseline: 'auto',
};

const num = (el: Element, name: string, fallback = 0): number => {
  const v = parseFloat(el.getAttribute(name) ?? '');
  return Number.isFinite(v) ? v : fallback;
};

/** The paint of `el`: its own presentation attributes over what it inherits. */
function paintOf(el: Element, up: Paint): Paint {
  const a = (name: string) => el.getAttribute(name);
  const p = { ...up, opacity: up.opacity * num(el, 'opacity', 1) };
  if (a('fill') !== null) p.fill = a('fill')!;
  if (a('stroke') !== null) p.stroke = a('stroke')!;
  if (a('stroke-width') !== null) p.strokeWidth = num(el, 'stroke-width', 1);
  if (a('stroke-dasharray') !== null) {
    p.dash = a('stroke-dasharray') === 'none' ? [] : a('stroke-dasharray')!.split(/[\s,]+/).map(Number).filter(Number.isFinite);
  }
  if (a('fill-opacity') !== null) p.fillOpacity = num(el, 'fill-opacity', 1);
  if (a('stroke-opacity') !== null) p.strokeOpacity = num(el, 'stroke-opacity', 1);
  if (a('font-size') !== null) p.fontSize = num(el, 'font-size', up.fontSize);
  if (a('font-weight') !== null) p.fontWeight = a('font-weight')!;
  if (a('font-style') !== null) p.fontStyle = a('font-style')!;
  if (a('font-family') !== null) p.fontFamily = a('font-family')!;
  if (a('text-anchor') !== null) p.anchor = a('text-anchor')!;
  if (a('dominant-baseline') !== null) p.baseline = a('dominant-baseline')!;
  return p;
}

function fillAndStroke(ctx: CanvasRenderingContext2D, p: Paint, path: Path2D, fillable = true): void {
  if (fillable && p.fill !== 'none' && p.fill !== 'transparent') {
    ctx.globalAlpha = p.opacity * p.fillOpacity;
    ctx.fillStyle = p.fill;
    ctx.fill(path);
  }
  if (p.stroke !== 'none' && p.strokeWidth > 0) {
    ctx.globalAlpha = p.opacity * p.strokeOpacity;
    ctx.strokeStyle = p.stroke;
    ctx.lineWidth = p.strokeWidth;
    ctx.setLineDash(p.dash);
    ctx.stroke(path);
    ctx.setLineDash([]);
  }
}

function shape(el: Element): Path2D | null {
  const path = new Path2D();
  switch (el.localName) {
    case 'rect': {
      const [x, y, w, h] = [num(el, 'x'), num(el, 'y'), num(el, 'width'), num(el, 'height')];
      const rx = Math.min(num(el, 'rx', num(el, 'ry')), w / 2, h / 2);
      if (rx > 0) path.roundRect(x, y, w, h, rx);
      else path.rect(x, y, w, h);
      return path;
    }
    case 'circle':
      path.arc(num(el, 'cx'), num(el, 'cy'), num(el, 'r'), 0, 2 * Math.PI);
      return path;
    case 'ellipse':
      path.ellipse(num(el, 'cx'), num(el, 'cy'), num(el, 'rx'), num(el, 'ry'), 0, 0, 2 * Math.PI);
      return path;
    case 'line':
      path.moveTo(num(el, 'x1'), num(el, 'y1'));
      path.lineTo(num(el, 'x2'), num(el, 'y2'));
      return path;
    case 'polyline':
    case 'polygon': {
      const v = (el.getAttribute('points') ?? '').trim().split(/[\s,]+/).map(Number);
      for (let i = 0; i + 1 < v.length; i += 2) (i === 0 ? path.moveTo : path.lineTo).call(path, v[i], v[i + 1]);
      if (el.localName === 'polygon') path.closePath();
      return path;
    }
    case 'path':
      return new Path2D(el.getAttribute('d') ?? '');
    default:
      return null;
  }
}

const BASELINES: Record<string, CanvasTextBaseline> = {
  central: 'middle', middle: 'middle', hanging: 'hanging', 'text-before-edge': 'top', 'text-after-edge': 'bottom',
};

function text(ctx: CanvasRenderingContext2D, el: Element, p: Paint, at: { x: number; y: number }): void {
  for (const node of el.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      const s = node.textContent ?? '';
      if (!s.trim()) continue;
      ctx.font = `${p.fontStyle} ${p.fontWeight} ${p.fontSize}px ${p.fontFamily}`;
      ctx.textAlign = p.anchor === 'middle' ? 'center' : p.anchor === 'end' ? 'right' : 'left';
      ctx.textBaseline = BASELINES[p.baseline] ?? 'alphabetic';
      ctx.globalAlpha = p.opacity * p.fillOpacity;
      ctx.fillStyle = p.fill;
      if (p.fill !== 'none') ctx.fillText(s, at.x, at.y);
      at.x += ctx.measureText(s).width;
    } else if (node instanceof Element && node.localName === 'tspan') {
      const q = paintOf(node, p);
      if (node.hasAttribute('x')) at.x = num(node, 'x');
      if (node.hasAttribute('y')) at.y = num(node, 'y');
      at.x += num(node, 'dx');
      at.y += num(node, 'dy');
      text(ctx, node, q, at);
    }
  }
}

function paint(ctx: CanvasRenderingContext2D, el: Element, up: Paint): void {
  if (['title', 'desc', 'defs', 'metadata', 'style', 'script'].includes(el.localName)) return;
  if (el.getAttribute('display') === 'none' || el.getAttribute('visibility') === 'hidden') return;
  const p = paintOf(el, up);
  ctx.save();
  const transform = (el as SVGGraphicsElement).transform?.baseVal?.consolidate();
  if (transform) {
    const m = transform.matrix;
    ctx.transform(m.a, m.b, m.c, m.d, m.e, m.f);
  }
  if (el.localName === 'text') {
    text(ctx, el, p, { x: num(el, 'x') + num(el, 'dx'), y: num(el, 'y') + num(el, 'dy') });
  } else {
    const path = shape(el);
    if (path) fillAndStroke(ctx, p, path, el.localName !== 'line');
    else for (const child of el.children) paint(ctx, child, p);
  }
  ctx.restore();
}

/** Paints `svg` (its viewBox mapped to width x height) onto `ctx`. */
export function paintSvg(ctx: CanvasRenderingContext2D, svg: SVGSVGElement, width: number, height: number): void {
  const [x0, y0, w, h] = (svg.getAttribute('viewBox') ?? `0 0 ${width} ${height}`).split(/[\s,]+/).map(Number);
  ctx.save();
  ctx.scale(width / w, height / h);
  ctx.translate(-x0, -y0);
  const root = paintOf(svg, INITIAL);
  for (const child of svg.children) paint(ctx, child, root);
  ctx.restore();
}
