// Settings in text: the parameters of a link (URLSearchParams) and the attributes of
// <backprop-explorer> share the names t.KEY, so both read and write through a getter and a
// setter generated from the table. A value that is not of its kind, or outside its range,
// gives an error naming the field and the control that shows it; the value is kept as read
// (NaN for a non-number), so the view shows what it was given.
import { fitActivations, defaultSettings } from './spec.js';
import { PREFIX, ROWS, type SettingName, type TrainSettings } from './table.js';

export interface SettingError {
  name: SettingName;
  /** The data-err slot of the control that shows it. */
  control: string;
  message: string;
}

export interface ReadSettings {
  settings: TrainSettings;
  errors: SettingError[];
}

/**
 * The hide list's parameter: controls a teacher removed from view ("hide=dataset,features").
 * Ids: data dataset classes noise points split regenerate test edit upload features layers
 * neurons activations output loss edges speed lr optimizer batch l2 init stop reset play step
 * epoch newweights discretize panels help (a panel id hides that panel).
 */
export const HIDE = 'hide';

/** Every parameter (and attribute) name of the training view. */
export function paramNames(): string[] {
  return [HIDE, ...ROWS.map((r) => PREFIX + r.key)];
}

/** Every name the training view reads: paramNames() and t.hide, hide's older name. */
export function readNames(): string[] {
  return [...paramNames(), PREFIX + HIDE];
}

function copy(s: TrainSettings): TrainSettings {
  return structuredClone(s);
}

/** Reads the settings through `get` (a link's parameter or an attribute); absent ones keep `base`. */
export function readSettings(get: (name: string) => string | null, base: TrainSettings = defaultSettings()): ReadSettings {
  const s = copy(base) as unknown as Record<string, unknown>;
  const errors: SettingError[] = [];
  for (const r of ROWS) {
    const text = get(PREFIX + r.key);
    if (text === null) continue;
    const got = r.kind.read(text);
    if (!got) continue;
    s[r.name] = got.value;
    if (got.error) {
      const where = r.spec ? `${r.spec}: ${got.error} (${PREFIX}${r.key})` : `${PREFIX}${r.key}: ${got.error}`;
      errors.push({ name: r.name, control: r.control, message: where });
    }
  }
  const settings = s as unknown as TrainSettings;
  settings.activations = fitActivations(settings.hidden, settings.activations);
  return { settings, errors };
}

/**
 * Every parameter with its text, or null to leave it out. Training settings are always
 * written, so a link keeps its run when a default changes; the view's own only when they differ.
 */
export function writeSettings(s: TrainSettings): [string, string | null][] {
  return ROWS.map((r) => {
    const text = r.kind.write(s[r.name]);
    const initial = r.initial ? r.kind.write(r.initial()) : undefined;
    return [PREFIX + r.key, text === initial ? null : text];
  });
}

/** The hide ids of `hide` (and of t.hide, its older name). */
export function readHidden(get: (name: string) => string | null): Set<string> {
  const out = new Set<string>();
  for (const key of [HIDE, PREFIX + HIDE]) {
    for (const x of (get(key) ?? '').split(',')) if (x.trim()) out.add(x.trim());
  }
  return out;
}
