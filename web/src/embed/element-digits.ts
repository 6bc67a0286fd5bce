// <backprop-explorer digits="4">: the step-through view's significant digits at start, one of
// the choices of its Digits picker (web/src/explorer/skeleton.ts). The element sets the picker
// as a reader would, so the view, its exports and the picker agree; other values are ignored.
import { DIGIT_CHOICES } from '../explorer/skeleton';

export const DIGITS_ATTRIBUTE = 'digits';

/** The digits asked for, when they are one of the picker's choices; else null. */
export function parseDigits(value: string | null): number | null {
  const d = Number(value?.trim());
  return value && DIGIT_CHOICES.includes(d) ? d : null;
}

/** Sets the Digits picker of the step-through view under `host` to `digits` (when it differs). */
export function applyDigits(host: ParentNode, digits: number | null): void {
  const picker = host.querySelector<HTMLSelectElement>('.digits-picker select');
  if (digits === null || !picker || picker.value === String(digits)) return;
  picker.value = String(digits);
  picker.dispatchEvent(new Event('change'));
}
