// The one place the page reads its URL parameters (app.ts, embed/frame.ts), within a size
// limit: a link longer than any the page writes is not read at all. The page then opens with
// its defaults, says why, and drops the oversized query from the address bar, so that no view
// writes megabytes back into it.
//
// The limit is well above the longest link the page writes: a circuit program at the engine's
// 20,000-byte limit percent-encoded (at most 60,000 characters), an edited spec, the training
// view's own points.
import type { T } from './i18n/index';
import { builtInState, readState } from './url-state';

export const MAX_LINK_CHARS = 131072;

/** The message for an oversized link, in the view's language. */
export function linkTooLongMessage(t: T, chars: number): string {
  return t('page.linkTooLong', { chars: chars.toLocaleString('en'), max: MAX_LINK_CHARS.toLocaleString('en') });
}

export interface PageParams {
  params: URLSearchParams;
  /** The length of a link that was too long to read (see linkTooLongMessage), or null. */
  tooLong: number | null;
}

export function readPageParams(): PageParams {
  const chars = location.search.length + location.hash.length;
  if (chars <= MAX_LINK_CHARS) return { params: readState(), tooLong: null };
  try {
    history.replaceState(null, '', location.pathname);
  } catch {
    // An opaque-origin frame may refuse: the oversized state is still not read.
  }
  return { params: builtInState(), tooLong: chars };
}
