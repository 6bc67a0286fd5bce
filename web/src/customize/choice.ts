// What a teacher chose on the customise page (dist/customize.html), and the one translation of
// it into <backprop-explorer> attributes. The preview, the snippets and the links are all made
// from `attributesOf`, so they cannot drift apart. The part names and the default parts are the
// element's own (web/src/embed/options.ts); the presets are the page's (web/src/explorer/presets.ts).
import { DEFAULT_PARTS, STEP_PARTS, TRAIN_PARTS, parseControls, type Theme } from '../embed/options';
import { PRESETS } from '../explorer/presets';
import { LANGS, type Key } from '../i18n/index';
import { DIGIT_CHOICES } from '../explorer/skeleton';

/** The modes of <backprop-explorer mode="…"> (web/src/embed/element.ts, docs/embedding.md). */
export const MODES = [
  { id: 'step', label: 'customize.mode.step', about: 'customize.mode.step.about' },
  { id: 'practice', label: 'customize.mode.practice', about: 'customize.mode.practice.about' },
  { id: 'train', label: 'customize.mode.train', about: 'customize.mode.train.about' },
  { id: 'circuit', label: 'customize.mode.circuit', about: 'customize.mode.circuit.about' },
] as const satisfies readonly { id: string; label: Key; about: Key }[];
export type ModeId = (typeof MODES)[number]['id'];

export const THEMES: readonly { id: Theme; label: Key }[] = [
  { id: 'light', label: 'customize.theme.light' },
  { id: 'dark', label: 'customize.theme.dark' },
  { id: 'auto', label: 'customize.theme.auto' },
];

/** "auto" leaves the language to the reader's browser; each of the element's languages follows. */
export const LANGUAGES: readonly string[] = ['auto', ...LANGS];
export { DIGIT_CHOICES };

export type PartState = 'shown' | 'hidden' | 'locked';

export interface Choice {
  mode: ModeId;
  /** A preset id, or null when `spec` is used. */
  preset: string | null;
  /** A spec the engine accepted, as compact JSON text. */
  spec: string | null;
  /** mode="circuit": the program (null: the element's first circuit preset). */
  program: string | null;
  /** Each part of the mode's table; parts not listed take the element's default. */
  parts: Record<string, PartState>;
  theme: Theme;
  lang: string;
  /** Step-through and practice: significant digits, or null for the view's default. */
  digits: number | null;
  /** A height the element accepts (CSS length or pixels), or '' for the content's height. */
  height: string;
}

/** The parts of a mode (none for circuits) and the element's mode name for its defaults. */
export function partsOf(mode: ModeId): readonly string[] {
  return mode === 'train' ? TRAIN_PARTS : mode === 'circuit' ? [] : STEP_PARTS;
}

function defaultsOf(mode: ModeId): readonly string[] {
  return mode === 'train' ? DEFAULT_PARTS.train : mode === 'circuit' ? [] : DEFAULT_PARTS.step;
}

/** Each part of `mode` as the element shows it without `controls` and `lock`. */
export function defaultParts(mode: ModeId): Record<string, PartState> {
  const shown = new Set(defaultsOf(mode));
  return Object.fromEntries(partsOf(mode).map((p) => [p, shown.has(p) ? 'shown' : 'hidden']));
}

export function initialChoice(): Choice {
  return { mode: 'step', preset: PRESETS[0].id, spec: null, program: null, parts: defaultParts('step'), theme: 'light', lang: 'auto', digits: null, height: '' };
}

/**
 * The shortest `controls` value that shows exactly `shown` (null: the default does), checked
 * against the element's own parser.
 */
export function controlsValue(mode: ModeId, shown: Set<string>): string | null {
  const all = partsOf(mode);
  const defaults = new Set(defaultsOf(mode));
  const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
  if (same(shown, defaults)) return null;
  const elementMode = mode === 'train' ? 'train' : 'step';
  const candidates = [
    shown.size === all.length ? 'all' : '',
    shown.size === 0 ? 'none' : '',
    ['default', ...[...defaults].filter((p) => !shown.has(p)).map((p) => `-${p}`), ...[...shown].filter((p) => !defaults.has(p))].join(','),
    all.filter((p) => shown.has(p)).join(','),
  ].filter((c) => c && same(parseControls(c, elementMode), shown));
  return candidates.sort((a, b) => a.length - b.length)[0] ?? null;
}

/** The element's attributes for `c`, in the order a teacher reads them. */
export function attributesOf(c: Choice): [string, string][] {
  const out: [string, string][] = [];
  if (c.mode !== 'step') out.push(['mode', c.mode]);
  if (c.mode === 'circuit') {
    if (c.program !== null) out.push(['expr', c.program]);
  } else if (c.spec !== null) out.push(['spec', c.spec]);
  else if (c.preset !== null) out.push(['preset', c.preset]);
  const parts = partsOf(c.mode);
  const shown = new Set(parts.filter((p) => c.parts[p] !== 'hidden'));
  const controls = c.mode === 'circuit' ? null : controlsValue(c.mode, shown);
  if (controls !== null) out.push(['controls', controls]);
  const locked = parts.filter((p) => c.parts[p] === 'locked');
  if (locked.length) out.push(['lock', locked.join(' ')]);
  if (c.theme !== 'light') out.push(['theme', c.theme]);
  if (c.lang !== 'auto') out.push(['lang', c.lang]);
  if (c.digits !== null && (c.mode === 'step' || c.mode === 'practice')) out.push(['digits', String(c.digits)]);
  if (c.height) out.push(['height', c.height]);
  return out;
}
