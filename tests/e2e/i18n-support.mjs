// Helpers of the language tests: the catalogues read from web/src/i18n/*.ts (object literals of
// strings only), every string a person sees or hears on the page (visible text nodes,
// aria-label, title, placeholder, the options of visible menus, SVG titles, in shadow roots and
// open dialogs too), and the English strings among them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './browser.mjs';

/** The object literal `const NAME ... = { ... };` of a catalogue file, as an object. */
function literal(file, name) {
  const text = readFileSync(path.join(repoRoot, 'web/src/i18n', file), 'utf8');
  const start = text.indexOf(`${name}`);
  const open = text.indexOf('{', text.indexOf('=', start));
  const close = text.indexOf('\n};', open);
  const body = text.slice(open + 1, close).replace(/^\s*\.\.\.\w+,?\s*$/gm, ''); // spreads: read separately
  return new Function(`return {${body}};`)();
}

export function catalogue(lang) {
  if (lang === 'en') {
    return { ...literal('en.ts', 'const ui'), ...literal('en-views.ts', 'enViews'), ...literal('en-train.ts', 'enTrain'), ...literal('en-presets.ts', 'enPresets'), ...literal('en-customize.ts', 'enCustomize') };
  }
  return { ...literal('de.ts', 'const ui'), ...literal('de-views.ts', 'deViews'), ...literal('de-train.ts', 'deTrain'), ...literal('de-presets.ts', 'dePresets'), ...literal('de-customize.ts', 'deCustomize') };
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const plain = (s) => s.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

/**
 * Matchers for the English catalogue's values that German writes differently: a whole string
 * that is the value (its {params} standing for anything), or contains a long literal part of it.
 */
export function englishMatchers() {
  const en = catalogue('en');
  const de = catalogue('de');
  const out = [];
  for (const [key, value] of Object.entries(en)) {
    if (de[key] === value) continue; // the same in both languages (a name, "Code", "Phase")
    for (const paragraph of value.split('\n\n')) {
      const text = plain(paragraph);
      const parts = text.split(/\{\w+\}/);
      if (!parts.join('').trim()) continue; // only parameters
      const whole = new RegExp(`^${parts.map((p) => escape(p)).join('.+?')}$`);
      const long = parts.map((p) => p.trim()).filter((p) => p.length >= 14 && p.includes(' '));
      out.push({ key, whole, long });
    }
  }
  return out;
}

/**
 * The English written into web/index.html itself (texts and titles, before the page translates
 * them): a word left there without a data-i18n key would show on a German page unnoticed by the
 * catalogue matchers.
 */
export function staticPageEnglish() {
  const html = readFileSync(path.join(repoRoot, 'web/index.html'), 'utf8');
  const body = html.slice(html.indexOf('<body')).replace(/<script[\s\S]*?<\/script>/g, '');
  const texts = [...body.matchAll(/>([^<>]+)</g)].map((m) => m[1]);
  const titles = [...body.matchAll(/(?<![-\w])(?:title|aria-label|placeholder)="([^"]+)"/g)].map((m) => m[1]);
  const german = new Set(Object.values(catalogue('de'))); // names both languages write alike
  return [...texts, ...titles].map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => /[A-Za-z]{3}/.test(s) && !german.has(s));
}

/** The English strings among `strings`: [{text, key}]. */
export function englishAmong(strings, matchers, extra = []) {
  const hits = [];
  for (const s of strings) {
    const m = matchers.find((x) => x.whole.test(s) || x.long.some((p) => s.includes(p)));
    if (m) hits.push({ text: s, key: m.key });
    else if (extra.includes(s)) hits.push({ text: s, key: '(engine)' });
  }
  return hits;
}

/**
 * Every string a person meets on the page now. Text inside an element marked lang="en" is the
 * engine's English detail, shown on purpose (docs/architecture.md, "Languages"): left out.
 */
export async function visibleStrings(page) {
  return page.evaluate(() => {
    const out = new Set();
    const add = (s) => {
      const t = String(s ?? '').replace(/\s+/g, ' ').trim();
      if (t) out.add(t);
    };
    // On a page in another language, lang="en" marks the engine's English detail.
    const other = document.documentElement.lang !== 'en';
    const english = (el) => other && el.closest('[lang]')?.getAttribute('lang') === 'en';
    const visible = (el) => (el.checkVisibility ? el.checkVisibility({ checkVisibilityCSS: true }) : true);
    const walk = (root) => {
      const all = root.querySelectorAll('*');
      for (const el of all) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (english(el)) continue;
        const tag = el.tagName.toLowerCase();
        if (tag === 'title' && el.parentElement && visible(el.parentElement)) add(el.textContent);
        if (!visible(el)) continue;
        for (const a of ['aria-label', 'title', 'placeholder']) if (el.hasAttribute(a)) add(el.getAttribute(a));
        if (tag === 'select') for (const o of el.options) add(o.textContent);
        if (tag === 'script' || tag === 'style' || tag === 'title') continue;
        for (const n of el.childNodes) if (n.nodeType === Node.TEXT_NODE) add(n.textContent);
      }
    };
    walk(document);
    add(document.title);
    return [...out];
  });
}
