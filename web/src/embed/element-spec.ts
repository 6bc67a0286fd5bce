// The network an element's attributes name: an inline `spec`, a `src` to fetch, or a preset
// (null here: the step-through view loads the preset itself). The engine checks a spec before
// any view is built, so that a bad one leaves the element's current view in place.
import type { Engine, Spec } from '../engine';
import { findPreset, PRESETS } from '../explorer/presets';
import type { Locale } from '../i18n/index';
import { parseSpec } from './element-support';
import type { EmbedOptions } from './options';
import { allowedOrigins, fetchSpec } from './spec-source';

/** The spec of the options (null: a preset); throws what is wrong with it. */
export async function elementSpec(o: EmbedOptions, srcOrigins: string | null, engine: Engine, loc: Locale): Promise<Spec | null> {
  let spec: Spec | null = null;
  if (o.spec) spec = parseSpec(o.spec, 'spec', loc);
  else if (o.src) spec = await fetchSpec(o.src, allowedOrigins(srcOrigins));
  if (spec) {
    const v = engine.validate(spec);
    if (!v.ok) throw v.error;
  } else if (o.preset && !findPreset(o.preset)) {
    throw new Error(loc.t('embed.noPreset', { preset: o.preset, list: PRESETS.map((p) => p.id).join(', ') }));
  }
  return spec;
}
