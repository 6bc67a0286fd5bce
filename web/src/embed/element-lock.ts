// <backprop-explorer lock="…">: parts that are shown but cannot be used. A locked part is shown
// whether or not `controls` lists it; its buttons, fields and menus are disabled (the
// `disabled` attribute: no pointer, no keyboard, announced as unavailable), its canvases take
// no pointer, and the view's shortcut keys for it do nothing while the element has the focus.
// The part names are those of `controls` (STEP_PARTS, TRAIN_PARTS in web/src/embed/options.ts).
//
// The views own their controls and enable them as they go (Previous phase when there is a
// history, say): a MutationObserver puts `disabled` back whenever a view lifts it. Unlocking a
// part rebuilds the view (the element does that), so the view's own states come back.
import { STEP_PARTS, TRAIN_PARTS, trainHidden } from './options';
import { stepBindings, type KeyActions } from '../explorer/keyboard';
import { ENGLISH } from '../i18n/index';
import { trainKeyTable } from '../train/shortcuts';
import type { TrainController } from '../train/controller';

export const LOCK_ATTRIBUTE = 'lock';

type StepPart = (typeof STEP_PARTS)[number];

/** Where each step-through part lives (the same elements web/src/embed/embed.css hides). */
const STEP_SELECTORS: Record<StepPart, string> = {
  presets: '.preset-picker',
  digits: '.digits-picker',
  playback: '.control-row > .control',
  speed: '.control-row > .speed',
  phases: '.phase-status',
  summary: '.summary',
  legend: '.diagram figcaption',
  math: '.math-col',
  notes: '.explorer-main .notes-panel',
  numbers: '.numbers-panel',
  edit: '.edit-panel',
  export: '.export-panel',
};

/** Which part each step-through shortcut (web/src/explorer/keyboard.ts) belongs to. */
const STEP_ACTION_PART: Record<keyof KeyActions, StepPart | null> = {
  next: 'playback',
  previous: 'playback',
  step: 'playback',
  togglePlay: 'playback',
  reset: 'playback',
  faster: 'speed',
  slower: 'speed',
  inspect: null, // opens the inspector: reading, not changing
};

/** The training view's shortcut keys by the `hide` id of their control, read from its own table. */
function trainKeysById(): Map<string, string[]> {
  // The bindings' actions are never run here: only their keys and controls are read.
  const table = trainKeyTable({} as TrainController, ENGLISH.t);
  return new Map(table.map((b) => [b.control, b.keys]));
}

const CONTROLS = 'button, input, select, textarea';

/** The keys of the step-through shortcuts of `parts`, read from the view's own bindings. */
function stepKeys(parts: Set<string>): Set<string> {
  const partOf = new Map<() => void, StepPart | null>();
  const actions = {} as KeyActions;
  for (const [name, part] of Object.entries(STEP_ACTION_PART) as [keyof KeyActions, StepPart | null][]) {
    const fn = () => {};
    partOf.set(fn, part);
    actions[name] = fn;
  }
  const keys = new Set<string>();
  for (const b of stepBindings(actions, ENGLISH.t)) {
    const part = partOf.get(b.run);
    if (part && parts.has(part)) b.keys.forEach((k) => keys.add(k));
  }
  return keys;
}

/** The train view's `hide` ids that belong to `parts`. */
function trainIds(parts: Set<string>): string[] {
  return trainHidden(new Set(TRAIN_PARTS.filter((p) => !parts.has(p))));
}

/** The part names of `lock` (commas or spaces), keeping only the parts of `mode`. */
export function parseLock(value: string | null, mode: string): Set<string> {
  const known: readonly string[] = mode === 'train' ? TRAIN_PARTS : mode === 'step' || mode === 'practice' ? STEP_PARTS : [];
  return new Set((value ?? '').split(/[\s,]+/).filter((p) => known.includes(p)));
}

export class PartLocks {
  readonly #root: HTMLElement;
  #selector = '';
  #keys = new Set<string>();
  readonly #observer = new MutationObserver(() => this.#enforce());
  readonly #onKey = (e: KeyboardEvent) => {
    if (!this.#keys.has(e.key) || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.composedPath()[0];
    if (target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"]')) return;
    e.stopPropagation(); // the page's key registry (web/src/keys.ts, on document) never sees it
  };

  constructor(root: HTMLElement) {
    this.#root = root;
    root.addEventListener('keydown', this.#onKey);
  }

  /** Locks `parts` of the view of `mode` ('step', 'practice', 'train'; others have none). */
  set(mode: string, parts: Set<string>): void {
    this.#observer.disconnect();
    const selectors: string[] = [];
    if (mode === 'train') {
      const ids = trainIds(parts);
      for (const id of ids) selectors.push(`[data-ctl="${id}"]`, `[data-panel="${id}"]`);
      const keys = trainKeysById();
      this.#keys = new Set(ids.flatMap((id) => keys.get(id) ?? []));
    } else if (mode === 'step' || mode === 'practice') {
      for (const p of parts) selectors.push(STEP_SELECTORS[p as StepPart]);
      this.#keys = stepKeys(parts);
    } else {
      this.#keys = new Set();
    }
    this.#selector = selectors.join(', ');
    this.#root.dataset.locked = [...parts].join(' ');
    if (!this.#selector) return;
    this.#enforce();
    this.#observer.observe(this.#root, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
  }

  #enforce(): void {
    if (!this.#selector) return;
    for (const part of this.#root.querySelectorAll<HTMLElement>(this.#selector)) {
      part.dataset.bpxLocked = '';
      const controls = [...(part.matches(CONTROLS) ? [part] : []), ...part.querySelectorAll<HTMLElement>(CONTROLS)];
      for (const c of controls) {
        const control = c as HTMLButtonElement;
        if (!control.disabled) control.disabled = true;
      }
    }
  }
}
