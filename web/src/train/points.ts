// The user's own points: turning generated data into an editable list (its test split kept),
// adding and removing points, and reading a CSV of x1,x2,label. Coordinates are rounded the way
// the URL stores them (settings/points.ts), so a shared link trains on exactly these numbers.
import type { Key, Params, T } from '../i18n/index';
import { type EditedData, quantize } from '../settings/index';
import { catalog } from '../catalog';

export interface PointSet {
  xy: ArrayLike<number>;
  labels: ArrayLike<number>;
}

/** The current points as an editable list: training and test points stay apart. */
export function toEdited(train: PointSet, test: PointSet, regression: boolean): EditedData {
  const list = (set: PointSet) => {
    const xy: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < set.labels.length; i++) {
      xy.push(quantize(set.xy[2 * i]), quantize(set.xy[2 * i + 1]));
      labels.push(regression ? Math.round(set.labels[i] * 1000) / 1000 : set.labels[i]);
    }
    return { xy, labels };
  };
  const tr = list(train);
  const te = list(test);
  return { xy: tr.xy, labels: tr.labels, regression, testXy: te.xy, testLabels: te.labels };
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

/** Without the test point `index`. */
export function removeTestPoint(e: EditedData, index: number): EditedData {
  const testXy = (e.testXy ?? []).slice();
  testXy.splice(2 * index, 2);
  const testLabels = (e.testLabels ?? []).slice();
  testLabels.splice(index, 1);
  return { ...e, testXy, testLabels };
}

export interface CsvResult {
  data: EditedData;
  classes: number;
  /** Lines skipped (header, blank or unreadable). */
  skipped: number;
}

/** What is wrong with a CSV file: a catalogue key and its parameters (the message is the English). */
export class CsvError extends Error {
  constructor(
    readonly key: Key,
    readonly params: Params,
    message: string,
  ) {
    super(message);
  }
}

/** Why a file could not be read, in the view's language. */
export function csvProblem(e: unknown, t: T): string {
  if (e instanceof CsvError) return t(e.key, e.params);
  return e instanceof Error ? e.message : String(e);
}

// A plain decimal number: no hex (0x10), no Infinity, no empty cell.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// The URL stores coordinates and regression labels in thousandths within ±32.767 (settings/points.ts).
const URL_BOUND = 32.767;

/**
 * Reads "x1,x2,label" lines (commas, semicolons, tabs or spaces; lines without any number,
 * such as a header, are skipped). Labels 0..7 are classes and −1/+1 are the two classes of
 * Playground's exports; any other number makes the set a regression set. A cell that is not
 * a decimal number, or a value outside what the URL can store, is an error naming its line
 * and column. The number of points is the engine's to check.
 */
export function parseCsv(text: string): CsvResult {
  const rows: [number, number, number][] = [];
  let skipped = 0;
  let lineNo = 0;
  for (const line of text.split(/\r?\n/)) {
    lineNo++;
    const cells = line.trim().split(/[,;\t ]+/).filter((c) => c !== '');
    if (cells.length === 0) continue;
    if (cells.length < 3 || !cells.some((c) => DECIMAL.test(c))) {
      skipped++;
      continue;
    }
    const v: number[] = [];
    for (let col = 0; col < 3; col++) {
      const cell = cells[col];
      const shown = cell.length > 20 ? `${cell.slice(0, 20)}...` : cell;
      const where = { line: lineNo, column: col + 1, cell: shown, bound: URL_BOUND };
      if (!DECIMAL.test(cell)) throw new CsvError('train.csv.notDecimal', where, `line ${lineNo}, column ${col + 1}: "${shown}" is not a decimal number`);
      const x = Number(cell);
      if (!(Math.abs(x) <= URL_BOUND)) throw new CsvError('train.csv.outside', where, `line ${lineNo}, column ${col + 1}: ${shown} is outside [-${URL_BOUND}, ${URL_BOUND}]`);
      v.push(x);
    }
    rows.push([v[0], v[1], v[2]]);
  }
  if (rows.length === 0) throw new CsvError('train.csv.empty', {}, 'no rows of three numbers (x1, x2, label) found');
  const labels = rows.map((r) => r[2]);
  const integers = labels.every((l) => Number.isInteger(l));
  const plusMinus = integers && labels.every((l) => l === -1 || l === 1);
  const classIdx = integers && labels.every((l) => l >= 0 && l <= 7);
  const regression = !plusMinus && !classIdx;
  const xy: number[] = [];
  const out: number[] = [];
  let classes = 2;
  for (const [x1, x2, l] of rows) {
    xy.push(quantize(x1), quantize(x2));
    const label = plusMinus ? (l > 0 ? 1 : 0) : regression ? Math.round(l * 1000) / 1000 : l;
    out.push(label);
    // A loop, not Math.max(...out): a spread of a million values overflows the stack.
    if (!regression) classes = Math.max(classes, label + 1);
  }
  return { data: { xy, labels: out, regression }, classes, skipped };
}

/** The half-width of the square plot that holds every point (at least the generated sets' extent). */
export function extentOf(xy: ArrayLike<number>): number {
  let m = catalog().limits.dataExtent;
  for (let i = 0; i < xy.length; i++) m = Math.max(m, Math.abs(xy[i]) * 1.05);
  return Math.ceil(m);
}
