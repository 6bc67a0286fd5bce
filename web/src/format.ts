// Number formatting for display. Formatting only: no arithmetic on the engine's values.

/** Significant digits shown on the page (the exact value is always in title/data-value). */
export const DEFAULT_DIGITS = 6;
let digits = DEFAULT_DIGITS;

export function setDigits(d: number): void {
  digits = Math.max(1, Math.min(17, Math.round(d)));
}
export function getDigits(): number {
  return digits;
}

/** Decimal comma on display (a view's `decimal` setting, web/src/i18n); exact values keep the point. */
let decimalComma = false;

export function setDecimalComma(on: boolean): void {
  decimalComma = on;
}
export function usesDecimalComma(): boolean {
  return decimalComma;
}

/** Text with numbers (1.5, 0.003) written with a decimal comma when `comma` (a view's own setting). */
export function withDecimalComma(text: string, comma: boolean): string {
  return comma ? text.replace(/(\d)\.(\d)/g, '$1,$2') : text;
}

/** A value with `d` significant digits, trailing zeros trimmed; − for minus. */
export function fmt(v: number | null | undefined, d = digits): string {
  if (v === null || v === undefined) return '—';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  let s: string;
  const abs = Math.abs(v);
  if (abs >= 1e-4 && abs < 1e7) {
    s = v.toPrecision(d);
    if (s.includes('e')) s = String(Number(s));
    if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  } else {
    s = v.toExponential(Math.max(0, d - 1)).replace(/\.?0+e/, 'e');
  }
  s = s.replace('-', '−');
  return decimalComma ? s.replace('.', ',') : s;
}

/** Like fmt but with an ASCII minus (for LaTeX, JSON-ish text and inputs). */
export function fmtAscii(v: number | null | undefined, d = digits): string {
  return fmt(v, d).replace(/−/g, '-');
}

/** LaTeX for a number: scientific notation as a × 10^{k}. */
export function texNum(v: number | null | undefined, d = digits): string {
  if (v === null || v === undefined) return '\\text{—}';
  const s = fmtAscii(v, d);
  const m = s.match(/^(-?[\d.,]+)e([+-]?\d+)$/);
  if (m) return `${m[1].replace(',', '{,}')} \\times 10^{${Number(m[2])}}`;
  if (s === 'Infinity' || s === '∞') return '\\infty';
  return s.replace(',', '{,}'); // a decimal comma without the space TeX puts after punctuation
}

/** The exact engine value as text (shortest round-trip decimal). */
export function exact(v: number | null | undefined): string {
  if (v === null || v === undefined) return '';
  return String(v);
}

/** Subscript digits for labels like x₁. */
export function sub(n: number): string {
  const map = '₀₁₂₃₄₅₆₇₈₉';
  return String(n)
    .split('')
    .map((c) => map[Number(c)] ?? c)
    .join('');
}

/** A value with `decimals` decimals (scientific outside 1e-3..1e5), − for minus: for readouts that must not jump in width. */
export function fmtFixed(v: number | null | undefined, decimals = 3): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2).replace('-', '−');
  return v.toFixed(decimals).replace('-', '−');
}

/** A loss as the training view shows it: 4 decimals, scientific below 1e-4. */
export function fmtLoss(v: number | null): string {
  if (v === null || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return '∞';
  return v < 1e-4 ? v.toExponential(2) : v.toFixed(4);
}

/** A share as a percentage with one decimal (accuracy). */
export function fmtPercent(v: number | null): string {
  return v === null || Number.isNaN(v) ? '–' : `${(v * 100).toFixed(1)}%`;
}
