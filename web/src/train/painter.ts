// Draws the engine's current state: one grid call gives every unit's map, painted into
// the node thumbnails and the output heatmap; edges from W and dW. It also chooses the
// maps' resolution: the finest when paused, coarser while playing if the grid call and
// painting do not fit the frame (and finer again when they do).
import type { Engine, Session } from '../engine';
import { GridSource } from './grid';
import { activationRange, autoRange, paintClassUnit, paintClasses, paintDiverging, type Range } from './heatmap';
import type { NetworkView } from './network';
import type { FrameRecorder } from './perf';
import type { Plot } from './plot';
import { isRegression, type TrainSettings } from '../settings/index';
import { targetsOf } from '../catalog';

/** Resolutions of the unit maps, finest first. */
export const GRIDS = [44, 36, 28, 22] as const;
/** Drawing time per frame (ms) above which the maps get coarser while playing. */
const VISUAL_MS = 6;
/** Visual frames between two changes of resolution. */
const ADAPT_EVERY = 12;

export class Painter {
  readonly grid: GridSource;
  private res = 0;
  private sinceAdapt = 0;
  private featuresPainted = '';

  constructor(
    private engine: Engine,
    private plot: Plot,
    private net: NetworkView,
    private perf: FrameRecorder,
  ) {
    this.grid = new GridSource(GRIDS[0]);
  }

  get resolution(): number {
    return GRIDS[this.res];
  }

  /** Unit maps, output heatmap and edges from the session's current parameters. */
  draw(session: Session, s: TrainSettings, extent: number): void {
    let t = performance.now();
    const { maps } = this.grid.compute(session, extent);
    const n = this.grid.nx;
    t = this.perf.part('grid', t);
    const L = session.L;
    const acts = [...s.activations, s.output];
    const outRange = outputRange(s);
    const perClass = targetsOf(s.output) === 'one_hot';
    for (let l = 1; l <= L; l++) {
      const fixed = activationRange(acts[l - 1]);
      for (let j = 0; j < maps[l].length; j++) {
        const target = this.net.mapOf(l, j);
        if (!target) continue;
        if (l === L && perClass) paintClassUnit(maps[l][j], n, n, j, target.pixels);
        else paintDiverging(maps[l][j], n, n, l === L ? outRange : (fixed ?? autoRange(maps[l][j])), false, target.pixels);
      }
    }
    const heat = this.plot.heat.pixels;
    if (perClass) paintClasses(maps[L], n, n, s.discretize, heat);
    else paintDiverging(maps[L][0], n, n, outRange, s.discretize, heat);
    this.plot.heat.flush();
    this.net.flushMaps();
    t = this.perf.part('paint', t);
    this.drawEdges(session);
    this.perf.part('edges', t);
  }

  drawEdges(session: Session): void {
    const W = [];
    const dW = [];
    for (let l = 1; l <= session.L; l++) {
      W[l] = session.W(l);
      dW[l] = session.dW(l);
    }
    this.net.updateEdges(W, dW);
  }

  /** Pictures of the input features, from the engine's feature map; once per shape. */
  paintFeatures(extent: number): void {
    const n = this.grid.nx;
    const key = `${extent}|${n}|${this.net.version}`;
    if (key === this.featuresPainted) return;
    this.featuresPainted = key;
    this.engine.featureGrid(n, n, -extent, extent, -extent, extent).forEach(({ values }, k) => {
      const target = this.net.mapOf(0, k);
      if (!target) return;
      paintDiverging(values, n, n, autoRange(values), false, target.pixels);
      target.flush();
    });
  }

  /**
   * After a played frame that drew, with the running mean of drawing time: steps the
   * resolution. Returns the factor by which that mean should be scaled (cost ∝ cells).
   */
  adapt(visualMs: number, extent: number): number {
    if (++this.sinceAdapt < ADAPT_EVERY) return 1;
    let next = this.res;
    if (visualMs > VISUAL_MS && this.res < GRIDS.length - 1) next++;
    else if (visualMs < VISUAL_MS * 0.4 && this.res > 0) next--;
    if (next === this.res) return 1;
    const factor = (GRIDS[next] / GRIDS[this.res]) ** 2;
    this.setResolution(next, extent);
    return factor;
  }

  /** Back to the finest maps (on pause). True when it changed. */
  finest(extent: number): boolean {
    if (this.res === 0) return false;
    this.setResolution(0, extent);
    return true;
  }

  private setResolution(index: number, extent: number): void {
    this.res = index;
    this.sinceAdapt = 0;
    const n = GRIDS[index];
    this.grid.nx = n;
    this.plot.heat.resize(n);
    this.net.setGrid(n);
    this.paintFeatures(extent);
  }
}

/** The output's colour scale, centred between the two class targets (the catalogue's coding). */
export function outputRange(s: TrainSettings): Range {
  if (targetsOf(s.output) === 'sign' || isRegression(s)) return { mid: 0, half: 1 };
  return { mid: 0.5, half: 0.5 }; // 0/1 targets, and one-hot ones unit by unit
}
