// Step controls ("Previous phase", "Next phase", "Step", "Play", "Pause", "Reset"), the
// animation speed, the phase indicator (Forward 1 → … → Loss → Backward L → … → Update)
// and the step and epoch counters.
import { phaseTitle } from './phases';
import { fmt } from '../format';
import type { Snapshot } from './snapshot';
import type { T } from '../i18n/index';
import { h, select } from '../dom';

export interface ControlActions {
  next(): void;
  previous(): void;
  step(): void;
  play(): void;
  pause(): void;
  reset(): void;
  setSpeed(speed: number): void;
  /** Time travel to the state after phase k (0-based) of the pass shown. */
  jump(k: number): void;
}

export interface Controls {
  element: HTMLElement;
  update(s: Snapshot, opts: { playing: boolean; canGoBack: boolean }): void;
  /** The speed one step faster (dir 1) or slower (−1) than `current`, shown in the picker. */
  nudgeSpeed(current: number, dir: number): number;
}

/** The speeds that + and − step through (Instant is only picked by hand). */
const STEPPED = [0.25, 0.5, 1, 2, 4];

/** The speeds of the picker (0: instant). */
const SPEEDS = [0.25, 0.5, 1, 2, 4, 0];

const ICONS: Record<string, string> = {
  prev: 'M11 4 5 10l6 6M16 4l-6 6 6 6',
  next: 'M9 4l6 6-6 6M4 4l6 6-6 6',
  step: 'M4 10h9M10 5l5 5-5 5M17 4v12',
  play: 'M6 4l10 6-10 6z',
  pause: 'M6 4h3v12H6zM11 4h3v12h-3z',
  reset: 'M4 10a6 6 0 1 0 2-4.5M4 3v4h4',
};

function iconSvg(name: string): string {
  const filled = name === 'play' || name === 'pause';
  return `<svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false"><path d="${ICONS[name]}" fill="${filled ? 'currentColor' : 'none'}" stroke="currentColor" stroke-width="${filled ? 0 : 2}" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
}

function button(t: T, label: string, shortcut: string, icon: string, onClick: () => void): HTMLButtonElement {
  const title = `${label} (${shortcut.replace('ArrowRight', '→').replace('ArrowLeft', '←').replace('Space', t('step.space'))})`;
  const b = h('button', { type: 'button', class: 'control', 'aria-label': label, 'aria-keyshortcuts': shortcut, title });
  b.innerHTML = `<span class="icon">${iconSvg(icon)}</span><span class="label">${label}</span>`;
  b.addEventListener('click', onClick);
  return b;
}

export function createControls(actions: ControlActions, initialSpeed: number, t: T): Controls {
  const row = h('div', { class: 'control-row', role: 'toolbar', 'aria-label': t('step.controls') });
  const prev = button(t, t('step.previous'), 'ArrowLeft', 'prev', actions.previous);
  const next = button(t, t('step.next'), 'ArrowRight', 'next', actions.next);
  const step = button(t, t('step.step'), 'S', 'step', actions.step);
  const play = button(t, t('step.play'), 'Space', 'play', actions.play);
  const pause = button(t, t('step.pause'), 'Space', 'pause', actions.pause);
  const reset = button(t, t('step.reset'), 'R', 'reset', actions.reset);
  next.classList.add('primary');
  row.append(prev, next, step, play, pause, reset);

  const speedChoices = SPEEDS.map((v) => [String(v), v === 0 ? t('step.instant') : `${fmt(v)}×`] as const);
  const speed = select({ 'aria-label': t('step.speedLabel') }, speedChoices, String(SPEEDS.includes(initialSpeed) ? initialSpeed : 1));
  speed.addEventListener('change', () => actions.setSpeed(Number(speed.value)));
  row.append(h('label', { class: 'speed' }, `${t('step.speed')} `, speed));

  const indicator = h('ol', { class: 'phase-indicator', 'aria-label': t('step.phases') });
  const counters = h('p', { class: 'counters' });
  const el = h('div', { class: 'controls' }, row, h('div', { class: 'phase-status' }, indicator, counters));

  return {
    element: el,
    nudgeSpeed(current, dir) {
      const i = STEPPED.indexOf(current);
      const next = STEPPED[Math.max(0, Math.min(STEPPED.length - 1, (i < 0 ? 2 : i) + dir))];
      speed.value = String(next);
      return next;
    },
    update(s, { playing, canGoBack }) {
      const st = s.state;
      prev.disabled = !canGoBack;
      play.disabled = playing;
      pause.disabled = !playing;
      // The indicator: one item per phase of the engine, the last run one is current.
      const phases = st.phases;
      const doneUpTo = st.cursor === 0 ? (st.lastPhase?.kind === 'update' ? phases.length : 0) : st.cursor;
      // The focused chip is replaced: keep the focus on its successor.
      const focusedChip = indicator.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.k : undefined;
      indicator.replaceChildren(
        ...phases.map((p, k) => {
          const chip = h('button', { type: 'button', class: 'phase-chip', 'data-k': k, title: t('step.goTo', { phase: phaseTitle(p, t) }) }, phaseTitle(p, t));
          chip.addEventListener('click', () => actions.jump(k));
          const li = h('li', { 'data-kind': p.kind });
          if (k < doneUpTo) li.classList.add('done');
          if (k === doneUpTo - 1) {
            li.classList.add('current');
            chip.setAttribute('aria-current', 'step');
          }
          li.append(chip);
          return li;
        }),
      );
      if (focusedChip !== undefined) indicator.querySelector<HTMLElement>(`[data-k="${focusedChip}"]`)?.focus();
      indicator.dataset.testid = 'phase-indicator';
      counters.innerHTML =
        `<span>${t('step.counterStep')} <strong data-testid="step-count">${st.step}</strong></span>` +
        `<span>${t('step.counterEpoch')} <strong data-testid="epoch-count">${st.epoch}</strong></span>` +
        `<span>${t('step.counterPhase')} <strong data-testid="phase-name">${phaseTitle(s.phase, t)}</strong></span>` +
        `<span class="next-phase">${t('step.nextIs', { phase: phaseTitle(st.nextPhase, t) })}</span>`;
    },
  };
}
