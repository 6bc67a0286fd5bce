// Practice mode of the step-through view: before each phase runs, the learner types the
// value of each entry it will compute; the engine checks it to the digits typed and names
// the mistake it reproduces (session.check). Hints in three levels, skip and reveal, a
// running score. The phase runs (and the diagram shows its values) once its entries are done.
import type { Engine, Session } from '../engine';
import { el as h, textButton as button } from '../dom';
import { answerField } from './answer-field';
import type {
  AnswerDetail,
  PracticeEngine,
  PracticeQuestionRef,
  PracticeScore,
  PracticeSession,
} from './types';
import { entriesOf, questionId, questionLabel } from './questions';
import { ENGLISH, englishCatalogue, type Key, type Locale } from '../i18n/index';
import { engineText, showError } from '../i18n/errors';
import { phaseTitle } from '../explorer/phases';
import { parseInteger, toEngineArithmetic } from '../i18n/numbers';
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
  /** The view's language (default English). */
  locale?: Locale;
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
  const locale = options.locale ?? ENGLISH;
  const t = locale.t;
  const label_ = (q: PracticeQuestionRef | undefined) => questionLabel(q, t);
  /** An engine text (hints, diagnoses) in an element marked as English when the view is not. */
  const english = (el: HTMLElement, prefix: string, text: string) => {
    el.replaceChildren(prefix);
    if (!text) return;
    const span = h('span', '', text);
    if (locale.lang !== 'en') span.lang = 'en';
    el.append(span);
  };

  host.classList.add('practice');
  host.setAttribute('aria-labelledby', `${uid}-title`);
  const title = h('h2', '', t('practice.title'));
  title.id = `${uid}-title`;
  const intro = h('p', 'muted', t('practice.intro'));
  const toggle = button(t('practice.start'), () => setEnabled(!enabled));
  toggle.setAttribute('aria-pressed', 'false');
  const seedLabel = h('label', 'practice-seed', `${t('practice.seed')} `);
  const seedInput = h('input');
  seedInput.type = 'number';
  seedInput.min = '0';
  seedInput.step = '1';
  seedInput.inputMode = 'numeric';
  seedInput.value = options.params.get('exercise') ?? '1';
  seedLabel.append(seedInput);
  const seedButton = button(t('practice.new'), () => {
    const seed = parseInteger(seedInput.value);
    if (seed === null || seed < 0) {
      feedback.textContent = t('practice.seedInvalid');
      return;
    }
    const problem = loadExerciseOrError(seed);
    if (problem !== null) showError(feedback, problem, locale);
  });
  const bar = h('div', 'practice-bar');
  bar.append(toggle, seedLabel, seedButton);

  const card = h('div', 'practice-card');
  card.hidden = true;
  const where = h('p', 'practice-where');
  const { label, input } = answerField(`${uid}-answer`, 'practice');
  const checkButton = button(t('practice.check'), () => check());
  const hintButton = button(t('practice.hint'), () => hint());
  const revealButton = button(t('practice.reveal'), () => finish('revealed'));
  const skipButton = button(t('practice.skip'), () => finish('skipped'));
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
    where.textContent = t('practice.where', { phase: phaseTitle(phase, t), n: index + 1, total: queue.length });
    label.textContent = t('practice.yourValue', { q: label_(q) });
    host.dataset.question = questionId(q);
    input.value = '';
    renderScore();
  }

  function renderScore(): void {
    scoreText.textContent = t('practice.score', { correct: step.correct, questions: step.questions, hints: step.hints, revealed: step.revealed, skipped: step.skipped });
    host.dataset.score = String(total.correct);
  }

  function check(): void {
    const q = current();
    if (!q) return;
    const answer = input.value;
    let r;
    try {
      r = session().check({ ...q, answer: toEngineArithmetic(answer) });
    } catch (e) {
      showError(feedback, e, locale);
      feedback.dataset.result = 'error';
      return;
    }
    const detail: AnswerDetail = { ...q, answer, correct: r.correct, diagnosis: r.diagnosis };
    for (const fn of listeners) fn(detail);
    if (r.correct) {
      const [before, after] = t('practice.right', { value: '\u0000', digits: r.digits }).split('\u0000');
      english(feedback, before, r.hints[2]);
      feedback.append(after);
      feedback.dataset.result = 'correct';
      if (!triedWrong && hintLevel === 0) bump('correct');
      advance();
    } else {
      triedWrong = true;
      bump('wrong');
      showDiagnosis(r.diagnosis);
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
    english(hintText, t('practice.hintN', { n: hintLevel, text: '' }), hints[hintLevel - 1]);
    host.dataset.hintLevel = String(hintLevel);
  }

  function finish(how: 'revealed' | 'skipped'): void {
    const q = current();
    if (!q) return;
    bump(how);
    const hints = session().practiceHints(q).hints;
    if (how === 'revealed') english(feedback, t('practice.revealed', { value: '' }), hints[2]);
    else feedback.textContent = t('practice.skipped', { q: label_(q) });
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
    const summary = t('practice.stepDone', { correct: step.correct, questions: step.questions });
    explorer.next(); // the explorer's change event brings the next phase's questions
    const cursor = explorer.session.state().cursor;
    if (cursor === 0) feedback.append(` ${summary}`);
  }

  function setEnabled(on: boolean, focus = true): void {
    enabled = on;
    toggle.textContent = t(on ? 'practice.stop' : 'practice.start');
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

  /** Why a diagnosis is wrong: in the view's words by the mistake's id, then the engine's English. */
  function showDiagnosis(d: { id: string; message: string } | null | undefined): void {
    if (!d?.message) {
      feedback.textContent = t('practice.notYet');
      return;
    }
    const key = `mistake.${d.id}`;
    if (locale.lang === 'en' || !(key in englishCatalogue())) {
      english(feedback, t('practice.notYetWhy', { why: '' }), d.message);
      return;
    }
    english(feedback, `${t('practice.notYetWhy', { why: t(key as Key) })} `, d.message);
  }

  function loadExerciseOrError(seed: number): unknown {
    let spec;
    try {
      spec = (engine as unknown as PracticeEngine).exercise(seed).spec;
    } catch (e) {
      return e;
    }
    const problem = explorer.loadSpec(spec as never);
    if (problem) return new Error(problem);
    seedInput.value = String(seed);
    if (options.writeUrl !== false) {
      updateState((p) => p.set('exercise', String(seed)));
    }
    setEnabled(true);
    return null;
  }

  function loadExercise(seed: number): string | null {
    const e = loadExerciseOrError(seed);
    return e === null ? null : engineText(e);
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
