// Play and Pause of the step-through view: one phase per tick, paced by the animation's speed
// (a fixed 700 ms without motion), until Pause, an error or a divergence stops it.
import type { Locale } from '../i18n/index';
import { errorLine } from '../i18n/errors';
import { timing } from '../theme';
import type { Animator } from './animation';
import type { Stepper } from './controller';
import { phaseTitle } from './phases';

export interface Playback {
  readonly playing: boolean;
  start(): void;
  stop(): void;
}

export interface PlaybackOptions {
  stepper: Stepper;
  animator: Animator;
  /** Redraws the controls (Play and Pause) for `playing`. */
  update(playing: boolean): void;
  announce(text: string): void;
  locale: Locale;
}

export function createPlayback({ stepper, animator, update, announce, locale }: PlaybackOptions): Playback {
  const t = locale.t;
  let playing = false;
  let timer = 0;
  const stop = (): void => {
    if (!playing) return;
    playing = false;
    clearTimeout(timer);
    if (stepper.snapshot) update(false);
    announce(t('say.paused', { phase: phaseTitle(stepper.snapshot.phase, t) }));
  };
  const tick = (): void => {
    if (!playing) return;
    try {
      stepper.next();
    } catch (e) {
      stop();
      announce(t('error.stopped') + errorLine(e, locale));
      return;
    }
    if (stepper.snapshot.state.divergence) {
      stop();
      return;
    }
    timer = window.setTimeout(tick, animator.reduced ? 700 : timing.playInterval / (animator.speed || 1));
  };
  return {
    get playing() {
      return playing;
    },
    start() {
      if (playing) return;
      playing = true;
      update(true);
      announce(t('say.playing'));
      tick();
    },
    stop,
  };
}
