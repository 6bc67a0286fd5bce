// What the step-through view takes (ExplorerOptions) and what it offers (Explorer): the page
// shell, <backprop-explorer> and practice mode use these; web/src/explorer/index.ts builds it.
import type { Session, Spec } from '../engine';
import type { ChangeEvent } from './controller';
import type { PracticeHandle } from '../practice/index';
import type { Locale } from '../i18n/index';

export interface ExplorerOptions {
  params: URLSearchParams;
  live: HTMLElement;
  openInspector: (session: Session, layer: number, unit: number, example: number) => void;
  /** Keep the network in the page's URL (default true; embeds turn it off). */
  writeUrl?: boolean;
  /** The page that "Copy link" points to (default: this page). */
  linkBase?: string;
  /** Where dialogs and popovers go (default document.body; an embed's shadow root container). */
  dialogHost?: HTMLElement;
  /** Where keys count as typed into this view (an embed: its whole shadow root); default the host. */
  keyRoot?: Element;
  /** The view's language and number style (default English, decimal point). */
  locale?: Locale;
}

export interface Explorer {
  show(): void;
  hide(): void;
  /** Deletes the view's session, removes its keys and its DOM: the view is gone. */
  dispose(): void;
  /** The engine session of the network shown (replaced when another network is loaded). */
  readonly session: Session;
  next(): void;
  previous(): boolean;
  step(): void;
  reset(): void;
  /** Runs forward to `step` steps and `cursor` phases (the position of a view being rebuilt). */
  runTo(step: number, cursor: number): void;
  /** Loads a preset by id; false when there is no such preset; throws the engine's error when it cannot load it. */
  loadPreset(id: string): boolean;
  /** Loads a spec; returns the engine's message when it is invalid (nothing changes then). */
  loadSpec(spec: Spec): string | null;
  /** The view's language and number style. */
  readonly locale: Locale;
  onChange(fn: (e: ChangeEvent) => void): void;
  /** Practice mode of this view (web/src/practice). */
  readonly practice: PracticeHandle;
}
