// The one place the page reads its URL parameters (app.ts, embed/frame.ts), within a size
// limit: a link longer than any the page writes is not read at all. The page then opens with
// its defaults, says why, and drops the oversized query from the address bar, so that no view
// writes megabytes back into it.
//
// The limit is well above the longest link the page writes: a circuit program at the engine's
// 20,000-byte limit percent-encoded (at most 60,000 characters), an edited spec, the training
// view's own points.
export const MAX_LINK_CHARS = 131072;

/** The message for an oversized link (the page's one string for it). */
export function linkTooLongMessage(chars: number): string {
  return `This link's parameters are ${chars.toLocaleString('en')} characters long; the page reads links of at most ${MAX_LINK_CHARS.toLocaleString('en')}, so it opened with its defaults.`;
}

export interface PageParams {
  params: URLSearchParams;
  /** Why the parameters were not read, or null. */
  notice: string | null;
}

export function readPageParams(): PageParams {
  const chars = location.search.length + location.hash.length;
  if (chars <= MAX_LINK_CHARS) return { params: new URLSearchParams(location.search), notice: null };
  history.replaceState(null, '', location.pathname);
  return { params: new URLSearchParams(), notice: linkTooLongMessage(chars) };
}
