// The structure editor: layer sizes, activations, loss, optimizer and learning rate.
// Every change produces a new spec; the engine validates it (errors name the field).
import type { Locale } from '../i18n/index';
import { parseInteger, parseNumber } from '../i18n/numbers';
import { engineWord } from '../i18n/engine-words';
import { catalog, menus } from '../catalog';
import { explicitData } from './spec-data';
import type { Engine, Session, Spec } from '../engine';
import { h, select } from '../dom';

export interface StructureEditor {
  element: HTMLElement;
  update(spec: Spec): void;
}

/**
 * Keeps the spec valid by the engine's rules, read from its catalogue: the loss accepts the
 * output activation (`losses[].outputs`; after a new loss the output takes the loss's fused
 * activation, after a new activation the loss becomes one that accepts it, the fused one
 * first), output-only activations stay on the output layer, and the output layer has at
 * least the activation's `minUnits`.
 */
function reconcile(spec: Spec, changed: 'loss' | 'activation'): void {
  const { activations, losses } = catalog();
  const acts = spec.activations as string[];
  const last = acts.length - 1;
  const loss = losses.find((l) => l.name === spec.loss);
  if (loss && !loss.outputs.includes(acts[last])) {
    if (changed === 'loss') acts[last] = loss.fused?.activation ?? loss.outputs[0];
    else {
      const fits = losses.find((l) => l.fused?.activation === acts[last]) ?? losses.find((l) => l.outputs.includes(acts[last]));
      if (fits) spec.loss = fits.name;
    }
  }
  const info = (name: string) => activations.find((a) => a.name === name);
  for (let l = 0; l < last; l++) if (info(acts[l])?.outputOnly) acts[l] = hiddenDefault();
  const n = spec.layers.length - 1;
  spec.layers[n] = Math.max(spec.layers[n], info(acts[last])?.minUnits ?? 1);
}

/** The hidden activation for new layers and for an output-only one moved off the output: the training view's first (catalogue `trainDefaults`). */
const hiddenDefault = (): string => String(catalog().trainDefaults.activations[0]);

/**
 * The spec with new layer sizes: parameters that still fit keep their values (the
 * session's current ones, from the engine), new ones come from the engine's Xavier
 * initialiser; inputs and targets are cut or padded with zeros.
 */
export function resizeSpec(engine: Engine, session: Session, layers: number[]): Spec {
  const base = session.specWithParameters();
  const old = base.init;
  const L = layers.length - 1;
  const acts = [...(base.activations as string[])];
  while (acts.length < L) acts.splice(acts.length - 1, 0, acts.length > 1 ? acts[acts.length - 2] : hiddenDefault());
  while (acts.length > L) acts.splice(acts.length - 2, 1);
  const draft: Spec = { layers: [...layers], activations: [...acts], loss: catalog().trainDefaults.loss, init: { ...catalog().trainDefaults.init }, data: { inputs: [Array(layers[0]).fill(0)], targets: [Array(layers[L]).fill(0)] } };
  reconcile(draft, 'activation');
  const fresh = engine.withSession(draft, (s) => s.specWithParameters().init);
  // Keep the old value where the same layer index, row and column exist (same-shape layers only
  // keep their meaning; that is the common case of changing one size or appending a layer).
  const sameDepth = L === session.L;
  for (let l = 0; l < L; l++) {
    if (!sameDepth && l >= L - 1) break;
    const ow = old.weights[l];
    const ob = old.biases[l];
    if (!ow) continue;
    for (let j = 0; j < fresh.weights[l].length; j++) {
      for (let i = 0; i < fresh.weights[l][j].length; i++) if (ow[j]?.[i] !== undefined) fresh.weights[l][j][i] = ow[j][i];
      if (ob[j] !== undefined) fresh.biases[l][j] = ob[j];
    }
  }
  const fit = (rows: number[][] | undefined, n: number) =>
    (rows ?? [[]]).map((r) => Array.from({ length: n }, (_, i) => r[i] ?? 0));
  const next: Spec = { ...base, layers: draft.layers, activations: acts, init: fresh };
  const data = explicitData(base);
  if (data) next.data = { inputs: fit(data.inputs, layers[0]), targets: fit(data.targets, draft.layers[L]) };
  reconcile(next, 'activation');
  return next;
}

export function createStructureEditor(
  onChange: (kind: 'layers' | 'other', make: (spec: Spec) => Spec | number[]) => void,
  onLearningRate: (lr: number) => void,
  loc: Locale,
): StructureEditor {
  const t = loc.t;
  const el = h('form', { class: 'structure', 'aria-label': t('structure.label') });
  el.addEventListener('submit', (e) => e.preventDefault());

  const field = (label: string, control: HTMLElement): HTMLLabelElement => h('label', { class: 'field' }, h('span', {}, label), control);

  function menu(options: [string, string][], value: string, onPick: (v: string) => void): HTMLSelectElement {
    const s = select({}, options, value);
    s.addEventListener('change', () => onPick(s.value));
    return s;
  }

  return {
    element: el,
    update(spec) {
      el.replaceChildren();
      const layers = spec.layers;
      const L = layers.length - 1;
      const acts = spec.activations as string[];
      const sizes = h('fieldset', {}, h('legend', {}, t('structure.layers')));
      layers.forEach((n, l) => {
        const input = h('input', { type: 'number', min: 1, max: catalog().limits.maxUnits });
        input.value = String(n);
        input.addEventListener('change', () => {
          const v = parseInteger(input.value);
          if (v === null || v < 1 || v > catalog().limits.maxUnits) {
            input.setCustomValidity(t('structure.between', { max: catalog().limits.maxUnits }));
            input.reportValidity();
            return;
          }
          input.setCustomValidity('');
          onChange('layers', (sp) => sp.layers.map((m, k) => (k === l ? v : m)));
        });
        const row = h('div', { class: 'layer-row' });
        row.append(field(l === 0 ? t('structure.inputUnits') : l === L ? t('structure.outputUnits', { l }) : t('structure.layerUnits', { l }), input));
        if (l > 0) {
          row.append(field(t('structure.activation', { l }), menu(
            catalog().activations.filter((a) => !a.outputOnly || l === L).map((a) => [a.name, a.name] as [string, string]),
            acts[l - 1],
            (v) => onChange('other', (sp) => {
              const next = structuredClone(sp);
              (next.activations as string[])[l - 1] = v;
              reconcile(next, 'activation');
              return next;
            }),
          )));
        }
        sizes.append(row);
      });
      const add = h('button', { type: 'button', disabled: L >= catalog().limits.maxLayers }, t('structure.add'));
      add.addEventListener('click', () => onChange('layers', (sp) => [...sp.layers.slice(0, -1), sp.layers[sp.layers.length - 2] ?? 2, sp.layers[sp.layers.length - 1]]));
      const remove = h('button', { type: 'button', disabled: L <= 1 }, t('structure.remove'));
      remove.addEventListener('click', () => onChange('layers', (sp) => [...sp.layers.slice(0, -2), sp.layers[sp.layers.length - 1]]));
      sizes.append(h('div', { class: 'layer-buttons' }, add, remove));

      // The learning rate's default and range, as the engine states them (the spec given
      // here is the engine's normalised one: it names its optimizer).
      const optimizer = catalog().optimizers.find((o) => o.name === spec.optimizer?.type) ?? catalog().optimizers[0];
      const range = optimizer.params.find((p) => p.name === 'learning_rate');
      const training = h('fieldset', {}, h('legend', {}, t('structure.training')));
      training.append(field(t('structure.loss'), menu(menus.losses().map(([v, d]) => [v, engineWord(loc.lang, `loss.${v}`, d).text] as [string, string]), String(spec.loss), (v) => onChange('other', (sp) => {
        const next = structuredClone(sp);
        next.loss = v;
        reconcile(next, 'loss');
        return next;
      }))));
      training.append(field(t('structure.optimizer'), menu(menus.optimizers().map(([v, d]) => [v, d] as [string, string]), optimizer.name, (v) =>
        onChange('other', (sp) => ({ ...structuredClone(sp), optimizer: { type: v, learning_rate: sp.optimizer?.learning_rate ?? range?.default } })))));
      // Text, not type=number: a decimal comma is typed as well as a point (web/src/i18n/numbers.ts).
      const lr = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off' });
      const lrValue = String(spec.optimizer?.learning_rate ?? range?.default);
      lr.value = loc.decimalComma ? lrValue.replace('.', ',') : lrValue;
      const inRange = (v: number) =>
        !range || ((range.minExclusive ? v > range.min : v >= range.min) && (range.maxExclusive ? v < range.max : v <= range.max));
      lr.addEventListener('change', () => {
        const v = parseNumber(lr.value);
        if (v !== null && inRange(v)) {
          lr.setCustomValidity('');
          onLearningRate(v);
        } else {
          lr.setCustomValidity(t('structure.learningRateRange', { min: range?.min ?? 0, max: range?.max ?? 0 }));
          lr.reportValidity();
        }
      });
      training.append(field(t('structure.learningRate'), lr));
      el.append(sizes, training);
    },
  };
}
