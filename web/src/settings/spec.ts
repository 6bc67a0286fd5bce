// The settings as the engine's spec and back, generated from the table: each training setting
// is copied to and from its spec field (table.ts). Written by hand here are only the structure
// (layers and activations from features, hidden, activations and output) and the user's own
// points, which replace the generated data set. No validation: the engine checks the spec.
import type { PointData, Spec } from '../../../bindings/wasm/engine.js';
import { catalog, isRegressionSet, targetsOf } from '../catalog.js';
import { decodePoints, encodePoints, type EditedData } from './points.js';
import { ROWS, type TrainSettings } from './table.js';

/** The data fields that also apply to the user's own points; the other data.* fields are the generated set's. */
export const POINT_FIELDS: readonly string[] = ['data.features', 'data.classes'];

/** True when a row's spec field is written for these settings. */
export function inSpec(field: string, edited: boolean): boolean {
  return !edited || !field.startsWith('data.') || POINT_FIELDS.includes(field);
}

type Json = Record<string, unknown>;

function getPath(o: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Json)[k] : undefined), o);
}

function setPath(o: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let at = o;
  for (const k of keys) at = (at[k] ??= {}) as Json;
  at[last] = Array.isArray(value) ? [...value] : value;
}

/** Output units: one per class for an output that codes classes one-hot (softmax), else one. */
export function outputUnits(s: TrainSettings): number {
  return targetsOf(s.output) === 'one_hot' ? s.classes : 1;
}

/** True when the (possibly edited) data are a regression problem. */
export function isRegression(s: TrainSettings): boolean {
  return s.edited ? s.edited.regression : isRegressionSet(s.dataset);
}

export function buildSpec(s: TrainSettings): Spec {
  const spec: Json = {};
  for (const r of ROWS) if (r.spec && inSpec(r.spec, !!s.edited)) setPath(spec, r.spec, s[r.name]);
  spec.layers = [s.features.length, ...s.hidden, outputUnits(s)];
  spec.activations = [...s.activations, s.output];
  if (s.edited) {
    // The engine builds the features and encodes the targets of the user's own points.
    const n = s.edited.labels.length;
    const data: PointData = { ...pointData(s.edited), features: [...s.features], task: s.edited.regression ? 'regression' : 'classification' };
    if (!s.edited.regression && targetsOf(s.output) === 'one_hot') data.classes = s.classes;
    spec.data = data;
    // Fewer examples than the batch size after deleting points: use them all.
    if (Number.isInteger(s.batch) && s.batch > n && n > 0) spec.batch_size = n;
  }
  return spec as unknown as Spec;
}

/** x1, x2 interleaved as [[x1, x2], ...]. */
function pairs(xy: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < xy.length; i += 2) out.push([xy[i], xy[i + 1]]);
  return out;
}

/** The user's points in the engine's point form (training points, and test points when there are any). */
export function pointData(e: EditedData): Pick<PointData, 'points' | 'labels' | 'test_points' | 'test_labels'> {
  const out: Pick<PointData, 'points' | 'labels' | 'test_points' | 'test_labels'> = { points: pairs(e.xy), labels: [...e.labels] };
  if (e.testLabels?.length) {
    out.test_points = pairs(e.testXy ?? []);
    out.test_labels = [...e.testLabels];
  }
  return out;
}

/** The activations of each hidden layer: as given, the last one repeated, else the default's. */
export function fitActivations(hidden: readonly number[], given: readonly string[]): string[] {
  const fallback = catalog().trainDefaults.activations[0];
  return hidden.map((_, i) => given[i] ?? given[given.length - 1] ?? fallback);
}

/** The training settings a spec (or a preset's spec) sets; throws an Error for data the view cannot show. */
export function settingsFromSpec(spec: Spec, decode?: PointDecoder): Partial<TrainSettings> {
  const out: Json = {};
  const data = spec.data as unknown as Json | undefined;
  const generated = typeof data?.dataset === 'string';
  for (const r of ROWS) {
    if (!r.spec || !inSpec(r.spec, !generated)) continue;
    const v = getPath(spec, r.spec);
    if (v !== undefined && r.kind.accepts(v)) out[r.name] = Array.isArray(v) ? [...v] : v;
  }
  const layers = Array.isArray(spec.layers) ? spec.layers : [];
  const acts = Array.isArray(spec.activations) ? spec.activations : [];
  if (layers.length >= 2) out.hidden = layers.slice(1, -1);
  if (acts.length) {
    out.activations = acts.slice(0, -1);
    out.output = acts[acts.length - 1];
  }
  if (!generated && data) Object.assign(out, pointsOf(spec, data, decode));
  return out as Partial<TrainSettings>;
}

/** Points as a link carries them (thousandths), so a link to this view trains on the same numbers. */
const asLinked = (e: EditedData): EditedData => decodePoints(encodePoints(e)) ?? e;

/** The engine's reading of explicit data as points of the plane (engine.pointData). */
export type PointDecoder = (spec: Spec) => { points: number[][]; labels: number[]; task?: string; classes?: number; features?: string[] };

/**
 * Explicit data as the view's own points: the engine's point form as it is, or rows of inputs
 * and targets, which only the engine decodes (its target encoding is its own: `decode`).
 */
function pointsOf(spec: Spec, data: Json, decode?: PointDecoder): Partial<TrainSettings> {
  if (Array.isArray(data.points) && Array.isArray(data.labels)) {
    const points = data.points as [number, number][];
    const e: EditedData = { xy: points.flat(), labels: [...(data.labels as number[])], regression: data.task === 'regression' };
    if (Array.isArray(data.test_points) && Array.isArray(data.test_labels) && data.test_labels.length) {
      e.testXy = (data.test_points as [number, number][]).flat();
      e.testLabels = [...(data.test_labels as number[])];
    }
    return { edited: asLinked(e) };
  }
  if (!Array.isArray(data.inputs) || !Array.isArray(data.targets)) return {};
  if (!decode) throw new Error('explicit inputs and targets are read by the engine: pass engine.pointData');
  const d = decode(spec);
  const out: Partial<TrainSettings> = { edited: asLinked({ xy: d.points.flat(), labels: [...d.labels], regression: d.task === 'regression' }) };
  if (d.features) out.features = [...d.features];
  if (d.classes !== undefined) out.classes = d.classes;
  return out;
}

/** Every setting at its default: the view's own from the table, the training ones from catalog().trainDefaults. */
export function defaultSettings(): TrainSettings {
  const out: Json = {};
  for (const r of ROWS) if (r.initial) out[r.name] = r.initial();
  Object.assign(out, settingsFromSpec(catalog().trainDefaults));
  for (const r of ROWS) if (!(r.name in out)) throw new Error(`catalog().trainDefaults has no ${r.spec ?? r.name}`);
  return out as unknown as TrainSettings;
}
