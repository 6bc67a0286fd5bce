// Where a `src` spec may come from, and how it is read. Same origin as the page by default;
// another origin only when the host lists it in `src-origins` (space-separated origins).
// data: and other schemes are refused (inline specs go in the `spec` attribute). Errors
// name the URL and what went wrong, never the content: a frame's errors reach its parent.
import type { Spec } from '../engine';

/** The origins a src may load from: the page's own, plus those listed (invalid entries ignored). */
export function allowedOrigins(listed: string | null): Set<string> {
  const out = new Set([location.origin]);
  for (const entry of (listed ?? '').split(/\s+/)) {
    if (!entry) continue;
    try {
      const u = new URL(entry);
      if ((u.protocol === 'https:' || u.protocol === 'http:') && u.origin === entry.replace(/\/$/, '')) out.add(u.origin);
    } catch {
      // not an origin: ignored
    }
  }
  return out;
}

function checkOrigin(url: URL, allowed: Set<string>): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.origin !== location.origin) {
    throw new Error(`src: ${url.protocol} URLs are not loaded; put the spec in the spec attribute`);
  }
  if (!allowed.has(url.origin)) {
    throw new Error(`src: ${url.origin} is another origin; list it in the src-origins attribute to load from it`);
  }
}

export async function fetchSpec(src: string, allowed: Set<string>): Promise<Spec> {
  const url = new URL(src, document.baseURI);
  checkOrigin(url, allowed);
  let response: Response;
  try {
    response = await fetch(url.href, { credentials: 'same-origin' });
  } catch {
    throw new Error(`src: ${url.href} could not be loaded`);
  }
  // A redirect may not leave the allowed origins either.
  if (response.url) checkOrigin(new URL(response.url), allowed);
  if (!response.ok) throw new Error(`src: ${url.href} answered HTTP ${response.status}`);
  const text = await response.text();
  try {
    return JSON.parse(text) as Spec;
  } catch {
    throw new Error(`src: ${url.href} is not valid JSON`);
  }
}
