// The customise page's form (web/customize.html holds its skeleton): the choices come from the
// element's and the engine's own lists: modes and parts (choice.ts over web/src/embed/options.ts),
// presets (web/src/explorer/presets.ts), circuit presets (engine.circuitCatalogue()), languages
// (web/src/i18n), digits (the step view's picker). Its words are the page's language
// (i18n/en-customize.ts); the part names and language codes stay as a teacher types them.
import type { Engine } from '../engine';
import type { STEP_PARTS, TRAIN_PARTS } from '../embed/options';
import { PRESETS, presetTitle } from '../explorer/presets';
import { engineWord } from '../i18n/engine-words';
import { languageName, type Key, type Locale } from '../i18n/index';
import { DIGIT_CHOICES, LANGUAGES, MODES, THEMES, partsOf, type ModeId, type PartState } from './choice';
import { h } from '../dom';

type Part = (typeof STEP_PARTS)[number] | (typeof TRAIN_PARTS)[number];

/** What each part holds, in a teacher's words (the part names are the element's). */
const PART_ABOUT: Record<Part, Key> = {
  presets: 'customize.part.presets',
  digits: 'customize.part.digits',
  playback: 'customize.part.playback',
  speed: 'customize.part.speed',
  phases: 'customize.part.phases',
  summary: 'customize.part.summary',
  legend: 'customize.part.legend',
  math: 'customize.part.math',
  notes: 'customize.part.notes',
  numbers: 'customize.part.numbers',
  edit: 'customize.part.edit',
  export: 'customize.part.export',
  hyper: 'customize.part.hyper',
  data: 'customize.part.data',
  network: 'customize.part.network',
  output: 'customize.part.output',
  curves: 'customize.part.curves',
  help: 'customize.part.help',
};

const STATES: readonly { id: PartState; label: Key }[] = [
  { id: 'shown', label: 'customize.state.shown' },
  { id: 'hidden', label: 'customize.state.hidden' },
  { id: 'locked', label: 'customize.state.locked' },
];

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export interface Form {
  modes: Map<ModeId, HTMLInputElement>;
  source: { preset: HTMLInputElement; spec: HTMLInputElement };
  preset: HTMLSelectElement;
  spec: HTMLTextAreaElement;
  specFile: HTMLInputElement;
  specError: HTMLElement;
  circuitPreset: HTMLSelectElement;
  program: HTMLTextAreaElement;
  programError: HTMLElement;
  parts: HTMLElement;
  theme: HTMLSelectElement;
  lang: HTMLSelectElement;
  digits: HTMLSelectElement;
  height: HTMLInputElement;
  heightError: HTMLElement;
  base: HTMLInputElement;
  outputs: HTMLElement;
  copyStatus: HTMLElement;
  /** The page's language: every word the form writes. */
  locale: Locale;
}

function radio(name: string, value: string, label: string, about?: string): [HTMLLabelElement, HTMLInputElement] {
  const input = h('input', { type: 'radio', name, value });
  const l = h('label', { class: 'c-radio' }, input, ` ${label}`, about ? h('span', { class: 'c-about' }, about) : null);
  return [l, input];
}

function options(select: HTMLSelectElement, items: readonly [string, string][]): void {
  select.replaceChildren(...items.map(([value, label]) => new Option(label, value)));
}

/** Fills the page's skeleton; circuit presets come from the engine once it has loaded. */
export function buildForm(locale: Locale): Form {
  const t = locale.t;
  const modeBox = byId<HTMLFieldSetElement>('c-mode');
  const modes = new Map<ModeId, HTMLInputElement>();
  for (const m of MODES) {
    const [l, input] = radio('c-mode', m.id, t(m.label), t(m.about));
    modes.set(m.id, input);
    modeBox.append(l);
  }
  const sourceBox = byId('c-source');
  const [lp, preset] = radio('c-source', 'preset', t('customize.source.preset'));
  const [ls, spec] = radio('c-source', 'spec', t('customize.source.spec'));
  sourceBox.append(lp, ls);
  const form: Form = {
    modes,
    source: { preset, spec },
    preset: byId('c-preset'),
    spec: byId('c-spec'),
    specFile: byId('c-spec-file'),
    specError: byId('c-spec-error'),
    circuitPreset: byId('c-circuit-preset'),
    program: byId('c-program'),
    programError: byId('c-program-error'),
    parts: byId('c-parts'),
    theme: byId('c-theme'),
    lang: byId('c-lang'),
    digits: byId('c-digits'),
    height: byId('c-height'),
    heightError: byId('c-height-error'),
    base: byId('c-base'),
    outputs: byId('c-output-list'),
    copyStatus: byId('c-copy-status'),
    locale,
  };
  options(form.preset, PRESETS.map((p) => [p.id, presetTitle(p, t)]));
  options(form.theme, THEMES.map((th) => [th.id, t(th.label)]));
  options(form.lang, LANGUAGES.map((l) => [l, l === 'auto' ? t('customize.lang.auto') : languageOption(l, locale.lang)]));
  options(form.digits, [['', t('customize.digits.default')], ...DIGIT_CHOICES.map((d): [string, string] => [String(d), String(d)])]);
  return form;
}

/** "Deutsch (de)" on a German page, "German (de)" on an English one; the code alone without Intl. */
function languageOption(code: string, pageLang: string): string {
  const name = languageName(code, pageLang);
  return name !== code ? `${name} (${code})` : code;
}

/** The engine's circuit presets, titled in the page's language where the catalogue has them. */
export function fillCircuitPresets(form: Form, presets: ReturnType<Engine['circuitCatalogue']>['presets']): void {
  const lang = form.locale.lang;
  options(form.circuitPreset, [['', form.locale.t('customize.circuitChoose')], ...presets.map((p): [string, string] => [p.id, engineWord(lang, `circuit.${p.id}.title`, p.title).text])]);
  for (const o of form.circuitPreset.options) {
    if (o.value && !engineWord(lang, `circuit.${o.value}.title`, '').translated) o.lang = 'en'; // the engine's English title
  }
}

/** One menu per part of `mode` (shown, hidden, locked), set to `states`. */
export function buildParts(form: Form, mode: ModeId, states: Record<string, PartState>): void {
  const rows = partsOf(mode).map((part) => {
    const id = `c-part-${part}`;
    // The token a teacher types in controls="…" and lock="…": the same in every language.
    const code = h('code', { lang: 'en', translate: 'no' }, part);
    const label = h('label', { for: id }, code, ' ', h('span', { class: 'c-about' }, form.locale.t(PART_ABOUT[part as Part])));
    const select = h('select', { id, 'data-part': part });
    options(select, STATES.map((s) => [s.id, form.locale.t(s.label)]));
    select.value = states[part] ?? 'hidden';
    return h('div', { class: 'c-part' }, label, select);
  });
  form.parts.replaceChildren(...rows);
  byId('c-parts-group').hidden = rows.length === 0;
}
