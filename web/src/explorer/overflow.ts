// Equations wider than their panel scroll sideways: each one that overflows gets a visible
// sign ("scroll sideways for the rest", a fading edge), is focusable (arrow keys scroll it) and
// is re-checked when the panel changes width.
import type { T } from '../i18n/index';
import { h } from '../dom';
const HINT = 'scroll-hint';

/** Marks the overflowing equations (.katex-display) inside `root`; call after each render. */
export function markOverflow(root: HTMLElement, t: T): void {
  // Every width read first, then every change: reading after a change would lay the page out
  // again for each equation (seconds for the largest network).
  const displays = [...root.querySelectorAll<HTMLElement>('.katex-display')];
  const overflows = displays.map((el) => el.scrollWidth > el.clientWidth + 1);
  displays.forEach((el, k) => {
    const over = overflows[k];
    const hint = el.nextElementSibling?.classList.contains(HINT) ? (el.nextElementSibling as HTMLElement) : null;
    el.dataset.overflow = String(over);
    if (over) {
      el.tabIndex = 0;
      el.setAttribute('role', 'group');
      el.setAttribute('aria-label', t('overflow.label'));
      if (!hint) {
        el.after(h('p', { class: HINT }, t('overflow.hint')));
      }
    } else {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
      hint?.remove();
    }
  });
}

/** Keeps the marks right when `root` changes width. */
export function watchOverflow(root: HTMLElement, t: T): void {
  if (typeof ResizeObserver !== 'function') return;
  let width = 0;
  const ro = new ResizeObserver((entries) => {
    if (!root.isConnected) return ro.disconnect(); // the view was disposed
    const w = Math.round(entries[0]?.contentRect.width ?? 0);
    if (w !== width) {
      width = w;
      markOverflow(root, t);
    }
  });
  ro.observe(root);
}
