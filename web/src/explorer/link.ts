// The step-through view's state in a URL: the example (?preset=id) or the edited network
// (?spec=JSON). "Copy link" carries that alone; the page's own URL keeps its other parameters.

/**
 * `base` with the step-through state. `only`: drop every other parameter (a link to share);
 * otherwise keep them (the page's address bar, which the training view also uses).
 */
export function stepLink(base: string, presetId: string | null, spec: unknown, only: boolean): string {
  const url = new URL(base);
  const keep = only ? [] : [...url.searchParams.entries()].filter(([k]) => k !== 'preset' && k !== 'spec');
  url.search = '';
  url.hash = '';
  if (presetId) url.searchParams.set('preset', presetId);
  else url.searchParams.set('spec', JSON.stringify(spec));
  for (const [k, v] of keep) url.searchParams.append(k, v);
  return url.toString();
}
