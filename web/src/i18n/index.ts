// The page's languages: one catalogue per language (en.ts is the source of the keys, de.ts is
// typed against it), a tiny t(key, params), and how a view learns its language: the `lang`
// attribute of <backprop-explorer>, else the page's `lang` URL parameter, else the browser's
// languages (navigator.languages), else English. docs/architecture.md, "Languages".
import { en, type Key } from './en';
import { de } from './de';

export type { Key } from './en';
export type Lang = 'en' | 'de';
export const LANGS: readonly Lang[] = ['en', 'de'];

const CATALOGUES: Record<Lang, Record<Key, string>> = { en, de };

export type Params = Record<string, string | number>;
/** Translates a key of the view's language; {name} in the text is replaced by params.name. */
export type T = (key: Key, params?: Params) => string;

/** The first supported language of `asked` (a tag such as "de-AT"), else null. */
export function supported(asked: string | null | undefined): Lang | null {
  const base = String(asked ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(base) ? (base as Lang) : null;
}

/** The language: the first of `asked` that is supported, else the browser's, else English. */
export function resolveLang(...asked: (string | null | undefined)[]): Lang {
  for (const a of asked) {
    const l = supported(a);
    if (l) return l;
  }
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  for (const b of browser) {
    const l = supported(b);
    if (l) return l;
  }
  return 'en';
}

export function translator(lang: Lang): T {
  const cat = CATALOGUES[lang];
  return (key, params) => {
    const text = cat[key] ?? en[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

/** A view's language, its translator and whether numbers are shown with a decimal comma. */
export interface Locale {
  lang: Lang;
  t: T;
  decimalComma: boolean;
}

/**
 * `decimal`: "comma" or "point" force the separator; "locale" takes the language's (a comma
 * in German); anything else (the default) keeps the point, as the engine and exports write.
 */
export function localeOf(lang: Lang, decimal: string | null | undefined): Locale {
  const d = String(decimal ?? '').toLowerCase();
  const decimalComma = d === 'comma' || (d === 'locale' && lang === 'de');
  return { lang, t: translator(lang), decimalComma };
}

export const ENGLISH: Locale = localeOf('en', null);

/** English catalogue values (the German test compares visible text against them). */
export function englishCatalogue(): Readonly<Record<Key, string>> {
  return en;
}
