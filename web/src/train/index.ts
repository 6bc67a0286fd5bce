// The live training view ("Train" mode): train a network on 2-D data in the engine and
// watch it learn. The engine does every computation (training steps, losses, unit outputs
// over the plane, gradients); the view schedules it per animation frame and draws what it
// returns. It takes typed settings (web/src/settings/) and reports them after each change;
// the page's URL and the element's attributes are adapters outside it. Files:
// controller.ts (session and changes), loop.ts (frames), panels.ts (DOM), wiring.ts (events),
// edits.ts (points), live-edit.ts (points and weights changed while training goes on),
// weight-editor.ts (one weight from its edge), sync.ts (settings into controls). See docs/architecture.md.
import type { Engine, Session, SessionState } from '../engine';
import type { Locale } from '../i18n/index';
import type { SettingError, TrainSettings } from '../settings/index';
import { TrainController } from './controller';
import type { Divergence } from './divergence';
import './train.css';
import './network-output.css';
import './weight-edit.css';

export interface TrainViewOptions {
  /** The settings to start from (the view keeps its own copy). */
  settings: TrainSettings;
  /** What was wrong with them as read (settings/codec.ts): shown beside their controls, before any training. */
  errors?: SettingError[];
  /** Controls a teacher hid (the hide list). */
  hidden?: Set<string>;
  openInspector: (session: Session, layer: number, unit: number, example: number) => void;
  /** After each change while the view is shown: the settings (the page writes them into its URL). */
  onSettings?: (settings: Readonly<TrainSettings>) => void;
  /** After each batch of training work (at most once per frame): the engine's state. */
  onProgress?: (state: SessionState, steps: number) => void;
  /** When training diverges. */
  onDiverged?: (divergence: Divergence) => void;
  /** The view's language (web/src/i18n/); English when not given. */
  locale?: Locale;
  /** The view is the page's (not one embed among others): it takes keys typed on the page's body. */
  ownsPage?: boolean;
}

export interface TrainViewHandle {
  show(): void;
  hide(): void;
  /** The engine session being trained (null before the view is first shown, or while invalid). */
  readonly session: Session | null;
  /** Stops training, deletes the session, removes the view's keys, observers and DOM. */
  dispose(): void;
}

export function mountTrainView(container: HTMLElement, engine: Engine, options: TrainViewOptions): TrainViewHandle {
  const view = new TrainController(container, engine, options);
  return {
    show: () => view.show(),
    hide: () => view.hide(),
    dispose: () => view.dispose(),
    get session() {
      return view.session;
    },
  };
}
