// Zoom and pan of the diagram. The SVG is drawn at a size where its smallest text is at least
// MIN_TEXT_PX on screen; when that is wider than its column, its box scrolls (drag, wheel or
// one finger) instead of the page. Zoom in / out / fit by buttons, keys (+/− on the box) and
// a two-finger pinch.
import type { T } from '../i18n/index';
import { el } from '../dom';

/** Smallest on-screen text size of the diagram at the default zoom (CSS px). */
export const MIN_TEXT_PX = 11;
const STEPS = 1.25;

export interface DiagramZoom {
  element: HTMLElement;
  /** After every redraw: re-reads the drawing's size and smallest text. */
  refresh(): void;
}

export function createZoom(viewport: HTMLElement, svg: SVGSVGElement, t: T): DiagramZoom {
  /** Zoom relative to the readable size (1 = smallest text at MIN_TEXT_PX); null = default. */
  let factor: number | null = null;
  let fit = false;
  const bar = el('div', 'zoom-bar');
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', t('zoom.label'));
  const button = (label: string, text: string, run: () => void) => {
    const b = el('button', 'zoom-button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.title = label;
    b.addEventListener('click', run);
    bar.append(b);
    return b;
  };
  button(t('zoom.out'), '−', () => setFactor(current() / STEPS));
  button(t('zoom.in'), '+', () => setFactor(current() * STEPS));
  const fitButton = button(t('zoom.fit'), t('zoom.fitShort'), () => {
    fit = true;
    factor = null;
    apply();
  });
  fitButton.setAttribute('aria-pressed', 'false');

  function viewBoxWidth(): number {
    return Number((svg.getAttribute('viewBox') ?? '0 0 800 400').split(/\s+/)[2]) || 800;
  }
  function minFont(): number {
    let min = Infinity;
    for (const t of svg.querySelectorAll('text')) {
      const f = Number(t.getAttribute('font-size'));
      if (f > 0 && f < min && t.textContent) min = f;
    }
    return Number.isFinite(min) ? min : 12;
  }
  /** Width (CSS px) at which the smallest text is MIN_TEXT_PX. */
  function readableWidth(): number {
    return (viewBoxWidth() * MIN_TEXT_PX) / minFont();
  }
  function current(): number {
    if (factor !== null) return factor;
    const avail = viewport.clientWidth || readableWidth();
    return Math.max(1, avail / readableWidth());
  }
  function setFactor(f: number): void {
    fit = false;
    factor = Math.max(0.25, Math.min(4, f));
    apply();
  }
  function apply(): void {
    const avail = viewport.clientWidth;
    const width = fit ? avail : readableWidth() * current();
    svg.style.width = `${Math.max(1, fit ? Math.floor(width) : Math.ceil(width))}px`;
    viewport.dataset.zoomed = String(width > avail + 1);
    fitButton.setAttribute('aria-pressed', String(fit));
  }

  // Two-finger pinch: the ratio of the finger distances scales the zoom.
  const touches = new Map<number, { x: number; y: number }>();
  let pinchStart = 0;
  let pinchFactor = 1;
  const distance = () => {
    const [a, b] = [...touches.values()];
    return Math.hypot(a.x - b.x, a.y - b.y);
  };
  viewport.addEventListener('pointerdown', (e) => {
    if (e.pointerType !== 'touch') return;
    touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (touches.size === 2) {
      pinchStart = distance();
      pinchFactor = current();
    }
  });
  viewport.addEventListener('pointermove', (e) => {
    if (!touches.has(e.pointerId)) return;
    touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (touches.size === 2 && pinchStart > 0) setFactor((pinchFactor * distance()) / pinchStart);
  });
  const lift = (e: PointerEvent) => {
    touches.delete(e.pointerId);
    if (touches.size < 2) pinchStart = 0;
  };
  viewport.addEventListener('pointerup', lift);
  viewport.addEventListener('pointercancel', lift);
  viewport.addEventListener('keydown', (e) => {
    if (e.target !== viewport) return;
    if (e.key === '+' || e.key === '=') setFactor(current() * STEPS);
    else if (e.key === '-' || e.key === '_') setFactor(current() / STEPS);
    else return;
    e.preventDefault();
    e.stopPropagation();
  });
  if (typeof ResizeObserver === 'function') {
    const ro = new ResizeObserver(() => (viewport.isConnected ? apply() : ro.disconnect()));
    ro.observe(viewport);
  }

  return { element: bar, refresh: apply };
}
