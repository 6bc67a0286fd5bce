// Where an engine error is shown: its path (a spec field such as "optimizer.learning_rate" or
// "layers[2]") names the setting whose spec field it is (table.ts), and that setting's control
// shows it. Only the structure is placed by hand: layer i has its own slot in the network.
import { inSpec } from './spec.js';
import { ROWS, type TrainSettings } from './table.js';

function under(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}

/** layers[0] is the features; layers[i] and activations[i - 1] are hidden layer i, or the output. */
function structureSlot(path: string, hiddenLayers: number): string | null {
  const m = /^(layers|activations)\[(\d+)\]/.exec(path);
  if (m) {
    const layer = m[1] === 'layers' ? Number(m[2]) : Number(m[2]) + 1;
    if (m[1] === 'layers' && layer === 0) return 'features';
    return layer > hiddenLayers ? 'output' : `layer${layer}`;
  }
  return path === 'layers' || path === 'activations' ? 'layers' : null;
}

/** The data-err slot for an engine error about `path` ("general" when no control sets it). */
export function errorSlot(path: string, s: TrainSettings): string {
  const structure = structureSlot(path, s.hidden.length);
  if (structure) return structure;
  let best = 'general';
  let bestLength = -1;
  for (const r of ROWS) {
    // The user's points are the whole data object of the spec.
    const field = r.name === 'edited' ? (s.edited ? 'data' : null) : r.spec && inSpec(r.spec, !!s.edited) ? r.spec : null;
    if (field && under(path, field) && field.length > bestLength) {
      best = r.control;
      bestLength = field.length;
    }
  }
  if (bestLength >= 0) return best;
  // A field no setting writes (optimizer.momentum, init.bias): the group's first setting.
  const group = path.split(/[.[]/)[0];
  return ROWS.find((r) => r.spec?.startsWith(`${group}.`))?.control ?? 'general';
}
