// The step-through view edits explicit examples ({inputs, targets}); this narrows a spec's
// data to that form (the other forms are generated sets and the training view's points).
import type { ExplicitData, Spec } from '../engine';

export function explicitData(spec: Spec): ExplicitData | null {
  return 'inputs' in spec.data ? spec.data : null;
}
