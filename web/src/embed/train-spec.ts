// A spec (or a preset's spec) as the training view's settings (its t.* parameters, see
// web/src/train/state.ts): the structure, activations, loss, optimizer, batch size, seeds,
// initialisation scheme, and the data: a generated data set, or explicit 2-D points, which
// become the view's own points. Explicit initial weights have no place in the training view
// (it draws them from init.scheme, xavier by default).
import type { Engine, Spec } from '../engine';
import { encodePoints } from '../train/state';

type Json = Record<string, unknown>;

/**
 * The t.* parameters for `spec`; throws an Error (a BpxError from the engine for data it
 * cannot show as points) with a message for what cannot be shown.
 */
export function trainParamsFromSpec(spec: Spec, engine: Pick<Engine, 'pointData'>): [string, string][] {
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
  if ('labels' in spec.data || ('inputs' in spec.data && 'targets' in spec.data)) {
    // Points of the plane with labels: the engine's own point form as it is, or explicit
    // examples with their targets decoded by the engine (engine.pointData).
    const d = engine.pointData(spec);
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
  }
  return out;
}
