// The circuit's state in the URL (web/src/url-state.ts):
//   mode=circuit&program=...&set=x=1,w[0]=2&expanded=1&step=3&compare=id
// so that a teacher can link exactly what they see: the program and the input values they
// changed (`set`, as `bpx circuit --set`; the engine says when a name is not an input).
import { updateState } from '../url-state';
export interface CircuitUrlState {
  program: string | null;
  /** Input values that override the program's, by input name ("x", "w[0]"). */
  set: Record<string, number>;
  expanded: boolean;
  step: number;
  compare: string;
}

/** "x=1,w[0]=-2.5" as {x: 1, 'w[0]': -2.5}; entries that are not name=number are left out. */
export function parseSet(text: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of (text ?? '').split(',')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    const value = entry.slice(eq + 1).trim();
    const x = value === '' ? NaN : Number(value);
    if (Number.isFinite(x)) out[entry.slice(0, eq).trim()] = x;
  }
  return out;
}

/** The inverse of parseSet; numbers round-trip exactly (shortest form that reads back). */
export function formatSet(set: Record<string, number>): string {
  return Object.entries(set).map(([name, x]) => `${name}=${x}`).join(',');
}

export function readCircuitState(params: URLSearchParams): CircuitUrlState {
  const step = Number(params.get('step'));
  return {
    program: params.get('program'),
    set: parseSet(params.get('set')),
    expanded: params.get('expanded') === '1',
    step: Number.isInteger(step) && step >= 0 ? step : 0,
    compare: params.get('compare') ?? '',
  };
}

export function writeCircuitState(s: CircuitUrlState): void {
  updateState((p) => {
    p.set('mode', 'circuit');
    p.set('program', s.program ?? '');
    const set = formatSet(s.set);
    if (set) p.set('set', set);
    else p.delete('set');
    if (s.expanded) p.set('expanded', '1');
    else p.delete('expanded');
    p.set('step', String(s.step));
    if (s.compare) p.set('compare', s.compare);
    else p.delete('compare');
  });
}
