// Changes to a running session that keep what it has learnt: new points (added or removed on
// the plot) go to the engine's replaceData, a weight typed into its edge's editor to
// setParameter. Weights, optimizer state, step and epoch stay; the view redraws and samples.
// Without a valid session the points fall back to a new session (rebuild).
import type { Session, SessionState } from '../engine';
import { withDecimalComma } from '../format';
import type { Locale } from '../i18n/index';
import { pointData, type EditedData, type TrainSettings } from '../settings/index';
import type { PointEditor } from './edits';
import { engineMessage, isBpxError, type Message } from './messages';
import type { TrainPanels } from './panels';
import { syncControls } from './sync';
import type { WeightHost } from './weight-editor';

export interface LiveHost {
  readonly settings: TrainSettings;
  readonly session: Session | null;
  state: SessionState | null;
  readonly invalid: boolean;
  readonly p: TrainPanels | null;
  readonly loc: Locale;
  readonly edits: PointEditor;
  rebuild(): boolean;
  readonly loop: { pause(): void };
  /** Losses and accuracies evaluated now, shown and added to the curves. */
  sample(): unknown;
  draw(): void;
  changed(): void;
  setError(key: string, message: Message): void;
  say(message: string): void;
}

export class LiveEdit implements WeightHost {
  constructor(private host: LiveHost) {}

  /** The session trains on `edited` from now on; false (the error shown) when the engine refuses. */
  replacePoints(edited: EditedData): boolean {
    const h = this.host;
    const session = h.session;
    if (!session || h.invalid) {
      h.settings.edited = edited;
      return h.rebuild();
    }
    try {
      session.replaceData(pointData(edited));
    } catch (e) {
      if (!isBpxError(e)) throw e;
      h.setError('edit', engineMessage(e, h.loc));
      return false;
    }
    h.setError('edit', '');
    h.settings.edited = edited;
    h.state = session.state();
    h.edits.readData();
    const p = h.p!;
    syncControls(p, h.settings, h.loc.t, h.state.trainExamples, false, true);
    h.sample();
    h.draw();
    h.changed();
    return true;
  }

  // ---------------------------------------------------------------- one weight (WeightHost)

  value(layer: number, row: number, col: number): number | null {
    const s = this.host.session;
    if (!s || this.host.invalid) return null;
    const W = s.W(layer);
    return W.data[row * W.cols + col];
  }

  opened(): void {
    this.host.loop.pause();
  }

  apply(layer: number, row: number, col: number, value: number): Message | null {
    const h = this.host;
    const s = h.session;
    if (!s) return null;
    try {
      s.setParameter('W', layer, row, col, value);
    } catch (e) {
      if (!isBpxError(e)) throw e;
      return engineMessage(e, h.loc);
    }
    h.state = s.state();
    h.sample();
    h.draw();
    h.say(h.loc.t('train.say.weightSet', { l: layer, i: row + 1, j: col + 1, value: withDecimalComma(String(value), h.loc.decimalComma) }));
    return null;
  }
}
