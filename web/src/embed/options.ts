// The options of an embed, read from the element's attributes or from embed.html's URL
// parameters (the same names): preset, spec, src, mode, controls, height, theme, and the
// training view's own settings (t.data, t.hidden, … and hide; see web/src/settings/table.ts).
// docs/embedding.md lists them with their defaults.

import { paramNames, readNames } from '../settings/index';

export type Mode = 'step' | 'train';
export type Theme = 'light' | 'dark' | 'auto';

/** The attributes that <backprop-explorer> watches (and the URL parameters of embed.html). */
export const ATTRIBUTES = ['preset', 'spec', 'src', 'src-origins', 'mode', 'controls', 'height', 'theme'] as const;

/** The training view's own parameters (web/src/settings/table.ts), as attributes of the same names. */
export const TRAIN_ATTRIBUTES: readonly string[] = paramNames();

/** Parts of the step-through view, in the order the docs list them. */
export const STEP_PARTS = ['presets', 'digits', 'playback', 'speed', 'phases', 'summary', 'legend', 'math', 'notes', 'numbers', 'edit', 'export'] as const;
/** Parts of the training view. */
export const TRAIN_PARTS = ['playback', 'speed', 'hyper', 'edit', 'data', 'network', 'output', 'curves', 'help'] as const;

/** Shown when `controls` is absent (or contains "default"). */
export const DEFAULT_PARTS: Record<Mode, readonly string[]> = {
  step: ['presets', 'playback', 'speed', 'phases', 'summary', 'legend', 'math', 'notes'],
  train: ['playback', 'speed', 'hyper', 'edit', 'data', 'network', 'output', 'curves'],
};

/** For the training view: the `hide` ids (web/src/settings/table.ts controls) behind each part. */
const TRAIN_HIDE: Record<string, string[]> = {
  playback: ['play', 'step', 'epoch', 'reset', 'newweights'],
  speed: ['speed'],
  hyper: ['lr', 'optimizer', 'batch', 'l2', 'init', 'stop'],
  edit: ['dataset', 'classes', 'noise', 'points', 'split', 'regenerate', 'test', 'edit', 'upload', 'features', 'layers', 'neurons', 'activations', 'loss', 'edges', 'discretize'],
  data: ['data'],
  network: ['network'],
  output: ['output'],
  curves: ['curves'],
  help: ['help', 'panels'],
};

export interface EmbedOptions {
  preset: string | null;
  spec: string | null;
  src: string | null;
  mode: Mode;
  /** Parts shown (STEP_PARTS / TRAIN_PARTS names). */
  parts: Set<string>;
  /** A CSS length, or null for the content's height. */
  height: string | null;
  theme: Theme;
  /** The training view's own parameters (t.* and hide), passed through. */
  train: [string, string][];
}

/**
 * Which parts `controls` shows: a list separated by commas or spaces of part names and the
 * words all, none, default; "-name" removes a part. Absent: default.
 */
export function parseControls(value: string | null, mode: Mode): Set<string> {
  const all = mode === 'step' ? STEP_PARTS : TRAIN_PARTS;
  const out = new Set<string>();
  const tokens = (value ?? 'default').split(/[\s,]+/).filter(Boolean);
  if (tokens.length === 0 || tokens.every((t) => t.startsWith('-'))) tokens.unshift('default');
  for (const t of tokens) {
    if (t === 'all') all.forEach((p) => out.add(p));
    else if (t === 'none') out.clear();
    else if (t === 'default') DEFAULT_PARTS[mode].forEach((p) => out.add(p));
    else if (t.startsWith('-')) out.delete(t.slice(1));
    else out.add(t);
  }
  return out;
}

/** The `hide` list for the training view that shows only `parts`. */
export function trainHidden(parts: Set<string>): string[] {
  const hide: string[] = [];
  for (const [part, ids] of Object.entries(TRAIN_HIDE)) if (!parts.has(part)) hide.push(...ids);
  return hide;
}

/** A height attribute as CSS: a bare number is pixels; anything CSS accepts as a height. */
export function parseHeight(value: string | null): string | null {
  const v = value?.trim();
  if (!v || v === 'auto') return null;
  if (/^\d+(\.\d+)?$/.test(v)) return `${v}px`;
  return typeof CSS !== 'undefined' && CSS.supports('height', v) ? v : null;
}

/** Reads the options through `get` (an attribute or a URL parameter) and the t.* names of `names`. */
export function readOptions(get: (name: string) => string | null, names: Iterable<string>): EmbedOptions {
  const mode: Mode = get('mode') === 'train' ? 'train' : 'step';
  const theme = get('theme');
  const train: [string, string][] = [];
  const trainNames = new Set(readNames());
  for (const n of names) {
    if (trainNames.has(n)) {
      const v = get(n);
      if (v !== null) train.push([n, v]);
    }
  }
  return {
    preset: get('preset'),
    spec: get('spec'),
    src: get('src'),
    mode,
    parts: parseControls(get('controls'), mode),
    height: parseHeight(get('height')),
    theme: theme === 'dark' || theme === 'auto' ? theme : 'light',
    train,
  };
}
