// Colour maps of unit outputs over the plane, painted straight into ImageData through
// precomputed lookup tables: no per-cell objects, no strings, one Uint32 write per cell.
import { boundedRange } from '../catalog';
import { okabeIto, palette } from '../theme';
import { h } from '../dom';

const LUT_SIZE = 256;
const HEAT_STRENGTH = 0.7; // the background never reaches full class colour: points stay visible

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** RGBA packed for a little-endian Uint32 view of ImageData. */
function pack(r: number, g: number, b: number): number {
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

function mixWhite(c: [number, number, number], k: number): number {
  const m = (x: number) => Math.round(255 + (x - 255) * k);
  return pack(m(c[0]), m(c[1]), m(c[2]));
}

/** Class colours: class 0 and 1 keep the page's negative/positive pair, then Okabe–Ito. */
export const CLASS_COLOURS = [
  palette.negative,
  palette.positive,
  okabeIto.bluishGreen,
  okabeIto.reddishPurple,
  okabeIto.orange,
  okabeIto.skyBlue,
  okabeIto.yellow,
  okabeIto.black,
];

const NEG = rgb(palette.negative);
const POS = rgb(palette.positive);
const NAN_COLOUR = pack(200, 200, 200);

/** Diverging map: index 0 is −1 (vermillion), the middle white, the top +1 (blue). */
const DIVERGING = new Uint32Array(LUT_SIZE);
for (let i = 0; i < LUT_SIZE; i++) {
  const t = (i / (LUT_SIZE - 1)) * 2 - 1;
  DIVERGING[i] = mixWhite(t < 0 ? NEG : POS, Math.abs(t) * HEAT_STRENGTH);
}

/** Per class, 64 levels of confidence from white to the class colour. */
const CLASS_LEVELS = 64;
const CLASS_LUT = new Uint32Array(CLASS_COLOURS.length * CLASS_LEVELS);
for (let c = 0; c < CLASS_COLOURS.length; c++) {
  const col = rgb(CLASS_COLOURS[c]);
  for (let k = 0; k < CLASS_LEVELS; k++) {
    CLASS_LUT[c * CLASS_LEVELS + k] = mixWhite(col, (k / (CLASS_LEVELS - 1)) * HEAT_STRENGTH);
  }
}

/** The diverging colour of t in [−1, 1] as a CSS string (legends, regression points). */
export function divergingCss(t: number, strength = 1): string {
  const c = t < 0 ? NEG : POS;
  const k = Math.min(1, Math.abs(t)) * strength;
  const m = (x: number) => Math.round(255 + (x - 255) * k);
  return `rgb(${m(c[0])},${m(c[1])},${m(c[2])})`;
}

/** How values map to colour: v ↦ (v − mid) / half, clamped to [−1, 1]. */
export interface Range {
  mid: number;
  half: number;
}

/** The display range of a unit with this activation ("auto" ranges come from the map). */
export function activationRange(activation: string): Range | null {
  const r = boundedRange(activation);
  // Unbounded (relu, linear, ...): null, scaled by the largest |value| in the map.
  return r ? { mid: (r[0] + r[1]) / 2, half: (r[1] - r[0]) / 2 } : null;
}

/** Symmetric range around 0 that fits the map (for relu, linear, ...). */
export function autoRange(values: ArrayLike<number>): Range {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a > m) m = a; // NaN compares false: skipped
  }
  return { mid: 0, half: m > 1e-12 ? m : 1 };
}

/**
 * Paints one map (nx × ny, row 0 at ymin) into `out` (a Uint32 view of an ImageData of
 * the same size; image row 0 is the top, ymax).
 */
export function paintDiverging(
  values: ArrayLike<number>,
  nx: number,
  ny: number,
  range: Range,
  discretize: boolean,
  out: Uint32Array,
): void {
  const inv = 1 / range.half;
  const mid = range.mid;
  const top = LUT_SIZE - 1;
  for (let r = 0; r < ny; r++) {
    const src = r * nx;
    const dst = (ny - 1 - r) * nx;
    for (let c = 0; c < nx; c++) {
      const v = values[src + c];
      if (v !== v || v === Infinity || v === -Infinity) {
        out[dst + c] = NAN_COLOUR;
        continue;
      }
      let t = (v - mid) * inv;
      if (discretize) t = t > 0 ? 1 : -1;
      else if (t > 1) t = 1;
      else if (t < -1) t = -1;
      out[dst + c] = DIVERGING[((t + 1) * 0.5 * top + 0.5) | 0];
    }
  }
}

/**
 * Paints the softmax output: each cell takes the colour of its most probable class,
 * stronger the more confident (from 1/C to 1).
 */
export function paintClasses(
  maps: ArrayLike<number>[],
  nx: number,
  ny: number,
  discretize: boolean,
  out: Uint32Array,
): void {
  const C = maps.length;
  const floor = 1 / C;
  const scale = (CLASS_LEVELS - 1) / (1 - floor);
  for (let r = 0; r < ny; r++) {
    const src = r * nx;
    const dst = (ny - 1 - r) * nx;
    for (let c = 0; c < nx; c++) {
      const k = src + c;
      let best = 0;
      let p = maps[0][k];
      for (let j = 1; j < C; j++) {
        const q = maps[j][k];
        if (q > p) {
          p = q;
          best = j;
        }
      }
      if (p !== p) {
        out[dst + c] = NAN_COLOUR;
        continue;
      }
      const level = discretize ? CLASS_LEVELS - 1 : Math.max(0, Math.min(CLASS_LEVELS - 1, ((p - floor) * scale) | 0));
      out[dst + c] = CLASS_LUT[(best % CLASS_COLOURS.length) * CLASS_LEVELS + level];
    }
  }
}

/** One softmax unit's probability: white at 0, the full class colour at 1. */
export function paintClassUnit(values: ArrayLike<number>, nx: number, ny: number, cls: number, out: Uint32Array): void {
  const base = (cls % CLASS_COLOURS.length) * CLASS_LEVELS;
  const top = CLASS_LEVELS - 1;
  for (let r = 0; r < ny; r++) {
    const src = r * nx;
    const dst = (ny - 1 - r) * nx;
    for (let c = 0; c < nx; c++) {
      const p = values[src + c];
      out[dst + c] = p !== p ? NAN_COLOUR : CLASS_LUT[base + Math.max(0, Math.min(top, (p * top + 0.5) | 0))];
    }
  }
}

/** A canvas with an ImageData of nx × ny that is reused frame after frame. */
export class MapCanvas {
  readonly canvas: HTMLCanvasElement;
  private ctx: CanvasRenderingContext2D;
  private image!: ImageData;
  pixels!: Uint32Array;
  nx = 0;
  ny = 0;

  constructor(nx: number, ny: number, className = '') {
    this.canvas = h('canvas', { class: className || null });
    this.ctx = this.canvas.getContext('2d')!;
    this.resize(nx, ny);
  }

  /** A new resolution (the pixels are cleared). */
  resize(nx: number, ny = nx): void {
    if (nx === this.nx && ny === this.ny) return;
    this.nx = nx;
    this.ny = ny;
    this.canvas.width = nx;
    this.canvas.height = ny;
    this.image = this.ctx.createImageData(nx, ny);
    this.pixels = new Uint32Array(this.image.data.buffer);
  }

  /** Puts the painted pixels on the canvas. */
  flush(): void {
    this.ctx.putImageData(this.image, 0, 0);
  }

  /** Copies the pixels of another map of the same size (hover preview). */
  copyFrom(other: MapCanvas): void {
    this.resize(other.nx, other.ny);
    this.pixels.set(other.pixels);
    this.flush();
  }

  clear(): void {
    this.pixels.fill(NAN_COLOUR);
    this.flush();
  }
}
