// Every unit's output over the plane, from the engine's single-precision grid kernel
// (predictGrid with precision 'float'): one call per frame for all layers and units. The
// engine builds the grid's input features itself, for generated and for the page's own
// points alike, so the page prepares nothing but the grid's size and extent.
import type { Session } from '../engine';

export interface GridMaps {
  /**
   * maps[l][j]: unit j of layer l (1..L; index 0 unused), nx × nx values, row 0 at ymin.
   * Views into the session's grid buffer: valid until the next grid call.
   */
  maps: Float32Array[][];
}

export class GridSource {
  constructor(public nx: number) {}

  compute(session: Session, extent: number): GridMaps {
    const g = session.predictGrid(this.nx, this.nx, -extent, extent, -extent, extent, {
      allUnits: true,
      precision: 'float',
    });
    const maps: Float32Array[][] = [[]];
    for (const m of g.maps) (maps[m.layer] ??= [])[m.unit] = m.values;
    return { maps };
  }
}
