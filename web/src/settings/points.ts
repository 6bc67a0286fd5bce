// The user's own points in a link: base64url bytes of a version byte, a kind byte (0 classes,
// 1 regression), the count (uint16), then per point x1 and x2 as int16 thousandths and the
// label (a uint8 class, or int16 thousandths for regression). Version 2 adds the count of
// held-out test points (uint16) after the training count, and those points after the
// training points; a list without test points is written as version 1, which still reads.
// Points are rounded to thousandths when edited, so sender and receiver train on the same numbers.

export interface EditedData {
  /** x1, x2 interleaved (2 per point), rounded to 3 decimals: the training points. */
  xy: number[];
  /** Class index 0..C-1, or a regression value in [-1, 1]. */
  labels: number[];
  regression: boolean;
  /** Held-out test points (x1, x2 interleaved) and their labels; absent or empty: none. */
  testXy?: number[];
  testLabels?: number[];
}

/** Rounds a coordinate the way the link stores it. */
export function quantize(v: number): number {
  return Math.max(-32.767, Math.min(32.767, Math.round(v * 1000) / 1000));
}

export function encodePoints(e: EditedData): string {
  const n = e.labels.length;
  const nTest = e.testLabels?.length ?? 0;
  const head = nTest ? 6 : 4;
  const labelBytes = e.regression ? 2 : 1;
  const buf = new DataView(new ArrayBuffer(head + (n + nTest) * (4 + labelBytes)));
  buf.setUint8(0, nTest ? 2 : 1);
  buf.setUint8(1, e.regression ? 1 : 0);
  buf.setUint16(2, n, true);
  if (nTest) buf.setUint16(4, nTest, true);
  let o = head;
  const put = (xy: number[], labels: number[]) => {
    for (let i = 0; i < labels.length; i++) {
      buf.setInt16(o, Math.round(xy[2 * i] * 1000), true);
      buf.setInt16(o + 2, Math.round(xy[2 * i + 1] * 1000), true);
      o += 4;
      if (e.regression) buf.setInt16(o, Math.round(labels[i] * 1000), true);
      else buf.setUint8(o, labels[i]);
      o += labelBytes;
    }
  };
  put(e.xy, e.labels);
  if (nTest) put(e.testXy ?? [], e.testLabels ?? []);
  let bin = '';
  const bytes = new Uint8Array(buf.buffer);
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The points of a link (version 1 or 2), or null when the text is not such a list. */
export function decodePoints(text: string): EditedData | null {
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    if (bytes.length < 4) return null;
    const buf = new DataView(bytes.buffer);
    const version = buf.getUint8(0);
    if (version !== 1 && version !== 2) return null;
    if (version === 2 && bytes.length < 6) return null;
    const regression = buf.getUint8(1) === 1;
    const n = buf.getUint16(2, true);
    const nTest = version === 2 ? buf.getUint16(4, true) : 0;
    const head = version === 2 ? 6 : 4;
    const labelBytes = regression ? 2 : 1;
    if (bytes.length !== head + (n + nTest) * (4 + labelBytes)) return null;
    let o = head;
    const take = (count: number) => {
      const xy: number[] = [];
      const labels: number[] = [];
      for (let i = 0; i < count; i++) {
        xy.push(buf.getInt16(o, true) / 1000, buf.getInt16(o + 2, true) / 1000);
        o += 4;
        labels.push(regression ? buf.getInt16(o, true) / 1000 : buf.getUint8(o));
        o += labelBytes;
      }
      return { xy, labels };
    };
    const train = take(n);
    const out: EditedData = { xy: train.xy, labels: train.labels, regression };
    if (nTest) {
      const test = take(nTest);
      out.testXy = test.xy;
      out.testLabels = test.labels;
    }
    return out;
  } catch {
    return null;
  }
}
