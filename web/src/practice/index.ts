// Practice mode of the step-through view: before each phase runs, the learner types the
// value of each entry it will compute; the engine checks it to the digits typed and names
// the mistake it reproduces (session.check). Hints in three levels, skip and reveal, a
// running score. The phase runs (and the diagram shows its values) once its entries are done.
import type { Engine, Session } from '../engine';
import type {
  AnswerDetail,
  PracticeEngine,
  PracticeQuestionRef,
  PracticeScore,
  PracticeSession,
} from './types';
import { entriesOf, questionLabel } from './questions';
import { updateState } from '../url-state';

export interface PracticeHost {
  readonly session: Session;
  next(): void;
  loadSpec(spec: never): string | null;
  onChange(fn: () => void): void;
}

export interface PracticeHandle {
  /** Turns practice on (the question of the next phase appears) or off; focus: move the keyboard to the answer box. */
  setEnabled(on: boolean, focus?: boolean): void;
  readonly enabled: boolean;
  readonly score: PracticeScore;
  /** Called after every checked answer. */
  onAnswer(fn: (d: AnswerDetail) => void): void;
  /** Shows or hides the whole panel (embeds show it only in mode="practice"). */
  setAvailable(on: boolean): void;
  /** Loads seeded exercise `seed` and starts practice on it. */
  loadExercise(seed: number): string | null;
}

export interface PracticeOptions {
  params: URLSearchParams;
  /** Keep ?practice and ?exercise in the page's URL (default true; embeds turn it off). */
  writeUrl?: boolean;
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', text = ''): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (text) el.textContent = text;
  return el;
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const b = h('button', '', text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

const emptyScore = (): PracticeScore => ({ correct: 0, questions: 0, wrong: 0, hints: 0, revealed: 0, skipped: 0 });

let ids = 0;

export function mountPractice(host: HTMLElement, explorer: PracticeHost, engine: Engine, options: PracticeOptions): PracticeHandle {
  const uid = `practice-${++ids}`;
  let enabled = false;
  let queue: PracticeQuestionRef[] = [];
  let index = 0;
  let hintLevel = 0;
  let triedWrong = false;
  const total = emptyScore();
  let step = emptyScore();
  const listeners: ((d: AnswerDetail) => void)[] = [];

  host.classList.add('practice');
  host.setAttribute('aria-labelledby', `${uid}-title`);
  const title = h('h2', '', 'Practice');
  title.id = `${uid}-title`;
  const intro = h('p', 'muted', 'Predict each number before the engine shows it: type a value, a fraction or your arithmetic (0.5*0.62 + 0.05). It is right when it matches to the digits you type.');
  const toggle = button('Start practice', () => setEnabled(!enabled));
  toggle.setAttribute('aria-pressed', 'false');
  const seedLabel = h('label', 'practice-seed', 'Exercise seed ');
  const seedInput = h('input');
  seedInput.type = 'number';
  seedInput.min = '0';
  seedInput.step = '1';
  seedInput.inputMode = 'numeric';
  seedInput.value = options.params.get('exercise') ?? '1';
  seedLabel.append(seedInput);
  const seedButton = button('New exercise', () => {
    const problem = loadExercise(Number(seedInput.value));
    if (problem) feedback.textContent = problem;
  });
  const bar = h('div', 'practice-bar');
  bar.append(toggle, seedLabel, seedButton);

  const card = h('div', 'practice-card');
  card.hidden = true;
  const where = h('p', 'practice-where');
  const label = h('label', 'practice-label');
  const input = h('input', 'practice-input');
  input.id = `${uid}-answer`;
  input.type = 'text';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.inputMode = 'decimal';
  label.htmlFor = input.id;
  const checkButton = button('Check', () => check());
  const hintButton = button('Hint', () => hint());
  const revealButton = button('Reveal', () => finish('revealed'));
  const skipButton = button('Skip', () => finish('skipped'));
  const actions = h('div', 'practice-actions');
  actions.append(checkButton, hintButton, revealButton, skipButton);
  const hintText = h('p', 'practice-hint');
  hintText.setAttribute('aria-live', 'polite');
  const feedback = h('p', 'practice-feedback');
  feedback.setAttribute('role', 'status');
  feedback.id = `${uid}-feedback`;
  input.setAttribute('aria-describedby', feedback.id);
  const scoreText = h('p', 'practice-score');
  card.append(where, label, input, actions, hintText, feedback, scoreText);
  host.append(title, intro, bar, card);

  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      check();
    }
  });

  const session = () => explorer.session as unknown as PracticeSession;
  const current = () => queue[index];

  function rebuild(): void {
    if (!enabled) return;
    const s = session();
    const state = explorer.session.state();
    queue = entriesOf(s.practiceQuestions());
    index = 0;
    if (state.cursor === 0) step = emptyScore();
    showQuestion();
  }

  function showQuestion(): void {
    hintLevel = 0;
    triedWrong = false;
    hintText.textContent = '';
    const q = current();
    const phase = explorer.session.state().nextPhase;
    where.textContent = `Next phase: ${phase.label} · question ${index + 1} of ${queue.length}`;
    label.textContent = `Your value for ${questionLabel(q)}`;
    host.dataset.question = questionLabel(q);
    input.value = '';
    renderScore();
  }

  function renderScore(): void {
    scoreText.textContent = `This step: ${step.correct} right first time of ${step.questions} done · ${step.hints} hints · ${step.revealed} revealed · ${step.skipped} skipped`;
    host.dataset.score = String(total.correct);
  }

  function check(): void {
    const q = current();
    if (!q) return;
    const answer = input.value;
    let r;
    try {
      r = session().check({ ...q, answer });
    } catch (e) {
      feedback.textContent = (e as Error).message;
      feedback.dataset.result = 'error';
      return;
    }
    const detail: AnswerDetail = { ...q, answer, correct: r.correct, diagnosis: r.diagnosis };
    for (const fn of listeners) fn(detail);
    if (r.correct) {
      feedback.textContent = `Right: ${r.hints[2]} (to the ${r.digits} digits you typed).`;
      feedback.dataset.result = 'correct';
      if (!triedWrong && hintLevel === 0) bump('correct');
      advance();
    } else {
      triedWrong = true;
      bump('wrong');
      feedback.textContent = r.diagnosis?.message ? `Not yet: ${r.diagnosis.message}` : 'Not yet.';
      feedback.dataset.result = 'wrong';
      feedback.dataset.diagnosis = r.diagnosis?.id ?? '';
      input.select();
    }
  }

  function hint(): void {
    const q = current();
    if (!q || hintLevel >= 3) return;
    const hints = session().practiceHints(q).hints;
    hintLevel += 1;
    bump('hints');
    hintText.textContent = `Hint ${hintLevel} of 3: ${hints[hintLevel - 1]}`;
    host.dataset.hintLevel = String(hintLevel);
  }

  function finish(how: 'revealed' | 'skipped'): void {
    const q = current();
    if (!q) return;
    bump(how);
    const hints = session().practiceHints(q).hints;
    feedback.textContent = how === 'revealed' ? `Revealed: ${hints[2]}` : `Skipped ${questionLabel(q)}.`;
    feedback.dataset.result = how;
    advance();
  }

  function bump(k: keyof PracticeScore): void {
    total[k] += 1;
    step[k] += 1;
  }

  function advance(): void {
    total.questions += 1;
    step.questions += 1;
    index += 1;
    if (index < queue.length) {
      showQuestion();
      return;
    }
    // Every entry of the phase is done: run it, so the diagram shows the engine's values.
    const summary = `Step done: ${step.correct} of ${step.questions} right first time.`;
    explorer.next(); // the explorer's change event brings the next phase's questions
    const cursor = explorer.session.state().cursor;
    if (cursor === 0) feedback.textContent += ` ${summary}`;
  }

  function setEnabled(on: boolean, focus = true): void {
    enabled = on;
    toggle.textContent = on ? 'Stop practice' : 'Start practice';
    toggle.setAttribute('aria-pressed', String(on));
    card.hidden = !on;
    host.dataset.practice = on ? 'on' : 'off';
    if (options.writeUrl !== false) {
      updateState((p) => (on ? p.set('practice', '1') : p.delete('practice')));
    }
    if (on) {
      feedback.textContent = '';
      rebuild();
      if (focus) input.focus();
    }
  }

  function loadExercise(seed: number): string | null {
    let spec;
    try {
      spec = (engine as unknown as PracticeEngine).exercise(seed).spec;
    } catch (e) {
      return (e as Error).message;
    }
    const problem = explorer.loadSpec(spec as never);
    if (problem) return problem;
    seedInput.value = String(seed);
    if (options.writeUrl !== false) {
      updateState((p) => p.set('exercise', String(seed)));
    }
    setEnabled(true);
    return null;
  }

  explorer.onChange(() => rebuild());

  const start = options.params.get('exercise');
  if (start !== null && /^\d+$/.test(start)) loadExercise(Number(start));
  else if (options.params.get('practice') === '1') setEnabled(true);

  return {
    setEnabled,
    get enabled() {
      return enabled;
    },
    get score() {
      return { ...total };
    },
    onAnswer: (fn) => listeners.push(fn),
    setAvailable(on: boolean) {
      host.hidden = !on;
      if (!on) setEnabled(false);
    },
    loadExercise,
  };
}
