// The page's languages: one catalogue per language (en.ts is the source of the keys, de.ts is
// typed against it), a tiny t(key, params), and how a view learns its language: the `lang`
// attribute of <backprop-explorer>, else the page's `lang` URL parameter, else the browser's
// languages (navigator.languages), else English. docs/architecture.md, "Languages".
// English is part of the one-tag script; every other catalogue is a chunk of its own (the build
// writes backprop-explorer-de.js beside it), loaded once, by the first view that speaks it.
import { en, type Key } from './en';
import { loadOnce } from '../load-once';

export type { Key } from './en';
export type Lang = 'en' | 'de';
export const LANGS: readonly Lang[] = ['en', 'de'];

type Catalogue = Record<Key, string>;
const CATALOGUES: Partial<Record<Lang, Catalogue>> = { en };
const LOADERS: Record<Exclude<Lang, 'en'>, () => Promise<boolean>> = {
  de: loadOnce(() => import('./de'), (m) => (CATALOGUES.de = m.de)),
};

/**
 * Loads `lang`'s catalogue (once): true when it is there. False when its file did not load (a
 * copy of the script without its sibling files); a later call tries again.
 */
export function loadLanguage(lang: Lang): Promise<boolean> {
  return lang === 'en' ? Promise.resolve(true) : LOADERS[lang]();
}

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

/** `lang`'s translator; English until its catalogue is loaded (loadLanguage). */
export function translator(lang: Lang): T {
  const cat = CATALOGUES[lang] ?? en;
  return (key, params) => {
    const text = cat[key] ?? en[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

/**
 * A view's language, its translator and whether numbers are shown with a decimal comma.
 * `unavailable`: the language asked for when its catalogue could not be loaded (the view then
 * speaks English and says so: unavailableText).
 */
export interface Locale {
  lang: Lang;
  t: T;
  decimalComma: boolean;
  unavailable: Lang | null;
}

/**
 * `decimal`: "comma" or "point" force the separator; "locale" takes the language's (a comma
 * in German); anything else (the default) keeps the point, as the engine and exports write.
 */
export function localeOf(asked: Lang, decimal: string | null | undefined): Locale {
  const lang = CATALOGUES[asked] ? asked : 'en';
  const d = String(decimal ?? '').toLowerCase();
  const decimalComma = d === 'comma' || (d === 'locale' && lang === 'de');
  return { lang, t: translator(lang), decimalComma, unavailable: lang === asked ? null : asked };
}

/** localeOf once the language's catalogue is loaded (or could not be: then English). */
export async function loadLocale(asked: Lang, decimal: string | null | undefined): Promise<Locale> {
  await loadLanguage(asked);
  return localeOf(asked, decimal);
}

/** The name of the language `code` in the language `inLang` ("German", "Deutsch"); the code alone without Intl. */
export function languageName(code: string, inLang: string): string {
  try {
    return new Intl.DisplayNames([inLang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** '' normally; when the language asked for could not be loaded, a sentence saying so. */
export function unavailableText(loc: Locale): string {
  return loc.unavailable ? loc.t('app.languageUnavailable', { language: languageName(loc.unavailable, loc.lang) }) : '';
}

export const ENGLISH: Locale = localeOf('en', null);

/** English catalogue values (the German test compares visible text against them). */
export function englishCatalogue(): Readonly<Record<Key, string>> {
  return en;
}
