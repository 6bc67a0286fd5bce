// The entries practice asks for, from the quantities the engine says the next phase computes.
import { ENGLISH, type T } from '../i18n/index';
import type { PracticeQuantityInfo, PracticeQuestionRef } from './types';

/** Entries asked per quantity: a small matrix whole, a large one by its first entries. */
export const MAX_ENTRIES_PER_QUANTITY = 6;

export function entriesOf(quantities: PracticeQuantityInfo[]): PracticeQuestionRef[] {
  const out: PracticeQuestionRef[] = [];
  for (const q of quantities) {
    let n = 0;
    for (let r = 0; r < q.rows && n < MAX_ENTRIES_PER_QUANTITY; r++) {
      for (let c = 0; c < q.cols && n < MAX_ENTRIES_PER_QUANTITY; c++, n++) {
        out.push({ quantity: q.quantity, layer: q.layer, entry: [r, c] });
      }
    }
  }
  return out;
}

/** "dZ[2](0,0)" in the README's notation (0-based row, column), "loss" for the loss. */
export function questionLabel(q: PracticeQuestionRef | undefined, t: T): string {
  if (!q) return '';
  if (q.quantity === 'loss') return t('practice.theLoss');
  const entry = `${q.quantity}[${q.layer}](${q.entry[0]},${q.entry[1]})`;
  return q.quantity === 'W' || q.quantity === 'b' ? t('practice.afterUpdate', { q: entry }) : entry;
}

/** The same label in English (the element's data-question and events, which programs read). */
export const questionId = (q: PracticeQuestionRef | undefined) => questionLabel(q, ENGLISH.t);
