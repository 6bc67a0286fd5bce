// Data preparation, not engine arithmetic: the input feature columns (x1, x2, x1², ...)
// of points that the user drew or uploaded. Generated data sets get their features from
// the engine (data.features); explicit data ({"inputs", "targets"}) has no feature list,
// so the page builds the columns here with the same definitions as core/data.cpp.
// Nothing here touches weights, activations or gradients.

export function featureValue(name: string, x1: number, x2: number): number {
  switch (name) {
    case 'x1':
      return x1;
    case 'x2':
      return x2;
    case 'x1_sq':
      return x1 * x1;
    case 'x2_sq':
      return x2 * x2;
    case 'x1_x2':
      return x1 * x2;
    case 'sin_x1':
      return Math.sin(x1);
    case 'sin_x2':
      return Math.sin(x2);
    default:
      return NaN; // an unknown name: the engine rejects the spec before this matters
  }
}

/** One row of feature values per point (xy interleaved: x1, x2, x1, x2, ...). */
export function featureRows(features: readonly string[], xy: ArrayLike<number>): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i + 1 < xy.length; i += 2) {
    rows.push(features.map((f) => featureValue(f, xy[i], xy[i + 1])));
  }
  return rows;
}

/** True when the inputs are the raw plane (x1, x2): the engine's grid call applies then. */
export function isRawPlane(features: readonly string[]): boolean {
  return features.length === 2 && features[0] === 'x1' && features[1] === 'x2';
}

/**
 * A feature's values over an nx × ny grid (row 0 at ymin), for the input nodes'
 * pictures. Written into `out` (reused between calls).
 */
export function featureGrid(
  name: string,
  nx: number,
  ny: number,
  extent: number,
  out: Float64Array,
): Float64Array {
  for (let r = 0; r < ny; r++) {
    const x2 = -extent + (2 * extent * r) / (ny - 1);
    for (let c = 0; c < nx; c++) {
      const x1 = -extent + (2 * extent * c) / (nx - 1);
      out[r * nx + c] = featureValue(name, x1, x2);
    }
  }
  return out;
}
