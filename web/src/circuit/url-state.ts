// The circuit's state in the URL: ?mode=circuit&program=...&expanded=1&step=3&compare=id,
// so that a teacher can link exactly what they see.
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
  const url = new URL(location.href);
  url.searchParams.set('mode', 'circuit');
  url.searchParams.set('program', s.program ?? '');
  if (s.expanded) url.searchParams.set('expanded', '1');
  else url.searchParams.delete('expanded');
  url.searchParams.set('step', String(s.step));
  if (s.compare) url.searchParams.set('compare', s.compare);
  else url.searchParams.delete('compare');
  history.replaceState(null, '', url);
}
