// Frame timing of the training loop: each played frame is bracketed by performance
// marks, and the last FRAMES durations (JS work per frame) and intervals between frames
// are kept in typed rings, exposed on window.__bpxTrainPerf for tests and benchmarks.

const FRAMES = 600;
const MARK = 'bpx-train-frame';

export interface TrainPerf {
  /** JS work of the last frames in ms (oldest first). */
  work(): number[];
  /** Time between the starts of consecutive played frames in ms (oldest first). */
  interval(): number[];
  /** What the last frames did: 't' trained, 'v' drew, 'b' both. */
  kinds(): string;
  /** Mean ms per part of the frame (train, evaluate, grid, paint, edges, chart) since clear(). */
  parts(): Record<string, number>;
  clear(): void;
}

declare global {
  interface Window {
    __bpxTrainPerf?: TrainPerf;
  }
}

export class FrameRecorder implements TrainPerf {
  private workRing = new Float64Array(FRAMES);
  private intervalRing = new Float64Array(FRAMES);
  private kindRing = new Uint8Array(FRAMES);
  private n = 0;
  private ni = 0;
  private lastStart = -1;
  private partSum = new Map<string, number>();
  private partCount = new Map<string, number>();

  constructor() {
    if (typeof window !== 'undefined') window.__bpxTrainPerf = this;
  }

  begin(now: number): void {
    if (this.lastStart >= 0) {
      this.intervalRing[this.ni % FRAMES] = now - this.lastStart;
      this.ni++;
    }
    this.lastStart = now;
    performance.mark(MARK);
  }

  end(kind: 't' | 'v' | 'b'): number {
    const m = performance.measure(MARK, MARK);
    const d = m.duration;
    performance.clearMarks(MARK);
    performance.clearMeasures(MARK);
    this.workRing[this.n % FRAMES] = d;
    this.kindRing[this.n % FRAMES] = kind.charCodeAt(0);
    this.n++;
    return d;
  }

  /** Adds the time of one part of a frame (ms since t0). */
  part(name: string, t0: number): number {
    const now = performance.now();
    this.partSum.set(name, (this.partSum.get(name) ?? 0) + now - t0);
    this.partCount.set(name, (this.partCount.get(name) ?? 0) + 1);
    return now;
  }

  parts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, v] of this.partSum) out[k] = v / (this.partCount.get(k) ?? 1);
    return out;
  }

  /** Playing stopped: the next frame's interval would include the pause. */
  pause(): void {
    this.lastStart = -1;
  }

  private ordered(ring: Float64Array | Uint8Array, count: number): number[] {
    const k = Math.min(count, FRAMES);
    const out: number[] = [];
    for (let i = count - k; i < count; i++) out.push(ring[i % FRAMES]);
    return out;
  }

  work(): number[] {
    return this.ordered(this.workRing, this.n);
  }
  interval(): number[] {
    return this.ordered(this.intervalRing, this.ni);
  }
  kinds(): string {
    return String.fromCharCode(...this.ordered(this.kindRing, this.n));
  }
  clear(): void {
    this.n = 0;
    this.ni = 0;
    this.lastStart = -1;
    this.partSum.clear();
    this.partCount.clear();
  }
}
