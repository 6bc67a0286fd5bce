// The words written into a page's HTML (web/index.html): elements carry data-i18n="key"
// (their text), data-i18n-aria-label="key", data-i18n-title="key" or data-i18n-content="key" (a meta's content); the
// page's lang attribute follows the language chosen.
import type { Key, Locale } from './index';

export function translatePage(doc: Document, loc: Locale): void {
  doc.documentElement.lang = loc.lang;
  for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = loc.t(el.dataset.i18n as Key);
  for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', loc.t(el.dataset.i18nAriaLabel as Key));
  }
  for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n-title]')) el.title = loc.t(el.dataset.i18nTitle as Key);
  for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n-content]')) {
    el.setAttribute('content', loc.t(el.dataset.i18nContent as Key));
  }
}
