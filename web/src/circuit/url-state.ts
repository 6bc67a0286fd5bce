// The circuit's state in the URL (web/src/url-state.ts): mode=circuit&program=...&expanded=1&step=3&compare=id,
// so that a teacher can link exactly what they see.
import { updateState } from '../url-state';
export interface CircuitUrlState {
  program: string | null;
  expanded: boolean;
  step: number;
  compare: string;
}

export function readCircuitState(params: URLSearchParams): CircuitUrlState {
  const step = Number(params.get('step'));
  return {
    program: params.get('program'),
    expanded: params.get('expanded') === '1',
    step: Number.isInteger(step) && step >= 0 ? step : 0,
    compare: params.get('compare') ?? '',
  };
}

export function writeCircuitState(s: CircuitUrlState): void {
  updateState((p) => {
    p.set('mode', 'circuit');
    p.set('program', s.program ?? '');
    if (s.expanded) p.set('expanded', '1');
    else p.delete('expanded');
    p.set('step', String(s.step));
    if (s.compare) p.set('compare', s.compare);
    else p.delete('compare');
  });
}
