// Practice on circuits: before a gate fires, the learner types its value; going back, the
// gradient it passes to each input (and, where a fork's wires are all in, the fork's sum).
// The engine checks each answer to the digits typed and names the mistake it reproduces
// (engine.circuitCheck, core/circuit_practice.cpp); the step is revealed once its questions
// are done. The card follows the network practice's (web/src/practice/index.ts): Check,
// Reveal, a summary of the mistake in the view's words and the engine's diagnosis in English.
import type { Circuit, CircuitNode, CircuitOptions } from '../../../bindings/wasm/engine.js';
import { el as h, textButton as button } from '../dom';
import { answerField } from '../practice/answer-field';
import type { CircuitPracticeEngine, CircuitQuestion } from '../../../bindings/wasm/circuit-practice';
import { englishCatalogue, type Key, type Locale } from '../i18n/index';
import { showError } from '../i18n/errors';
import { toEngineArithmetic } from '../i18n/numbers';
import { fmt } from '../format';
import { revealedAt, type StepEvent } from './steps';

export interface CircuitPracticeHost {
  /** The circuit shown (null while the program has never run). */
  circuit(): Circuit | null;
  /** The program and options the circuit was built from: the check rebuilds the same one. */
  source(): { program: string; options: CircuitOptions };
  events(): StepEvent[];
  step(): number;
  /** Reveals the next step (the questions of the current one are done). */
  advance(): void;
  /** Practice was turned on or off: the view renders again (Next and Play wait for answers). */
  changed(): void;
}

export interface CircuitPractice {
  readonly enabled: boolean;
  /** The card and the toggle (the toggle goes into the step controls). */
  readonly card: HTMLElement;
  readonly toggle: HTMLButtonElement;
  setEnabled(on: boolean, focus?: boolean): void;
  /** After every render of the view: asks the questions of the step after the one shown. */
  refresh(): void;
}

type Asked = Required<Omit<CircuitQuestion, 'answer'>>;


/** The questions of step event `e`: its value going forward; going back, each wire into a
 *  non-constant input, then the sum of each fork whose last wire this step brings in. */
export function questionsAt(c: Circuit, events: StepEvent[], step: number): Asked[] {
  const e = events[step];
  if (!e) return [];
  if (e.kind === 'forward') return [{ node: e.node, asked: 'value', slot: 0 }];
  const byId = new Map(c.nodes.map((n) => [n.id, n] as const));
  const gate = byId.get(e.node) as CircuitNode;
  const out: Asked[] = [];
  gate.inputs.forEach((id, slot) => {
    if (byId.get(id)?.kind !== 'constant') out.push({ node: e.node, asked: 'wire', slot });
  });
  const before = revealedAt(c, events, step).grads;
  const after = revealedAt(c, events, step + 1).grads;
  for (const id of new Set(gate.inputs)) {
    const n = byId.get(id) as CircuitNode;
    if (n.kind !== 'constant' && n.paths.length > 1 && after.has(id) && !before.has(id)) out.push({ node: id, asked: 'grad', slot: 0 });
  }
  return out;
}

let ids = 0;

export function createCircuitPractice(view: CircuitPracticeHost, engine: CircuitPracticeEngine, locale: Locale): CircuitPractice {
  const t = locale.t;
  const uid = `circuit-practice-${++ids}`;
  let enabled = false;
  let queue: Asked[] = [];
  let index = 0;
  let triedWrong = false;
  let askedFor: { circuit: Circuit | null; step: number } = { circuit: null, step: -1 };
  const score = { correct: 0, questions: 0 };

  const toggle = button(t('circuit.practice'), () => setEnabled(!enabled));
  toggle.setAttribute('aria-pressed', 'false');
  const card = h('section', 'circuit-practice');
  card.hidden = true;
  card.setAttribute('aria-label', t('circuit.practice'));
  const intro = h('p', 'circuit-practice-intro', t('circuit.practiceIntro'));
  const where = h('p', 'circuit-practice-where');
  const { label, input } = answerField(`${uid}-answer`, 'circuit-practice');
  const checkButton = button(t('practice.check'), () => check());
  const revealButton = button(t('practice.reveal'), () => reveal());
  const actions = h('div', 'circuit-practice-actions');
  actions.append(checkButton, revealButton);
  const feedback = h('p', 'circuit-practice-feedback');
  feedback.setAttribute('role', 'status');
  feedback.id = `${uid}-feedback`;
  input.setAttribute('aria-describedby', feedback.id);
  const scoreText = h('p', 'circuit-practice-score');
  card.append(intro, where, label, input, actions, feedback, scoreText);

  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      check();
    }
  });

  /** An engine text (a rule, a diagnosis) marked as English when the view is not. */
  function english(prefix: string, text: string, suffix = ''): void {
    feedback.replaceChildren(prefix);
    const span = h('span', '', text);
    if (locale.lang !== 'en') span.lang = 'en';
    feedback.append(span, suffix);
  }

  const node = (c: Circuit, id: string) => c.nodes.find((n) => n.id === id) as CircuitNode;

  function questionText(c: Circuit, q: Asked): string {
    const n = node(c, q.node);
    const out = c.output.name;
    if (q.asked === 'value') return t('circuit.askValue', { label: n.label, formula: n.formula });
    if (q.asked === 'grad') return t('circuit.askGrad', { input: n.label, out });
    return t('circuit.askWire', { label: n.label, input: node(c, n.inputs[q.slot]).label, out });
  }

  /** The engine's own number for a question (as the graph shows it once revealed). */
  function expected(c: Circuit, q: Asked): number {
    const n = node(c, q.node);
    if (q.asked === 'value') return n.value;
    if (q.asked === 'grad') return n.grad;
    const from = node(c, n.inputs[q.slot]);
    return from.paths.find((p) => p.to === n.id && p.slot === q.slot)?.grad ?? NaN;
  }

  function showQuestion(): void {
    const c = view.circuit();
    const q = queue[index];
    triedWrong = false;
    const done = !c || !q;
    label.hidden = input.hidden = actions.hidden = done;
    if (done) {
      where.textContent = view.step() >= view.events().length ? t('circuit.practiceDone', score) : '';
      delete card.dataset.question;
    } else {
      where.textContent = t('circuit.practiceWhere', { n: index + 1, total: queue.length });
      label.textContent = questionText(c, q);
      card.dataset.question = `${q.node}:${q.asked}:${q.slot}`;
      input.value = '';
      input.removeAttribute('aria-invalid');
    }
    scoreText.textContent = t('circuit.practiceScore', score);
  }

  function check(): void {
    const c = view.circuit();
    const q = queue[index];
    if (!c || !q) return;
    const { program, options } = view.source();
    let r;
    try {
      r = engine.circuitCheck(program, options, { ...q, answer: toEngineArithmetic(input.value) });
    } catch (e) {
      showError(feedback, e, locale);
      feedback.dataset.result = 'error';
      return;
    }
    if (r.correct) {
      const [before, after] = t('practice.right', { value: '\u0000', digits: r.digits }).split('\u0000');
      english(before, r.rule, after);
      feedback.dataset.result = 'correct';
      delete feedback.dataset.diagnosis;
      if (!triedWrong) score.correct += 1;
      next();
      return;
    }
    triedWrong = true;
    feedback.dataset.result = 'wrong';
    feedback.dataset.diagnosis = r.diagnosis?.id ?? '';
    input.setAttribute('aria-invalid', 'true');
    const key = `circuitMistake.${r.diagnosis?.id}`;
    const summary = key in englishCatalogue() ? t(key as Key) : '';
    if (!r.diagnosis?.message) feedback.textContent = t('practice.notYet');
    else english(`${t('practice.notYetWhy', { why: summary })} `, r.diagnosis.message);
    input.select();
  }

  function reveal(): void {
    const c = view.circuit();
    const q = queue[index];
    if (!c || !q) return;
    feedback.textContent = t('practice.revealed', { value: fmt(expected(c, q)) });
    feedback.dataset.result = 'revealed';
    next();
  }

  function next(): void {
    score.questions += 1;
    index += 1;
    if (index < queue.length) return showQuestion();
    view.advance(); // renders the view, whose refresh() brings the next step's questions
  }

  function refresh(): void {
    if (!enabled) return;
    const c = view.circuit();
    const step = view.step();
    if (askedFor.circuit === c && askedFor.step === step) return;
    askedFor = { circuit: c, step };
    queue = c ? questionsAt(c, view.events(), step) : [];
    index = 0;
    // A step with nothing to ask (a gate of constants only) is revealed at once.
    if (c && queue.length === 0 && step < view.events().length) return view.advance();
    showQuestion();
  }

  function setEnabled(on: boolean, focus = true): void {
    enabled = on;
    toggle.setAttribute('aria-pressed', String(on));
    card.hidden = !on;
    askedFor = { circuit: null, step: -1 };
    feedback.textContent = '';
    if (on) score.correct = score.questions = 0;
    view.changed(); // renders, and so refresh() asks the first question
    if (on && focus && !input.hidden) input.focus();
  }

  return {
    get enabled() {
      return enabled;
    },
    card,
    toggle,
    setEnabled,
    refresh,
  };
}
