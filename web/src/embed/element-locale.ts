// The language and number style of one <backprop-explorer>: its `lang` attribute, else the
// page's lang= (query or fragment), else the browser's languages; its `decimal` attribute, else
// the page's decimal= (docs/embedding.md, "Language and numbers").
import { localeOf, resolveLang, type Locale } from '../i18n/index';
import { readState } from '../url-state';

export const LOCALE_ATTRIBUTES = ['lang', 'decimal'];

export function elementLocale(el: Element): Locale {
  const page = typeof location === 'undefined' ? new URLSearchParams() : readState();
  return localeOf(resolveLang(el.getAttribute('lang'), page.get('lang')), el.getAttribute('decimal') ?? page.get('decimal'));
}
