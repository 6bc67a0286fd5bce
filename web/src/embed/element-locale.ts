// The language and number style of one <backprop-explorer>: its `lang` attribute, else the
// page's lang= (query or fragment), else the browser's languages; its `decimal` attribute, else
// the page's decimal= (docs/embedding.md, "Language and numbers").
import { loadLocale, resolveLang, type Locale } from '../i18n/index';
import { readState } from '../url-state';

export const LOCALE_ATTRIBUTES = ['lang', 'decimal'];

/** The element's locale, its language's catalogue loaded (English when it cannot be). */
export function elementLocale(el: Element): Promise<Locale> {
  const page = typeof location === 'undefined' ? new URLSearchParams() : readState();
  return loadLocale(resolveLang(el.getAttribute('lang'), page.get('lang')), el.getAttribute('decimal') ?? page.get('decimal'));
}
