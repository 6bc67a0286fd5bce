// The user's own points in a link: base64url bytes of a version byte, a kind byte (0 classes,
// 1 regression), the count (uint16), then per point x1 and x2 as int16 thousandths and the
// label (a uint8 class, or int16 thousandths for regression). Points are rounded to
// thousandths when edited, so sender and receiver train on the same numbers.

export interface EditedData {
  /** x1, x2 interleaved (2 per point), rounded to 3 decimals. */
  xy: number[];
  /** Class index 0..C-1, or a regression value in [-1, 1]. */
  labels: number[];
  regression: boolean;
}

/** Rounds a coordinate the way the link stores it. */
export function quantize(v: number): number {
  return Math.max(-32.767, Math.min(32.767, Math.round(v * 1000) / 1000));
}

export function encodePoints(e: EditedData): string {
  const n = e.labels.length;
  const labelBytes = e.regression ? 2 : 1;
  const buf = new DataView(new ArrayBuffer(4 + n * (4 + labelBytes)));
  buf.setUint8(0, 1);
  buf.setUint8(1, e.regression ? 1 : 0);
  buf.setUint16(2, n, true);
  let o = 4;
  for (let i = 0; i < n; i++) {
    buf.setInt16(o, Math.round(e.xy[2 * i] * 1000), true);
    buf.setInt16(o + 2, Math.round(e.xy[2 * i + 1] * 1000), true);
    o += 4;
    if (e.regression) buf.setInt16(o, Math.round(e.labels[i] * 1000), true);
    else buf.setUint8(o, e.labels[i]);
    o += labelBytes;
  }
  let bin = '';
  const bytes = new Uint8Array(buf.buffer);
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The points of a link, or null when the text is not such a list. */
export function decodePoints(text: string): EditedData | null {
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    if (bytes.length < 4) return null;
    const buf = new DataView(bytes.buffer);
    if (buf.getUint8(0) !== 1) return null;
    const regression = buf.getUint8(1) === 1;
    const n = buf.getUint16(2, true);
    const labelBytes = regression ? 2 : 1;
    if (bytes.length !== 4 + n * (4 + labelBytes)) return null;
    const xy: number[] = [];
    const labels: number[] = [];
    let o = 4;
    for (let i = 0; i < n; i++) {
      xy.push(buf.getInt16(o, true) / 1000, buf.getInt16(o + 2, true) / 1000);
      o += 4;
      labels.push(regression ? buf.getInt16(o, true) / 1000 : buf.getUint8(o));
      o += labelBytes;
    }
    return { xy, labels, regression };
  } catch {
    return null;
  }
}
