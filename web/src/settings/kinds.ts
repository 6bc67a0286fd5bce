// How a setting's text is read and written (in a link, an element attribute or a control),
// and how a value is checked against its range. Ranges and lists come from the engine's
// catalogue through the settings table (table.ts); no kind knows a number of its own.
import { decodePoints, encodePoints, type EditedData } from './points.js';

/** A range as the catalogue gives it (an open end where it says so). */
export interface Range {
  min: number;
  max: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

/** A reading: the value, and why it is not a good one (the value is then the best reading). */
export interface Reading<T> {
  value: T;
  error?: string;
}

export interface Kind<T> {
  /** The value of `text`; null when the text means "not given" (an empty number). */
  read(text: string): Reading<T> | null;
  /** The text of a value; null leaves the key out. */
  write(value: T): string | null;
  /** Why a value is not allowed, or null. */
  check(value: T): string | null;
  /** A value taken from a spec (JSON): is it one of this kind. */
  accepts(v: unknown): v is T;
}

export function describeRange(r: Range): string {
  const lo = r.minExclusive ? `more than ${r.min}` : `${r.min}`;
  const hi = r.maxExclusive ? `less than ${r.max}` : `at most ${r.max}`;
  if (r.max === Infinity) return r.minExclusive ? lo : `${r.min} or more`;
  return r.minExclusive || r.maxExclusive ? `${lo} and ${hi}` : `from ${r.min} to ${r.max}`;
}

function outside(v: number, r: Range): boolean {
  const low = r.minExclusive ? v <= r.min : v < r.min;
  const high = r.maxExclusive ? v >= r.max : v > r.max;
  return low || high;
}

function checkNumber(v: number, integer: boolean, range?: () => Range): string | null {
  if (!Number.isFinite(v)) return 'expected a number';
  if (integer && !Number.isInteger(v)) return `expected a whole number, got ${v}`;
  const r = range?.();
  if (r && outside(v, r)) return `expected ${describeRange(r)}, got ${v}`;
  return null;
}

function reading<T>(value: T, error: string | null): Reading<T> {
  return error ? { value, error } : { value };
}

/** A number (a whole number when `integer`), empty text meaning "not given". */
export function number(options: { integer?: boolean; range?: () => Range } = {}): Kind<number> {
  const integer = !!options.integer;
  const check = (v: number) => checkNumber(v, integer, options.range);
  return {
    read: (text) => {
      if (text.trim() === '') return null;
      const v = Number(text);
      return reading(v, Number.isFinite(v) ? check(v) : `expected a number, got ${quoted(text)}`);
    },
    write: (v) => String(v),
    check,
    accepts: (v): v is number => typeof v === 'number',
  };
}

/** A number or nothing (empty text: off). */
export function optionalNumber(options: { integer?: boolean; range?: () => Range } = {}): Kind<number | null> {
  const n = number(options);
  return {
    read: (text) => n.read(text) ?? { value: null },
    write: (v) => (v === null ? null : n.write(v)),
    check: (v) => (v === null ? null : n.check(v)),
    accepts: (v): v is number | null => v === null || n.accepts(v),
  };
}

/** One name of a list (the catalogue's data sets, activations, ...). */
export function choice<T extends string = string>(names: () => readonly T[]): Kind<T> {
  const check = (v: string) => (names().includes(v as T) ? null : `expected one of ${names().join(', ')}, got ${quoted(v)}`);
  return {
    read: (text) => reading(text.trim() as T, check(text.trim())),
    write: (v) => v,
    check,
    accepts: (v): v is T => typeof v === 'string',
  };
}

/**
 * The text of a bad value as a message quotes it: a link's value may be megabytes long, and the
 * message says what is wrong, not all of it (as the engine's messages, which quote at most 40).
 */
const QUOTED_CHARS = 40;
function quoted(text: string): string {
  return text.length > QUOTED_CHARS ? `"${text.slice(0, QUOTED_CHARS)}…" (${text.length} characters)` : `"${text}"`;
}

function splitList(text: string): string[] {
  return text.trim() === '' ? [] : text.split(',').map((s) => s.trim());
}

/** A list of names separated by commas (empty text: none). */
export function names(all: () => readonly string[], maxLength?: () => number): Kind<string[]> {
  const one = choice(all);
  const check = (v: string[]) => {
    const max = maxLength?.();
    if (max !== undefined && v.length > max) return `expected at most ${max} names, got ${v.length}`;
    for (const x of v) {
      const e = one.check(x);
      if (e) return e;
    }
    return null;
  };
  return {
    read: (text) => {
      const v = splitList(text);
      return reading(maxLength ? v.slice(0, maxLength()) : v, check(v)); // a rejected long list keeps no more than fits
    },
    write: (v) => v.join(','),
    check,
    accepts: (v): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  };
}

/** A list of whole numbers separated by commas, each in `range` (empty text: none). */
export function wholeNumbers(range: () => Range, maxLength: () => number): Kind<number[]> {
  const check = (v: number[]) => {
    if (v.length > maxLength()) return `expected at most ${maxLength()} numbers, got ${v.length}`;
    for (const x of v) {
      const e = checkNumber(x, true, range);
      if (e) return e;
    }
    return null;
  };
  return {
    read: (text) => {
      const parts = splitList(text);
      const v = parts.map((p) => (p === '' ? NaN : Number(p)));
      const bad = v.some((x) => !Number.isFinite(x));
      // A rejected long list keeps no more entries than fit: the view writes what it keeps back
      // into the link, and other lists (the activations) follow its length.
      return reading(v.slice(0, maxLength()), bad ? `expected whole numbers separated by commas, got ${quoted(text)}` : check(v));
    },
    write: (v) => v.join(','),
    check,
    accepts: (v): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number'),
  };
}

/** On or off: "1" (or "true") is on; "0", "false" and empty text are off. */
export function flag(): Kind<boolean> {
  return {
    read: (text) => {
      const t = text.trim();
      if (t === '1' || t === 'true') return { value: true };
      return reading(false, t === '' || t === '0' || t === 'false' ? null : `expected 1 or 0, got ${quoted(text)}`);
    },
    write: (v) => (v ? '1' : null),
    check: () => null,
    accepts: (v): v is boolean => typeof v === 'boolean',
  };
}

/** The user's own points (points.ts), or none. */
export function pointList(): Kind<EditedData | null> {
  return {
    read: (text) => {
      if (text.trim() === '') return { value: null };
      const v = decodePoints(text.trim());
      return reading(v, v ? null : 'is not a list of points written by this page');
    },
    write: (v) => (v ? encodePoints(v) : null),
    check: () => null,
    accepts: (v): v is EditedData | null => v === null || (typeof v === 'object' && Array.isArray((v as EditedData).xy)),
  };
}
