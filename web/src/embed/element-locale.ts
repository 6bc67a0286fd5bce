// The language and number style of one <backprop-explorer>: its `lang` attribute, else the
// page's ?lang=, else the browser's languages; its `decimal` attribute, else the page's
// ?decimal= (docs/embedding.md, "Language and numbers").
import { localeOf, resolveLang, type Locale } from '../i18n/index';

export const LOCALE_ATTRIBUTES = ['lang', 'decimal'];

export function elementLocale(el: Element): Locale {
  const page = typeof location === 'undefined' ? new URLSearchParams() : new URLSearchParams(location.search);
  return localeOf(resolveLang(el.getAttribute('lang'), page.get('lang')), el.getAttribute('decimal') ?? page.get('decimal'));
}
