// One keyboard registry for every view on the page (the page's tabs, any number of
// <backprop-explorer> elements, the inspector). Each view registers its keys with the
// element that scopes them; a key goes to the one view that holds the focus, or, when the
// focus is on nothing in particular (the page's body), to the view that says it owns the
// page. So N, E, G... mean one thing at a time, help lists the keys of the view in focus,
// and a view that is disposed takes its keys with it.
import { ENGLISH, type T } from './i18n/index';

export interface KeyBinding {
  /** KeyboardEvent.key values, e.g. ['ArrowRight', 'n', 'N']. */
  keys: string[];
  /** For the help table, e.g. 'N or →'. */
  label: string;
  description: string;
  run(): void;
  /** Also when the focus is on a button (Space would otherwise press it). Default true. */
  onButtons?: boolean;
  /**
   * Keys that throw work away (a training run, the data) ask first: the first press only
   * says what a second press within 3 s will do, through `announce` ("Press R again to
   * {confirm}.", in the scope's language).
   */
  confirm?: string;
}

export interface KeyScope {
  /** The view's element: keys typed inside it are its keys. */
  root: Element;
  /** False while the view is hidden or otherwise not taking keys. */
  active(): boolean;
  /** True for the view that takes keys when the focus is nowhere in particular. */
  ownsPage?(): boolean;
  bindings(): KeyBinding[];
  /** Where a confirmation is said (a live region). */
  announce?(text: string): void;
  /** The view's translator, for what is said here (English when not given). */
  t?: T;
}

const scopes = new Set<KeyScope>();
let helpHandler: ((scope: KeyScope) => void) | null = null;
let armed: { binding: KeyBinding; until: number } | null = null;
const CONFIRM_MS = 3000;

function targetOf(e: KeyboardEvent): Element | null {
  // The element the key went to, also inside a shadow root (an embed), where e.target is the host.
  const t = e.composedPath()[0] ?? e.target;
  return t instanceof Element ? t : null;
}

function inside(scope: KeyScope, e: KeyboardEvent): boolean {
  return e.composedPath().includes(scope.root);
}

function isTyping(t: Element | null): boolean {
  if (!t) return false;
  return !!t.closest('input, textarea, select, [contenteditable="true"], [role="application"], .value-editor');
}

function dialogOpen(scope: KeyScope): boolean {
  const rootNode = scope.root.getRootNode() as Document | ShadowRoot;
  return !!(document.querySelector('dialog[open]') || rootNode.querySelector?.('dialog[open]'));
}

/** The view a key event goes to, or null. */
function scopeFor(e: KeyboardEvent): KeyScope | null {
  const live = [...scopes].filter((s) => s.active());
  // The innermost view holding the focus (an inspector inside a view, say).
  const holding = live.filter((s) => inside(s, e));
  if (holding.length) {
    return holding.reduce((a, b) => (a.root.contains(b.root) ? b : a));
  }
  const t = targetOf(e);
  const nowhere = !t || t === document.body || t === document.documentElement || t.tagName === 'MAIN';
  return nowhere ? (live.find((s) => s.ownsPage?.()) ?? null) : null;
}

function onKeydown(e: KeyboardEvent): void {
  handleKey(e);
}

/** Runs the key's binding in the view it goes to; 'used' when a view took it. */
function handleKey(e: KeyboardEvent): 'used' | 'typing' | 'free' {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return 'free';
  const t = targetOf(e);
  if (isTyping(t)) return 'typing';
  const scope = scopeFor(e);
  if (!scope) return 'free';
  if (dialogOpen(scope)) return 'typing'; // the dialog's own keys (Escape closes it)
  if (e.key === '?' && helpHandler) {
    e.preventDefault();
    helpHandler(scope);
    return 'used';
  }
  // Arrow keys keep their meaning inside tab lists, sliders and list boxes.
  if (e.key.startsWith('Arrow') && t?.closest('[role="tab"], [role="slider"], [role="listbox"], input[type="range"]')) return 'typing';
  const binding = scope.bindings().find((b) => b.keys.includes(e.key));
  if (!binding) return 'free';
  if (binding.onButtons === false && t?.closest('button, summary, [role="button"], [role="tab"], a')) return 'free';
  e.preventDefault();
  if (binding.confirm) {
    const now = performance.now();
    if (!armed || armed.binding !== binding || now > armed.until) {
      armed = { binding, until: now + CONFIRM_MS };
      scope.announce?.((scope.t ?? ENGLISH.t)('keys.pressAgain', { key: binding.label, what: binding.confirm }));
      return 'used';
    }
  }
  armed = null;
  binding.run();
  return 'used';
}

/**
 * For an element on a host page (<backprop-explorer>): handles a key typed inside it first and
 * tells whether the host page should still see it. A key a view used, or typed into one of the
 * element's fields, or Space and Enter on its buttons, stays inside (a slide deck's arrow keys
 * and Space, say, must not also change slide); other keys go on to the page.
 */
export function keepsKey(e: KeyboardEvent): boolean {
  if (handleKey(e) !== 'free') return true;
  // Space and Enter on one of its buttons press that button: not also the page's key.
  const t = targetOf(e);
  return (e.key === ' ' || e.key === 'Enter') && !!t?.closest('button, summary, a, [role="button"], [role="tab"]');
}

/** Registers a view's keys; returns the function that removes them. */
export function registerKeys(scope: KeyScope): () => void {
  if (scopes.size === 0) document.addEventListener('keydown', onKeydown);
  scopes.add(scope);
  return () => {
    scopes.delete(scope);
    if (scopes.size === 0) document.removeEventListener('keydown', onKeydown);
  };
}

/** What "?" does (the page's help overlay): it is given the view the key went to. */
export function onHelpKey(fn: (scope: KeyScope) => void): void {
  helpHandler = fn;
}

/** The view that owns the page now (for the help button), or null. */
export function pageScope(): KeyScope | null {
  return [...scopes].find((s) => s.active() && s.ownsPage?.()) ?? null;
}

/** Number of registered views: for tests that add and remove views many times. */
export function keyScopeCount(): number {
  return scopes.size;
}
