// Words for each phase, for the ARIA live region ("Backward, layer 1: dZ[1] = …").
import type { Matrix } from '../engine';
import { fmt } from '../format';
import { phaseTitle } from './phases';
import type { Snapshot } from './snapshot';

function vec(m: Matrix, d = 4): string {
  const n = m.data.length;
  if (n === 0) return '[]';
  const shown = Array.from(m.data.slice(0, 6), (v) => fmt(v, d));
  return `[${shown.join(', ')}${n > 6 ? `, … ${n - 6} more` : ''}]`;
}

export function narrate(s: Snapshot): string {
  const p = s.phase;
  const st = s.state;
  const next = `Next: ${phaseTitle(st.nextPhase)}.`;
  if (!p || (st.step === 0 && st.cursor === 0)) {
    return `Start of step ${st.step + 1}: nothing computed yet. ${next}`;
  }
  const l = p.layer;
  switch (p.kind) {
    case 'forward':
      return `Forward, layer ${l}: Z[${l}] = W[${l}] A[${l - 1}] + b[${l}] = ${vec(s.Z[l])}; ` +
        `A[${l}] = ${s.activations[l - 1]}(Z[${l}]) = ${vec(s.A[l])}. ${next}`;
    case 'loss':
      return `Loss: prediction ŷ = ${vec(s.A[s.L])} against target y = ${vec(s.Y)}; ` +
        `${s.loss} loss = ${fmt(st.loss, 6)}. dA[${s.L}] = ${vec(s.dA[s.L])}. ${next}`;
    case 'backward':
      return `Backward, layer ${l}: receives dA[${l}] = ${vec(s.dA[l])}; dZ[${l}] = ${vec(s.dZ[l])}; ` +
        `dW[${l}] = ${vec(s.dW[l])}; db[${l}] = ${vec(s.db[l])}; passes on dA[${l - 1}] = ${vec(s.dA[l - 1])}. ${next}`;
    case 'update': {
      const parts: string[] = [];
      for (let k = s.L; k >= 1; k--) {
        parts.push(s.before
          ? `W[${k}] from ${vec(s.before.W[k])} to ${vec(s.W[k])}, b[${k}] from ${vec(s.before.b[k])} to ${vec(s.b[k])}`
          : `W[${k}] = ${vec(s.W[k])}`);
      }
      return `Update (learning rate ${fmt(s.learningRate)}): ${parts.join('; ')}. Step ${st.step} done. ${next}`;
    }
  }
}
