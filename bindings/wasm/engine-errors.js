// The wrapper's guard at the wasm boundary: BpxError, the raw module's error values turned
// into thrown BpxErrors (unwrap), spec text prepared for the engine (specText), and the
// checks of arguments before they reach embind, whose own conversions would leak the
// arguments already converted when one fails. Used by engine-session.js and engine.js.
//
// The raw module never throws: a fallible raw call returns ERROR_MARK followed by
// {"code", "path", "message"} (bindings/wasm/wasm_errors.hpp).

/** An error from the engine: `.code` is machine-readable, `.path` names the spec field. */
export class BpxError extends Error {
  constructor(code, message, path = '') {
    super(message);
    this.name = 'BpxError';
    this.code = code;
    this.path = path;
  }
}

export const ERROR_MARK = '\x01';
/** The largest seed a JS number holds exactly. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

export function describe(value) {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'undefined') return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

// Lone UTF-16 surrogates: embind's UTF-8 encoder would pair one with the next character
// (swallowing, say, a closing quote); U+FFFD instead lets the engine name the field.
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function specText(spec) {
  if (typeof spec === 'string') return spec.replace(LONE_SURROGATE, '\uFFFD');
  if (spec === null || typeof spec !== 'object') {
    throw new BpxError('INVALID_SPEC', `the spec must be an object or JSON text, got ${describe(spec)}`);
  }
  return jsonText(spec, 'INVALID_SPEC', '', 'the spec');
}

/**
 * An object as JSON for the engine; a BpxError with `code` naming the path (under `prefix`) of
 * a NaN or infinite number, which JSON would turn into null.
 */
export function jsonText(value, code, prefix, what) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    throw new BpxError(code, `${what} cannot be written as JSON: ${e.message}`, prefix || undefined);
  }
  if (text.includes('null')) {
    const path = nonFinitePath(value, prefix);
    if (path !== null) {
      throw new BpxError(code, `${path.text}: expected a finite number, got ${valueAt(value, path.steps)}`, path.text);
    }
  }
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

// The JSON path of the first NaN or infinite number in a spec object, or null.
function nonFinitePath(value, text, steps = [], depth = 0) {
  if (typeof value === 'number') return Number.isFinite(value) ? null : { text, steps };
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, v] of entries) {
    const next = typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key;
    const found = nonFinitePath(v, next, [...steps, key], depth + 1);
    if (found) return found;
  }
  return null;
}

function valueAt(value, steps) {
  return steps.reduce((v, key) => v[key], value);
}

export function errorFrom(text) {
  const e = JSON.parse(text.slice(1));
  return new BpxError(e.code, e.message, e.path);
}

/** Returns a raw result, or throws the BpxError it carries. */
export function unwrap(result, health) {
  if (typeof result === 'string' && result[0] === ERROR_MARK) {
    const error = errorFrom(result);
    if (error.code === 'OUT_OF_MEMORY' && health) health.check(error);
    throw error;
  }
  return result;
}

export function checkInteger(name, value, lo, hi) {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new BpxError('INVALID_ARGUMENT', `${name}: expected an integer between ${lo} and ${hi}, got ${describe(value)}`, name);
  }
}

export function checkNumber(name, value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new BpxError('INVALID_ARGUMENT', `${name}: expected a finite number, got ${describe(value)}`, name);
  }
}

export function checkOneOf(name, value, allowed) {
  if (!allowed.includes(value)) {
    throw new BpxError('INVALID_ARGUMENT', `${name}: expected one of ${allowed.join(', ')}, got ${describe(value)}`, name);
  }
}

export function checkBoolean(name, value) {
  if (typeof value !== 'boolean') {
    throw new BpxError('INVALID_ARGUMENT', `${name}: expected true or false, got ${describe(value)}`, name);
  }
}

export function options(name, value) {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new BpxError('INVALID_ARGUMENT', `${name}: expected an options object, got ${describe(value)}`, name);
  }
  return value;
}

export function deepFreeze(x) {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}
