// Fills the engine's TeX templates (catalogue `texExample`, `texDAExample`, `texLinkValues`):
// `$name` takes its value, `$(name)` too, in parentheses when the value is negative. The
// values are TeX (a number from texNum, or a symbol such as \hat y). Words inside the engine's
// TeX (\text{ if }, \text{prediction}) are English; texWords puts them in the view's language.
import type { T } from './i18n/index';

const SLOT = /\$\((\w+)\)|\$([a-z]+)/g;

export function fillTex(template: string, values: Record<string, string>): string {
  return template.replace(SLOT, (whole, wrapped: string | undefined, bare: string | undefined) => {
    const v = values[wrapped ?? bare ?? ''];
    if (v === undefined) return whole;
    return wrapped && v.startsWith('-') ? `(${v})` : v;
  });
}

/** The symbols of a loss template: the prediction ŷ and the target y. */
export const LOSS_SYMBOLS = { yhat: '\\hat y', y: 'y' } as const;

const WORDS = [
  ['\\text{ if }', 'math.if'],
  ['\\text{ else }', 'math.else'],
  ['\\text{prediction}', 'math.prediction'],
  ['\\text{target}', 'math.target'],
] as const;

/** The engine's TeX with its words (\text{…}) in the view's language. */
export function texWords(tex: string, t: T): string {
  let out = tex;
  for (const [english, key] of WORDS) out = out.split(english).join(`\\text{${t(key)}}`);
  return out;
}
