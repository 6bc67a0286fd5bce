// embed.html, the iframe way in: the page holds one <backprop-explorer>; its options come from
// the page's URL parameters (the same names as the attributes), and the page tells its parent
// its height and the element's events with postMessage (shape: docs/embedding.md):
//
//   { source: 'backprop-explorer', type: 'resize', id, height }       height in CSS pixels
//   { source: 'backprop-explorer', type: 'ready' | 'phase' | 'step' | 'diverged' | 'error', id, detail }
//
// `id` is the page's own ?id= parameter (empty when absent), so a parent with several frames can
// tell them apart (or compare event.source with each frame's contentWindow).
import { ATTRIBUTES } from './options';
import { adopt } from './styles';

export const MESSAGE_SOURCE = 'backprop-explorer';
const EVENTS = ['ready', 'phase', 'step', 'diverged', 'error'];

export function startFrame(): void {
  const element = document.querySelector('backprop-explorer');
  if (!element) return;
  const page = new CSSStyleSheet();
  page.replaceSync('html, body { margin: 0; padding: 0; background: transparent; }');
  adopt(document, [page]);
  const params = new URLSearchParams(location.search);
  for (const name of ATTRIBUTES) {
    const v = params.get(name);
    if (v !== null) element.setAttribute(name, v);
  }
  for (const [k, v] of params) if (k.startsWith('t.') || k === 'hide') element.setAttribute(k, v);
  const id = params.get('id') ?? '';
  const parent = window.parent;
  const post = (message: Record<string, unknown>) => {
    if (parent && parent !== window) parent.postMessage({ source: MESSAGE_SOURCE, id, ...message }, '*');
  };
  let last = -1;
  const measure = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      post({ type: 'resize', height });
    }
  };
  new ResizeObserver(measure).observe(element);
  for (const type of EVENTS) {
    element.addEventListener(type, (e) => {
      if (type === 'ready') document.body.dataset.ready = 'true';
      post({ type, detail: structuredCloneable((e as CustomEvent).detail) });
      if (type === 'ready') measure();
    });
  }
}

/** The detail as plain data (events carry plain objects; this guards against anything else). */
function structuredCloneable(detail: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(detail ?? null));
  } catch {
    return null;
  }
}
