// The user's own points: turning generated data into an editable list, adding and
// removing points, and reading a CSV of x1,x2,label. Coordinates are rounded the way
// the URL stores them (state.ts), so a shared link trains on exactly these numbers.
import { type EditedData, quantize } from './state';

export interface PointSet {
  xy: ArrayLike<number>;
  labels: ArrayLike<number>;
}

/** All current points (training and test) as an editable list. */
export function toEdited(train: PointSet, test: PointSet, regression: boolean): EditedData {
  const xy: number[] = [];
  const labels: number[] = [];
  for (const set of [train, test]) {
    for (let i = 0; i < set.labels.length; i++) {
      xy.push(quantize(set.xy[2 * i]), quantize(set.xy[2 * i + 1]));
      labels.push(regression ? Math.round(set.labels[i] * 1000) / 1000 : set.labels[i]);
    }
  }
  return { xy, labels, regression };
}

export function addPoint(e: EditedData, x1: number, x2: number, label: number): EditedData {
  return { ...e, xy: [...e.xy, quantize(x1), quantize(x2)], labels: [...e.labels, label] };
}

/** Index of the point nearest (x1, x2) within `radius`, or −1. */
export function nearest(xy: ArrayLike<number>, x1: number, x2: number, radius: number): number {
  let best = -1;
  let bestD = radius * radius;
  for (let i = 0; 2 * i + 1 < xy.length; i++) {
    const dx = xy[2 * i] - x1;
    const dy = xy[2 * i + 1] - x2;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

export function removePoint(e: EditedData, index: number): EditedData {
  const xy = e.xy.slice();
  xy.splice(2 * index, 2);
  const labels = e.labels.slice();
  labels.splice(index, 1);
  return { ...e, xy, labels };
}

export interface CsvResult {
  data: EditedData;
  classes: number;
  /** Lines skipped (header, blank or unreadable). */
  skipped: number;
}

/**
 * Reads "x1,x2,label" lines (commas, semicolons, tabs or spaces; a header line is
 * skipped). Labels 0..7 are classes and −1/+1 are the two classes of Playground's
 * exports; any other number makes the set a regression set.
 */
export function parseCsv(text: string): CsvResult {
  const rows: [number, number, number][] = [];
  let skipped = 0;
  for (const line of text.split(/\r?\n/)) {
    const cells = line.trim().split(/[,;\t ]+/).filter((c) => c !== '');
    if (cells.length === 0) continue;
    const v = cells.slice(0, 3).map(Number);
    if (cells.length < 3 || v.some((x) => !Number.isFinite(x))) {
      skipped++;
      continue;
    }
    rows.push([v[0], v[1], v[2]]);
  }
  if (rows.length === 0) throw new Error('no rows of three numbers (x1, x2, label) found');
  const labels = rows.map((r) => r[2]);
  const integers = labels.every((l) => Number.isInteger(l));
  const plusMinus = integers && labels.every((l) => l === -1 || l === 1);
  const classIdx = integers && labels.every((l) => l >= 0 && l <= 7);
  const regression = !plusMinus && !classIdx;
  const xy: number[] = [];
  const out: number[] = [];
  for (const [x1, x2, l] of rows) {
    xy.push(quantize(x1), quantize(x2));
    if (plusMinus) out.push(l > 0 ? 1 : 0);
    else if (regression) out.push(Math.max(-32.767, Math.min(32.767, Math.round(l * 1000) / 1000)));
    else out.push(l);
  }
  const classes = regression ? 2 : Math.max(2, ...out.map((l) => l + 1));
  return { data: { xy, labels: out, regression }, classes, skipped };
}

/** The half-width of the square plot that holds every point (at least 6). */
export function extentOf(xy: ArrayLike<number>): number {
  let m = 6;
  for (let i = 0; i < xy.length; i++) m = Math.max(m, Math.abs(xy[i]) * 1.05);
  return Math.ceil(m);
}
