// The step-through view's state in a URL: the example (preset=id) or the edited network
// (spec=JSON), in the fragment (web/src/url-state.ts). "Copy link" carries that alone; the
// page's own URL keeps its other parameters.
import { linkWithState } from '../url-state';

/** Sets the step-through state in `params` (in place): preset=id, or spec=JSON when edited. */
export function setStepState(params: URLSearchParams, presetId: string | null, spec: unknown): void {
  params.delete('preset');
  params.delete('spec');
  if (presetId) params.set('preset', presetId);
  else params.set('spec', JSON.stringify(spec));
}

/** A link to `base` with the step-through state only (a link to share). */
export function stepLink(base: string, presetId: string | null, spec: unknown): string {
  const params = new URLSearchParams();
  setStepState(params, presetId, spec);
  return linkWithState(base, params);
}
