// Errors shown to people. The engine's messages are English and name what was expected
// ("layers[1]: expected an integer between 1 and 64, got 0"); what the page can say in the
// view's language comes from the error's code and fields (BpxError .code, .path, .line,
// .column). Where those say everything (OUT_OF_MEMORY, ENGINE_LOST, DELETED) the translation
// is the whole message; otherwise it is the summary and the engine's English text follows
// as the detail, marked lang="en" (docs/architecture.md, "Languages").
import type { Key, Locale } from './index';
import { h } from '../dom';

export interface UserError {
  /** In the view's language. */
  summary: string;
  /** The engine's own English message ('' when the summary says it all, and always in English). */
  detail: string;
}

interface ErrorFields {
  message?: unknown;
  code?: unknown;
  path?: unknown;
  line?: unknown;
  column?: unknown;
}

/** The engine's message with its path in front (how the English page has always shown it). */
export function engineText(e: unknown): string {
  const err = (e ?? {}) as ErrorFields;
  const message = String(err.message ?? e);
  const path = typeof err.path === 'string' ? err.path : '';
  return path && !message.startsWith(path) ? `${path}: ${message}` : message;
}

const WHOLE: Record<string, Key> = {
  OUT_OF_MEMORY: 'error.outOfMemory',
  ENGINE_LOST: 'error.engineLost',
  DELETED: 'error.deleted',
};

export function describeError(e: unknown, loc: Locale): UserError {
  const english = engineText(e);
  if (loc.lang === 'en') return { summary: english, detail: '' };
  const err = (e ?? {}) as ErrorFields;
  const code = typeof err.code === 'string' ? err.code : '';
  const path = typeof err.path === 'string' ? err.path : '';
  const t = loc.t;
  if (WHOLE[code]) return { summary: t(WHOLE[code]), detail: '' };
  let summary: string;
  if (code === 'INVALID_SPEC') summary = path ? t('error.invalidSpecAt', { path }) : t('error.invalidSpec');
  else if (code === 'INVALID_ARGUMENT') summary = path ? t('error.invalidArgumentAt', { path }) : t('error.invalidArgument');
  else if (code === 'WRONG_PHASE') summary = t('error.wrongPhase');
  else if (code === 'INVALID_PROGRAM' && typeof err.line === 'number' && typeof err.column === 'number')
    summary = t('error.invalidProgramAt', { line: err.line, column: err.column });
  else if (code === 'INVALID_PROGRAM') summary = t('error.invalidProgram');
  else summary = t('error.generic');
  return { summary, detail: english };
}

/** One line of text: the summary, then the engine's detail in parentheses. */
export function errorLine(e: unknown, loc: Locale): string {
  const u = describeError(e, loc);
  return u.detail ? `${u.summary} (${u.detail})` : u.summary;
}

/** Fills `el` with the error: the summary, then the engine's English detail as secondary text. */
export function showError(el: HTMLElement, e: unknown, loc: Locale, prefix = ''): void {
  const u = describeError(e, loc);
  el.replaceChildren(prefix + u.summary);
  if (u.detail) {
    el.append(h('span', { class: 'engine-detail', lang: 'en' }, ` ${u.detail}`));
  }
}
