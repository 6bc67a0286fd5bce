// The training view's frame loop: while playing, each animation frame trains a chunk of
// steps in the engine and draws the result. When training and drawing together take more
// than the budget, the two alternate frames, so the page stays responsive. Also one step,
// one epoch, and the stop conditions (an epoch or a training loss).
import type { Session, SessionState } from '../engine';
import { fmt, withDecimalComma } from '../format';
import type { Locale } from '../i18n/index';
import type { TrainSettings } from '../settings/index';
import type { Divergence } from './divergence';
import { FrameBudget } from './frame-budget';
import type { FrameRecorder } from './perf';

/** JS time per frame (ms) for training plus drawing; above it the two alternate frames. */
const BUDGET_MS = 10;

export interface LoopHost {
  readonly session: Session | null;
  /** The engine's state after the last training call. */
  readonly state: SessionState | null;
  readonly settings: TrainSettings;
  /** The view's language (what a stop says). */
  readonly loc: Locale;
  /** Reads the engine's state and losses after training; null loss when there is none. */
  afterTraining(steps: number): { trainLoss: number | null; epoch: number };
  diverged(d: Divergence): void;
  draw(): void;
  /** Gives the drawing time to the resolution chooser; returns the factor it changes that time by. */
  adapt(visualMs: number): number;
  playing(on: boolean, message?: string): void;
}

export class TrainLoop {
  private raf = 0;
  private on = false;
  private emaTrain = 0;
  private emaVisual = 0;
  private budget = new FrameBudget(); // speed 'auto'
  private visualNext = false;

  constructor(
    private host: LoopHost,
    private perf: FrameRecorder,
  ) {}

  get playing(): boolean {
    return this.on;
  }

  play(): void {
    if (this.on) return;
    this.on = true;
    this.host.playing(true);
    this.raf = requestAnimationFrame(this.frame);
  }

  /** Stops the loop; `message` says why (default: where it paused). */
  pause(message?: string): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.perf.pause();
    if (!this.on) return;
    this.on = false;
    this.host.playing(false, message);
  }

  private frame = (now: number): void => {
    this.raf = 0;
    if (!this.on || !this.host.session) return;
    this.perf.begin(now);
    const split = this.emaTrain + this.emaVisual > BUDGET_MS;
    let kind: 't' | 'v' | 'b' = 'b';
    if (!split || !this.visualNext) {
      const t0 = performance.now();
      this.trainChunk();
      this.emaTrain += 0.2 * (performance.now() - t0 - this.emaTrain);
      kind = 't';
    }
    if (this.on && (!split || this.visualNext)) {
      const t0 = performance.now();
      this.host.draw();
      this.emaVisual += 0.2 * (performance.now() - t0 - this.emaVisual);
      kind = kind === 't' ? 'b' : 'v';
      this.emaVisual *= this.host.adapt(this.emaVisual);
    }
    this.visualNext = split ? kind === 't' : false;
    this.perf.end(kind);
    if (this.on) this.raf = requestAnimationFrame(this.frame);
    else this.host.draw();
  };

  private stepsPerChunk(session: Session): number {
    const st = this.host.state ?? session.state();
    const perEpoch = Math.max(1, Math.ceil(st.trainExamples / Math.max(1, st.batchSize)));
    const speed = this.host.settings.speed;
    if (speed === 'auto') {
      const stop = this.host.settings.stopEpoch;
      return this.budget.steps(perEpoch, this.emaTrain, this.emaVisual, stop === null ? null : stop - st.epoch);
    }
    if (speed === 'epoch') return perEpoch;
    if (speed === '5epochs') return 5 * perEpoch;
    const n = Number(speed);
    return Number.isInteger(n) && n > 0 ? n : 1;
  }

  /** Trains one frame's worth of steps. */
  private trainChunk(): void {
    const session = this.host.session!;
    const t0 = performance.now();
    const r = session.train(this.stepsPerChunk(session));
    this.perf.part('train', t0);
    this.finish(r.divergence as Divergence | null, r.steps);
  }

  /** After training: the host reads the state; then divergence or a stop condition pauses. */
  private finish(divergence: Divergence | null, steps: number): void {
    const { trainLoss, epoch } = this.host.afterTraining(steps);
    if (divergence) {
      this.host.diverged(divergence);
      return;
    }
    const s = this.host.settings;
    const t = this.host.loc.t;
    const comma = (text: string) => withDecimalComma(text, this.host.loc.decimalComma);
    if (s.stopEpoch !== null && epoch >= s.stopEpoch) {
      this.pause(t('train.say.stoppedEpoch', { epoch }));
    } else if (s.stopLoss !== null && trainLoss !== null && trainLoss <= s.stopLoss) {
      this.pause(t('train.say.stoppedLoss', { loss: comma(fmt(trainLoss, 4)), target: comma(String(s.stopLoss)), epoch }));
    }
  }

  /** One training step (one minibatch update), paused. */
  stepOnce(): void {
    const session = this.host.session;
    if (!session) return;
    this.pause();
    const r = session.train(1);
    this.finish(r.divergence as Divergence | null, 1);
    this.host.draw();
  }

  /** Trains until the epoch counter moves (batches never cross epochs, core/session.cpp). */
  epochOnce(): void {
    const session = this.host.session;
    if (!session) return;
    this.pause();
    const start = session.state();
    const limit = Math.ceil(start.trainExamples / Math.max(1, start.batchSize)) + 1;
    let divergence: Divergence | null = null;
    for (let k = 0; k < limit && !divergence; k++) {
      divergence = session.train(1).divergence as Divergence | null;
      if (session.state().epoch > start.epoch) break;
    }
    this.finish(divergence, session.state().step - start.step);
    this.host.draw();
  }
}
