// Words for each phase, for the ARIA live region ("Backward, layer 1: dZ[1] = …").
import type { Matrix } from '../engine';
import { fmt } from '../format';
import { phaseTitle } from './phases';
import type { Snapshot } from './snapshot';
import type { T } from '../i18n/index';
import { usesDecimalComma } from '../format';

function vec(t: T, m: Matrix, d = 4): string {
  const n = m.data.length;
  if (n === 0) return '[]';
  const sep = usesDecimalComma() ? '; ' : ', '; // a decimal comma needs another list separator
  const shown = Array.from(m.data.slice(0, 6), (v) => fmt(v, d));
  return `[${shown.join(sep)}${n > 6 ? `${sep}${t('say.more', { n: n - 6 })}` : ''}]`;
}

export function narrate(s: Snapshot, t: T): string {
  const p = s.phase;
  const st = s.state;
  const v = (m: Matrix) => vec(t, m);
  const next = t('say.next', { phase: phaseTitle(st.nextPhase, t) });
  if (!p || (st.step === 0 && st.cursor === 0)) {
    return `${t('say.start', { step: st.step + 1 })} ${next}`;
  }
  const l = p.layer;
  switch (p.kind) {
    case 'forward':
      return `${t('say.forward', { l })} Z[${l}] = W[${l}] A[${l - 1}] + b[${l}] = ${v(s.Z[l])}; ` +
        `A[${l}] = ${s.activations[l - 1]}(Z[${l}]) = ${v(s.A[l])}. ${next}`;
    case 'loss':
      return `${t('say.loss', { yhat: v(s.A[s.L]), y: v(s.Y), loss: s.loss, value: fmt(st.loss, 6) })} ` +
        `dA[${s.L}] = ${v(s.dA[s.L])}. ${next}`;
    case 'backward':
      return `${t('say.backward', { l, k: l - 1, dA: v(s.dA[l]), dZ: v(s.dZ[l]), dW: v(s.dW[l]), db: v(s.db[l]), dAk: v(s.dA[l - 1]) })} ${next}`;
    case 'update': {
      const parts: string[] = [];
      for (let k = s.L; k >= 1; k--) {
        parts.push(s.before
          ? `${t('say.updateFromTo', { name: `W[${k}]`, from: v(s.before.W[k]), to: v(s.W[k]) })}, ` +
            t('say.updateFromTo', { name: `b[${k}]`, from: v(s.before.b[k]), to: v(s.b[k]) })
          : `W[${k}] = ${v(s.W[k])}`);
      }
      return `${t('say.update', { lr: fmt(s.learningRate), parts: parts.join('; '), step: st.step })} ${next}`;
    }
  }
}
