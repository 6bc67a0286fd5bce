// A spec (or a preset's spec) as the training view's settings (its t.* parameters, see
// web/src/train/state.ts): the structure, activations, loss, optimizer, batch size, seeds,
// initialisation scheme, and the data: a generated data set, or explicit 2-D points, which
// become the view's own points. Explicit initial weights have no place in the training view
// (it draws them from init.scheme, xavier by default).
import type { Spec } from '../engine';
import { encodePoints } from '../train/state';

type Json = Record<string, unknown>;

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The t.* parameters for `spec`; throws an Error with a message for what cannot be shown. */
export function trainParamsFromSpec(spec: Spec): [string, string][] {
  const out: [string, string][] = [];
  const set = (k: string, v: unknown) => {
    if (v !== undefined && v !== null) out.push([`t.${k}`, Array.isArray(v) ? v.join(',') : String(v)]);
  };
  const layers = Array.isArray(spec.layers) ? spec.layers : [];
  const acts = Array.isArray(spec.activations) ? spec.activations : [];
  set('hidden', layers.slice(1, -1));
  if (acts.length) {
    set('act', acts.slice(0, -1));
    set('out', acts[acts.length - 1]);
  }
  set('loss', spec.loss);
  const opt = (spec.optimizer ?? {}) as Json;
  set('opt', opt.type);
  set('lr', opt.learning_rate);
  set('l2', opt.weight_decay);
  set('batch', spec.batch_size);
  set('seed', spec.seed);
  const init = (spec.init ?? {}) as Json;
  set('init', init.scheme);
  set('iseed', init.seed);

  const data: Json = { ...spec.data };
  if ('labels' in spec.data) {
    // The engine's own point form: the view's points as they are.
    const d = spec.data;
    set('classes', d.classes);
    set('features', d.features);
    out.push(['t.pts', encodePoints({ xy: d.points.flat(), labels: d.labels, regression: d.task === 'regression' })]);
  } else if (typeof data.dataset === 'string') {
    set('data', data.dataset);
    set('points', data.points);
    set('noise', data.noise);
    set('split', data.train_fraction);
    set('dseed', data.seed);
    set('classes', data.classes);
    set('features', Array.isArray(data.features) ? data.features : undefined);
  } else if (Array.isArray(data.inputs) && Array.isArray(data.targets)) {
    const inputs = data.inputs as unknown[][];
    const targets = data.targets as unknown[][];
    if (!inputs.every((r) => Array.isArray(r) && r.length === 2 && r.every(num))) {
      throw new Error('Train mode shows 2-D data: every row of data.inputs needs two numbers (or use data.dataset).');
    }
    const width = Array.isArray(targets[0]) ? targets[0].length : 0;
    const values = targets.map((r) => (Array.isArray(r) ? r : []));
    let labels: number[];
    let regression = false;
    if (width > 1) {
      labels = values.map((r) => r.indexOf(Math.max(...(r as number[]))));
      set('classes', width);
    } else {
      const ys = values.map((r) => Number(r[0]));
      const binary = ys.every((y) => y === 0 || y === 1 || y === -1);
      regression = !binary;
      labels = binary ? ys.map((y) => (y > 0 ? 1 : 0)) : ys.map((y) => Math.max(-1, Math.min(1, y)));
    }
    const xy = inputs.flatMap((r) => r as number[]);
    out.push(['t.pts', encodePoints({ xy, labels, regression })]);
    set('features', ['x1', 'x2']);
  }
  return out;
}
