// The one URL adapter: the page's state (preset or spec, mode, the training view's t.* settings,
// the circuit, practice) lives in URL parameters, read from the query *and* the fragment and
// written to the fragment, so that hosts that strip queries (some LMS editors) and slide decks
// that reload iframes keep it, and an iframe that reloads comes back to the same state.
//
// Rules (docs/embedding.md, "State in the address"):
// - read: the query's parameters, then the fragment's on top (a key in the fragment replaces the
//   same key of the query). A fragment without "=" (`#main`, a deck's `#/3`) is not state.
// - a saved standalone file carries a state of its own (`<html data-bpx-state="...">`, written by
//   web/src/offline/standalone-html.js); it counts only when the address carries no state.
// - write: the whole state goes into the fragment and the query is dropped (its keys move into
//   the fragment), so a key a view removes stays removed after a reload.
// The pages read it through web/src/page-params.ts, which refuses a link longer than any the
// page writes; the values are validated where they are used (the engine's spec and program
// limits, the training view's settings table).

const BUILT_IN_ATTRIBUTE = 'data-bpx-state';

/** The parameters of a fragment ("#a=1&b=2"), or none when it holds no "=". */
function fragmentParams(hash: string): URLSearchParams {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  return text.includes('=') ? new URLSearchParams(text) : new URLSearchParams();
}

/** Query then fragment (fragment wins key by key). */
export function stateOfUrl(href: string): URLSearchParams {
  const url = new URL(href);
  const out = new URLSearchParams(url.search);
  const fragment = fragmentParams(url.hash);
  for (const key of new Set(fragment.keys())) {
    out.delete(key);
    for (const v of fragment.getAll(key)) out.append(key, v);
  }
  return out;
}

/** The state built into a saved file (empty on the served pages). */
export function builtInState(doc: Document = document): URLSearchParams {
  return new URLSearchParams(doc.documentElement.getAttribute(BUILT_IN_ATTRIBUTE) ?? '');
}

/** The page's state now: its address's, or (when that has none) the one built into the file. */
export function readState(): URLSearchParams {
  const fromUrl = stateOfUrl(location.href);
  return [...fromUrl.keys()].length > 0 ? fromUrl : builtInState();
}

/** `base` (its query and fragment dropped) with `params` in the fragment: a link that keeps its state. */
export function linkWithState(base: string, params: URLSearchParams): string {
  const url = new URL(base);
  url.search = '';
  const text = params.toString();
  url.hash = text;
  return text ? url.href : url.href.replace(/#$/, '');
}

/**
 * Changes the page's state: `change` edits the current state (readState()), which is then
 * written to the fragment. A page that cannot rewrite its address (some sandboxed frames) keeps
 * working; only a reload then starts afresh.
 */
export function updateState(change: (params: URLSearchParams) => void): void {
  const params = readState();
  change(params);
  const next = linkWithState(location.href, params);
  if (next === location.href) return;
  try {
    history.replaceState(history.state, '', next);
  } catch {
    // An opaque-origin document may refuse: the state still holds in the page.
  }
}
