// Every unit's output over the plane, from the engine. Normally one predictGrid call
// (all layers, all units). Explicit data whose inputs are not the raw (x1, x2) — edited
// points with extra features — is not something predictGrid can map (it feeds x1, x2),
// so then a throwaway session with the current parameters and the grid's feature rows
// as its data runs the forward phases, and the maps are its A[l]. Either way the engine
// computes the network; the page only prepares inputs.
import type { Engine, Session, Spec } from '../engine';
import { featureRows, isRawPlane } from './features';

export interface GridMaps {
  /** maps[l][j]: unit j of layer l (1..L; index 0 unused), nx × nx values, row 0 at ymin. */
  maps: Float64Array[][];
}

export class GridSource {
  private cachedKey = '';
  private cachedInputs = '';
  private cachedTargets = '';

  constructor(
    private engine: Engine,
    public nx: number,
  ) {}

  compute(session: Session, spec: Spec, extent: number): GridMaps {
    const explicit = !!spec.data?.inputs;
    const features = (spec.data?.features as string[] | undefined) ?? [];
    if (!explicit || isRawPlane(this.rawFeatures(spec, features))) {
      const g = session.predictGrid(this.nx, this.nx, -extent, extent, -extent, extent, { allUnits: true });
      const maps: Float64Array[][] = [[]];
      for (const m of g.maps) {
        (maps[m.layer] ??= [])[m.unit] = m.values;
      }
      return { maps };
    }
    return this.viaSession(session, spec, extent);
  }

  /** The feature list of explicit data travels beside the spec (see index.ts). */
  features: string[] = ['x1', 'x2'];

  private rawFeatures(spec: Spec, features: string[]): string[] {
    return spec.data?.inputs ? this.features : features;
  }

  private viaSession(session: Session, spec: Spec, extent: number): GridMaps {
    const n = this.nx;
    const L = session.L;
    const layers = session.layers;
    const key = `${this.features.join(',')}|${extent}|${layers[L]}|${spec.loss}|${n}`;
    if (key !== this.cachedKey) {
      const xy: number[] = [];
      for (let r = 0; r < n; r++) {
        const x2 = -extent + (2 * extent * r) / (n - 1);
        for (let c = 0; c < n; c++) xy.push(-extent + (2 * extent * c) / (n - 1), x2);
      }
      this.cachedInputs = JSON.stringify(featureRows(this.features, xy));
      // Any valid targets: the grid session is only run forward.
      const t = Array.from({ length: layers[L] }, (_, k) => (k === 0 && spec.loss === 'cross_entropy' ? 1 : 0));
      this.cachedTargets = JSON.stringify(Array.from({ length: n * n }, () => t));
      this.cachedKey = key;
    }
    const weights: number[][][] = [];
    const biases: number[][] = [];
    for (let l = 1; l <= L; l++) {
      const W = session.W(l);
      const rows: number[][] = [];
      for (let i = 0; i < W.rows; i++) rows.push(Array.from(W.data.subarray(i * W.cols, (i + 1) * W.cols)));
      weights.push(rows);
      biases.push(Array.from(session.b(l).data));
    }
    const head = JSON.stringify({
      layers,
      activations: spec.activations,
      loss: spec.loss,
      batch_size: n * n,
      init: { weights, biases },
    });
    const text = `${head.slice(0, -1)},"data":{"inputs":${this.cachedInputs},"targets":${this.cachedTargets}}}`;
    const s = this.engine.session(text);
    try {
      for (let l = 1; l <= L; l++) s.nextPhase();
      const maps: Float64Array[][] = [[]];
      for (let l = 1; l <= L; l++) {
        const A = s.A(l);
        maps.push(Array.from({ length: A.rows }, (_, j) => A.data.slice(j * A.cols, (j + 1) * A.cols)));
      }
      return { maps };
    } finally {
      s.delete();
    }
  }
}
