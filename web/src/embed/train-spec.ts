// The training view's settings in an element: the defaults, then what the spec (or the
// preset's spec) sets, then the element's own t.* attributes, all read through the one
// settings table (web/src/settings/). Explicit initial weights have no place in the training
// view (it draws them from init.scheme); 2-D explicit data become the view's own points, their
// targets decoded by the engine.
import type { Engine, Spec } from '../engine';
import { defaultSettings, readHidden, readSettings, settingsFromSpec } from '../settings/index';
import type { TrainViewOptions } from '../train/index';
import { trainHidden, type EmbedOptions } from './options';

/** Settings, their errors and the hide list; throws an Error for a spec the view cannot show. */
export function trainViewSettings(spec: Spec | null, o: EmbedOptions, engine: Pick<Engine, 'pointData'>): Pick<TrainViewOptions, 'settings' | 'errors' | 'hidden'> {
  // Explicit inputs and targets: the engine decodes its own target encoding (engine.pointData).
  const base = { ...defaultSettings(), ...(spec ? settingsFromSpec(spec, (s) => engine.pointData(s)) : {}) };
  const attributes = new Map(o.train);
  const get = (name: string) => attributes.get(name) ?? null;
  const { settings, errors } = readSettings(get, base);
  const hidden = new Set([...trainHidden(o.parts), ...readHidden(get)]);
  return { settings, errors, hidden };
}
