// Messages of the training view: an error in the slot beside the control that caused it
// (data-err, placed by web/src/settings/placement.ts), or in the general slot under the status.
// In another language than English a message is a summary in that language, then the
// engine's (or the settings table's) English text as secondary text marked lang="en"
// (web/src/i18n/errors.ts, docs/architecture.md "Languages").
import { h } from '../dom';
import type { Locale } from '../i18n/index';
import { describeError, type UserError } from '../i18n/errors';
import { PREFIX, settingNamed, type SettingError } from '../settings/index';

/** Text in the view's language, or a summary with the English detail. */
export type Message = string | UserError;

export function clearErrors(root: HTMLElement): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-err]')) {
    el.textContent = '';
    el.closest('.bpx-t-field')?.classList.remove('bpx-t-invalid');
  }
}

/** Shows `message` in the slot `key` (empty: clears it); a slot the view lacks falls back to the general one. */
export function setError(root: HTMLElement, status: HTMLElement, key: string, message: Message): void {
  let el = root.querySelector<HTMLElement>(`[data-err="${key}"]`) ?? root.querySelector<HTMLElement>('[data-err="general"]');
  if (!el) {
    el = h('span', { class: 'bpx-t-err', role: 'alert', 'data-err': 'general' });
    status.after(el);
  }
  const m = typeof message === 'string' ? { summary: message, detail: '' } : message;
  el.replaceChildren(m.summary);
  if (m.detail) el.append(h('span', { class: 'engine-detail', lang: 'en' }, ` ${m.detail}`));
  el.closest('.bpx-t-field')?.classList.toggle('bpx-t-invalid', m.summary !== '');
}

/** An error of the engine (engine.js BpxError): it has a code and names a path of the spec. */
export function isBpxError(e: unknown): e is Error & { path: string; code: string } {
  return e instanceof Error && typeof (e as { path?: unknown }).path === 'string';
}

/** An engine error (BpxError: code, path, message) as the view shows it. */
export function engineMessage(e: unknown, loc: Locale): Message {
  if (loc.lang === 'en') return e instanceof Error ? e.message : String(e);
  return describeError(e, loc);
}

/** A setting that a link or an attribute gave wrongly (settings/codec.ts): which parameter, then why. */
export function settingMessage(err: SettingError, loc: Locale): Message {
  if (loc.lang === 'en') return err.message;
  return { summary: loc.t('train.error.setting', { key: PREFIX + settingNamed(err.name).key }), detail: err.message };
}
