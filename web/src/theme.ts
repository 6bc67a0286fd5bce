// One module for colours and layout constants, shared by the step-through view,
// the neuron inspector and the training view. The palette is Okabe–Ito
// (colour-blind safe). One colour language: values are green-blue family, gradients
// reddish purple; text in either colour uses a darkened shade with at least 4.5:1 on
// white. Sign is never told by colour alone: numbers carry "−", negative weights are
// dashed as well as vermillion (positive: solid blue).

export const okabeIto = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

export const palette = {
  /** A value > 0 (weights, activations, heatmap class 1). */
  positive: okabeIto.blue,
  /** A value < 0 (weights, heatmap class 0). */
  negative: okabeIto.vermillion,
  /** Zero / neutral. */
  neutral: '#8a8f98',
  /** Pulses carrying values forward. */
  forward: okabeIto.bluishGreen,
  /** Pulses carrying gradients backward. */
  gradient: okabeIto.reddishPurple,
  /** Text of values (forward) and of gradients: the two hues darkened to 5.5:1 and 6.5:1 on white. */
  valueText: '#00785a',
  gradientText: '#9b3a72',
  /** Kinds of quantity (seed 000): learned parameters, data inputs, intermediates. */
  parameter: okabeIto.orange,
  input: okabeIto.skyBlue,
  intermediate: '#6b7280',
  loss: okabeIto.vermillion,
  /** The loss's "L" (vermillion darkened to 5:1 on the loss node's fill). */
  lossText: '#a84a00',
  /** The update (old → new). */
  update: okabeIto.orange,
  /** Page colours. */
  ink: '#1c1f24',
  inkMuted: '#4b5260',
  paper: '#ffffff',
  /** Fill of inputs and targets (data). */
  dataFill: '#eaf6fd',
  panel: '#f5f6f8',
  border: '#c9ced6',
  focus: '#0b57d0',
  highlight: '#fff4cc',
} as const;

export type Kind = 'parameter' | 'input' | 'intermediate' | 'loss' | 'output';

export function kindColour(kind: string): string {
  switch (kind) {
    case 'parameter':
      return palette.parameter;
    case 'input':
      return palette.input;
    case 'loss':
      return palette.loss;
    default:
      return palette.intermediate;
  }
}

/** Colour of a signed value. */
export function signColour(v: number): string {
  if (!Number.isFinite(v) || v === 0) return palette.neutral;
  return v > 0 ? palette.positive : palette.negative;
}

/** Second channel of the sign of an edge (besides its colour): negative weights are dashed. */
export function signDash(v: number): string | null {
  return Number.isFinite(v) && v < 0 ? '7 4' : null;
}

/**
 * Fill intensity cap of a neuron: dark text on the strongest fill keeps 6.4:1 (blue) and
 * 7.4:1 (vermillion), so the number inside is always readable.
 */
export const MAX_FILL = 0.6;

/**
 * A diverging colour for value v scaled by `scale` (|v| >= scale gives the strongest fill,
 * MAX_FILL of the hue): negative → vermillion, 0 → white, positive → blue. Returns rgb().
 */
export function divergingColour(v: number, scale = 1): string {
  const t = Math.max(-1, Math.min(1, scale > 0 ? v / scale : 0));
  const target = t >= 0 ? [0x00, 0x72, 0xb2] : [0xd5, 0x5e, 0x00];
  const k = Math.abs(t) * MAX_FILL;
  const mix = (c: number) => Math.round(255 + (c - 255) * k);
  return `rgb(${mix(target[0])}, ${mix(target[1])}, ${mix(target[2])})`;
}

/** Layout constants of the network diagram and the inspector. */
export const layout = {
  nodeRadius: 26,
  inputRadius: 22,
  layerGap: 230,
  minLayerGap: 150,
  unitGap: 110,
  minUnitGap: 54,
  margin: 70,
  edgeMinWidth: 1,
  edgeMaxWidth: 7,
  /** Above this many edges the weight labels move to hover only. */
  maxLabelledEdges: 16,
  /** Above this many units per layer, node text shrinks to the activation only. */
  maxDetailedUnits: 6,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  monoFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
} as const;

/** Animation timing (ms) at speed 1. */
export const timing = {
  pulse: 900,
  reveal: 250,
  playInterval: 1400,
} as const;

/** True when the user prefers reduced motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
