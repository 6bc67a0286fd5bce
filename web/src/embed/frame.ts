// embed.html, the iframe way in: the page holds one <backprop-explorer>; its options come from
// the page's URL parameters (the same names as the attributes; query or fragment, and the
// element writes its state back to the fragment: web/src/url-state.ts), and the page tells its parent
// its height and the element's events with postMessage (shape: docs/embedding.md):
//
//   { source: 'backprop-explorer', type: 'resize', id, height }       height in CSS pixels
//   { source: 'backprop-explorer', type: 'ready' | 'phase' | 'step' | 'diverged' | 'error', id, detail }
//
// Messages go to ?parent-origin= (the host's LMS, say) or else to this page's own origin only.
//
// `id` is the page's own ?id= parameter (empty when absent), so a parent with several frames can
// tell them apart (or compare event.source with each frame's contentWindow).
import { ATTRIBUTES } from './options';
import { adopt } from './styles';
import { loadLocale, resolveLang, supported } from '../i18n/index';
import { linkTooLongMessage, readPageParams } from '../page-params';
import { LOCK_ATTRIBUTE } from './element-lock';
import { DIGITS_ATTRIBUTE } from './element-digits';
import { readNames } from '../settings/index';
import { h } from '../dom';

export const MESSAGE_SOURCE = 'backprop-explorer';
const EVENTS = ['ready', 'phase', 'step', 'diverged', 'error'];

export function startFrame(): void {
  const element = document.querySelector('backprop-explorer');
  if (!element) return;
  const page = new CSSStyleSheet();
  page.replaceSync('html, body { margin: 0; padding: 0; background: transparent; }');
  adopt(document, [page]);
  const { params, tooLong } = readPageParams();
  if (tooLong !== null) {
    // The link was not read: the browser's language.
    void loadLocale(resolveLang(), null).then(({ t }) => element.before(h('p', { role: 'alert' }, linkTooLongMessage(t, tooLong))));
  }
  for (const name of ATTRIBUTES) {
    const v = params.get(name);
    if (v !== null) element.setAttribute(name, v);
  }
  // The training view's parameters: the names its settings table reads (web/src/settings/).
  for (const name of readNames()) {
    const v = params.get(name);
    if (v !== null) element.setAttribute(name, v);
  }
  // The language and number style (web/src/i18n): ?lang=de&decimal=comma; ?lock=, ?digits= and ?expr= (mode=circuit).
  for (const name of ['lang', 'decimal', LOCK_ATTRIBUTE, DIGITS_ATTRIBUTE, 'expr']) {
    const v = params.get(name);
    if (v !== null) element.setAttribute(name, v);
  }
  const lang = supported(params.get('lang'));
  if (lang) document.documentElement.lang = lang; // the frame's page speaks the element's language
  const id = params.get('id') ?? '';
  const parent = window.parent;
  // Messages go only to the parent origin the host declares (?parent-origin=https://...),
  // else only to a parent of this page's own origin: the browser delivers them nowhere else.
  const target = parentOrigin(params.get('parent-origin'));
  const post = (message: Record<string, unknown>) => {
    if (parent && parent !== window) parent.postMessage({ source: MESSAGE_SOURCE, id, ...message }, target);
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
      let detail = structuredCloneable((e as CustomEvent).detail);
      // A spec read from src is the host's file: its errors (which may quote it) stay in the frame.
      if (type === 'error' && element.hasAttribute('src') && !element.hasAttribute('spec')) {
        detail = { message: 'the spec at src could not be used; the frame shows why', code: null };
      }
      post({ type, detail });
      if (type === 'ready') measure();
    });
  }
}

/** The declared parent origin when it is one (scheme, host, port), else this page's own origin. */
function parentOrigin(declared: string | null): string {
  if (declared) {
    try {
      const origin = new URL(declared).origin;
      if (origin !== 'null' && origin === declared.replace(/\/$/, '')) return origin;
    } catch {
      // not an origin: fall back to the page's own
    }
  }
  // A file: page has an opaque origin, which postMessage cannot name; its parent
  // can only be another local file.
  return location.protocol === 'file:' || location.origin === 'null' ? '*' : location.origin;
}

/** The detail as plain data (events carry plain objects; this guards against anything else). */
function structuredCloneable(detail: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(detail ?? null));
  } catch {
    return null;
  }
}
