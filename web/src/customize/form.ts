// The customise page's form (web/customize.html holds its skeleton): the choices come from the
// element's and the engine's own lists: modes and parts (choice.ts over web/src/embed/options.ts),
// presets (web/src/explorer/presets.ts), circuit presets (engine.circuitCatalogue()), languages
// (web/src/i18n), digits (the step view's picker).
import type { Engine } from '../engine';
import { PRESETS, presetTitle } from '../explorer/presets';
import { ENGLISH } from '../i18n/index';
import { DIGIT_CHOICES, LANGUAGES, MODES, THEMES, partsOf, type ModeId, type PartState } from './choice';
import { h } from '../dom';

/** What each part holds, in a teacher's words (the part names are the element's). */
const PART_ABOUT: Record<string, string> = {
  presets: 'the example picker',
  digits: 'the significant-digits picker',
  playback: 'the buttons that run and undo phases or training',
  speed: 'the animation or training speed',
  phases: 'the phase indicator and counters',
  summary: 'prediction, target and loss above the diagram',
  legend: "the diagram's legend",
  math: 'the equations of the current phase',
  notes: '"About this example"',
  numbers: 'all matrices of the current state',
  edit: 'editing the network (structure, data, spec)',
  export: 'copy or download the walkthrough, pictures, spec',
  hyper: 'learning rate, optimizer, batch size, L2, init, stop',
  data: 'the data panel',
  network: 'the network panel',
  output: 'the output (decision boundary) panel',
  curves: 'the loss curves panel',
  help: 'keyboard help and panel switches',
};

const STATES: readonly { id: PartState; label: string }[] = [
  { id: 'shown', label: 'Shown' },
  { id: 'hidden', label: 'Hidden' },
  { id: 'locked', label: 'Locked' },
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
export function buildForm(): Form {
  const modeBox = byId<HTMLFieldSetElement>('c-mode');
  const modes = new Map<ModeId, HTMLInputElement>();
  for (const m of MODES) {
    const [l, input] = radio('c-mode', m.id, m.label, m.about);
    modes.set(m.id, input);
    modeBox.append(l);
  }
  const sourceBox = byId('c-source');
  const [lp, preset] = radio('c-source', 'preset', 'A preset');
  const [ls, spec] = radio('c-source', 'spec', 'Your own spec');
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
  };
  options(form.preset, PRESETS.map((p) => [p.id, presetTitle(p, ENGLISH.t)]));
  options(form.theme, THEMES.map((t) => [t.id, t.label]));
  options(form.lang, LANGUAGES.map((l) => [l, l === 'auto' ? "Auto (the reader's browser)" : l]));
  options(form.digits, [['', 'The default'], ...DIGIT_CHOICES.map((d): [string, string] => [String(d), String(d)])]);
  return form;
}

export function fillCircuitPresets(form: Form, presets: ReturnType<Engine['circuitCatalogue']>['presets']): void {
  options(form.circuitPreset, [['', 'Choose one to copy its program…'], ...presets.map((p): [string, string] => [p.id, p.title])]);
}

/** One menu per part of `mode` (shown, hidden, locked), set to `states`. */
export function buildParts(form: Form, mode: ModeId, states: Record<string, PartState>): void {
  const rows = partsOf(mode).map((part) => {
    const id = `c-part-${part}`;
    const label = h('label', { for: id }, h('code', {}, part), ' ', h('span', { class: 'c-about' }, PART_ABOUT[part] ?? ''));
    const select = h('select', { id, 'data-part': part });
    options(select, STATES.map((s) => [s.id, s.label]));
    select.value = states[part] ?? 'hidden';
    return h('div', { class: 'c-part' }, label, select);
  });
  form.parts.replaceChildren(...rows);
  byId('c-parts-group').hidden = rows.length === 0;
}
