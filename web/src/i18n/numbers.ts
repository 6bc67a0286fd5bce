// The one parser for numbers that people type (value editors, the learning rate, layer sizes,
// the practice seed): a decimal point or a decimal comma, a typographic minus, an exponent.
// Practice answers are arithmetic for the engine: toEngineArithmetic turns their decimal
// commas into points and leaves everything else to the engine's own parser.

/** The number typed in `text` ("0,25", "−1e-3", " 2 "), or null when it is not one finite number. */
export function parseNumber(text: string): number | null {
  let s = String(text).trim().replace(/[\u2212\u2013]/g, '-').replace(/\s+/g, '');
  if (s.includes(',')) {
    if (s.includes('.') || s.indexOf(',') !== s.lastIndexOf(',')) return null; // 1.000,5 or 1,2,3: ambiguous
    s = s.replace(',', '.');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

/** A whole number typed in `text`, or null. */
export function parseInteger(text: string): number | null {
  const v = parseNumber(text);
  return v !== null && Number.isInteger(v) ? v : null;
}

/** An answer's decimal commas ("0,5*0,62") as points ("0.5*0.62") for the engine's parser. */
export function toEngineArithmetic(text: string): string {
  return String(text).replace(/(\d),(?=\d)/g, '$1.');
}
