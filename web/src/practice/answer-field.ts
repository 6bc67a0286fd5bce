// The answer field of a practice card (the network's and the circuit's): a text input for a
// number or arithmetic, no autocomplete or spell check, a decimal keypad on phones, and its label.
import { el } from '../dom';

export function answerField(id: string, prefix: string): { label: HTMLLabelElement; input: HTMLInputElement } {
  const label = el('label', `${prefix}-label`);
  const input = el('input', `${prefix}-input`);
  input.id = id;
  input.type = 'text';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.inputMode = 'decimal';
  label.htmlFor = input.id;
  return { label, input };
}
