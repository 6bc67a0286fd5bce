// The Circuit view: type any small program of scalar operations and step through its gate
// graph, values forward then gradients back. The engine parses, evaluates, differentiates
// and checks by finite differences; this view only shows what it returns.
//   mountCircuitView(container, engine, { params }): { show(); hide() }
import { ENGLISH, type Locale } from '../i18n/index';
import { engineWord } from '../i18n/engine-words';
import { parseNumber } from '../i18n/numbers';
import type { Circuit, CircuitCatalogue, CircuitOptions } from '../../../bindings/wasm/engine.js';
import { fmt } from '../format';
import { createEditor, type ProgramError } from './editor';
import { drawCircuit } from './graph-view';
import { narrate } from './narrate';
import { revealedAt, stepEvents } from './steps';
import { readCircuitState, writeCircuitState } from './url-state';
import { createCircuitPractice } from './practice';
import type { CircuitPracticeEngine } from '../../../bindings/wasm/circuit-practice';
import { adopt, forShadow } from '../embed/styles';
import { registerKeys, type KeyBinding } from '../keys';
import circuitCss from './circuit.css?inline';
import { el, textButton as button } from '../dom';

export interface CircuitEngine extends CircuitPracticeEngine {
  circuit(program: string, options?: CircuitOptions): Circuit;
  circuitCatalogue(): CircuitCatalogue;
}

export interface CircuitView {
  show(): void;
  hide(): void;
  /** For embeds: load a program (and redraw). */
  setProgram(program: string): void;
  /** Stops playing, removes the view's keys and its DOM. */
  dispose(): void;
}

const PLAY_INTERVAL_MS = 900;

// The strings this file adds for setting input values (one place, for translation).
// The view's styles as a constructable sheet on its document or shadow root (no <style>
// element: works under a strict style-src and from file://), as the other views' styles.
const sheets = new Map<boolean, CSSStyleSheet>();
function adoptStyles(container: HTMLElement): void {
  const root = container.getRootNode();
  const inShadow = root instanceof ShadowRoot;
  let sheet = sheets.get(inShadow);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(inShadow ? forShadow(circuitCss) : circuitCss);
    sheets.set(inShadow, sheet);
  }
  adopt(inShadow ? (root as ShadowRoot) : document, [sheet]);
}

export function mountCircuitView(
  container: HTMLElement,
  engineIn: unknown,
  { params, writeUrl = true, locale = ENGLISH }: { params: URLSearchParams; writeUrl?: boolean; locale?: Locale },
): CircuitView {
  const t = locale.t;
  const word = (id: string, english: string) => engineWord(locale.lang, id, english).text;
  const titleOf = (p: { id: string; title: string }) => word(`circuit.${p.id}.title`, p.title);
  const engine = engineIn as CircuitEngine;
  const catalogue = engine.circuitCatalogue();
  const state = readCircuitState(params);
  const root = el('div', 'circuit-view');
  const top = el('div', 'circuit-top');
  const presetLabel = el('label', 'circuit-preset', `${t('circuit.preset')} `);
  const presetSelect = el('select');
  presetSelect.append(new Option(t('circuit.own'), ''));
  for (const p of catalogue.presets) presetSelect.append(new Option(titleOf(p), p.id));
  presetLabel.append(presetSelect);
  const about = el('p', 'circuit-about');
  top.append(presetLabel, about);

  // Input values changed in the table (a teacher's "what if"): they override the program's.
  let set: Record<string, number> = { ...state.set };
  const programValues = button(t('circuit.programValues'), () => {
    set = {};
    rebuild(false);
  });
  const left = el('div', 'circuit-left');
  const editor = createEditor(() => rebuild(true), locale);
  const inputsTable = el('table', 'circuit-inputs');
  inputsTable.createCaption().textContent = t('circuit.inputsCaption');
  left.append(editor.element, inputsTable, programValues);

  const right = el('div', 'circuit-right');
  const controls = el('div', 'circuit-controls');
  controls.setAttribute('role', 'group');
  controls.setAttribute('aria-label', t('circuit.steps'));
  const prev = button(t('circuit.previous'), () => go(step - 1));
  const next = button(t('circuit.next'), () => go(step + 1));
  // Practice: each step waits for the learner's answers (Next and Play wait too).
  const practice = createCircuitPractice(
    {
      circuit: () => circuit,
      source: () => builtFrom,
      events: () => events,
      step: () => step,
      advance: () => go(step + 1, true),
      changed: () => {
        stopPlay();
        render();
      },
    },
    engine,
    locale,
  );
  const play = button(t('circuit.play'), () => togglePlay());
  const reset = button(t('circuit.reset'), () => go(0));
  const expand = button(t('circuit.expand'), () => {
    expanded = !expanded;
    rebuild(false);
  });
  const indicator = el('span', 'circuit-indicator');
  indicator.setAttribute('aria-live', 'polite');
  controls.append(prev, next, play, reset, expand, practice.toggle, indicator);
  const graphHost = el('div', 'circuit-graph');
  graphHost.tabIndex = 0;
  graphHost.setAttribute('aria-label', t('circuit.graphRegion'));
  const narration = el('div', 'circuit-narration');
  const legend = el('p', 'circuit-legend');
  legend.innerHTML =
    `<span class="circuit-value">${t('circuit.legendValue')}</span> · <span class="circuit-grad">${t('circuit.legendGrad')}</span>` +
    ` · ${t('circuit.legendKeys')}`;
  const compareBox = el('section', 'circuit-compare');
  right.append(controls, practice.card, legend, graphHost, narration, compareBox);
  const main = el('div', 'circuit-main');
  main.append(left, right);
  root.append(top, main);
  container.append(root);
  adoptStyles(container);

  let circuit: Circuit | null = null;
  let builtFrom: { program: string; options: CircuitOptions } = { program: '', options: {} };
  let events = stepEvents({ forward: [] } as unknown as Circuit);
  let step = state.step;
  let expanded = state.expanded;
  let compare = state.compare;
  let timer: ReturnType<typeof setInterval> | undefined;
  let visible = false;

  function presetById(id: string) {
    return catalogue.presets.find((p) => p.id === id);
  }

  function build(program: string, values: Record<string, number> = {}): Circuit | ProgramError {
    try {
      return engine.circuit(program, { expanded, set: values });
    } catch (e) {
      const err = e as ProgramError & Error & { code?: string };
      // A value for a name that is no longer an input (the program changed): drop it.
      if (err.code === 'INVALID_ARGUMENT' && Object.keys(values).length) {
        const plain = build(program);
        if (!('nodes' in plain)) return plain;
        const kept = Object.fromEntries(Object.entries(values).filter(([name]) => name in plain.inputs));
        if (Object.keys(kept).length === Object.keys(values).length) return { message: err.message };
        if (values === set) set = kept;
        return build(program, kept);
      }
      return { message: err.message, line: err.line, column: err.column };
    }
  }

  function rebuild(fromTyping: boolean): void {
    const result = build(editor.value(), set);
    if ('nodes' in result) {
      editor.showError(null);
      circuit = result;
      builtFrom = { program: editor.value(), options: { expanded, set: { ...set } } };
      events = stepEvents(result);
    } else {
      editor.showError(result);
    }
    if (fromTyping) {
      presetSelect.value = catalogue.presets.find((p) => p.program === editor.value())?.id ?? '';
      compare = presetById(presetSelect.value)?.compare ?? '';
    }
    step = Math.min(step, events.length);
    root.classList.toggle('stale', !('nodes' in result));
    render();
  }

  function go(to: number, answered = false): void {
    if (!circuit || (practice.enabled && to > step && !answered)) return;
    step = Math.max(0, Math.min(events.length, to));
    if (step === events.length) stopPlay();
    render();
  }

  function stopPlay(): void {
    clearInterval(timer);
    timer = undefined;
    play.textContent = t('circuit.play');
  }
  function togglePlay(): void {
    if (timer) return stopPlay();
    if (practice.enabled) return;
    if (step >= events.length) step = 0;
    play.textContent = t('circuit.pause');
    timer = setInterval(() => go(step + 1), PLAY_INTERVAL_MS);
    go(step + 1);
  }

  function renderInputs(c: Circuit, grads: Set<string>): void {
    inputsTable.querySelector('thead')?.remove();
    inputsTable.querySelector('tbody')?.remove();
    const head = inputsTable.createTHead().insertRow();
    for (const h of [t('circuit.colInput'), t('circuit.colValue'), t('circuit.colGradient'), t('circuit.colFinite')]) head.append(el('th', undefined, h));
    const body = inputsTable.createTBody();
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.input;
    for (const [name, input] of Object.entries(c.inputs)) {
      const row = body.insertRow();
      const shown = grads.has(c.nodes.find((n) => n.kind === 'input' && n.label === name)?.id ?? '');
      const cell = el('td', name in set ? 'circuit-set' : undefined);
      cell.append(valueField(name, input.value));
      row.append(el('th', undefined, name), cell);
      row.append(el('td', 'circuit-grad', shown ? fmt(input.grad) : '?'));
      row.append(el('td', undefined, shown ? (input.numeric === null ? t('circuit.undefined') : fmt(input.numeric)) : '?'));
      row.title = t('circuit.rowTitle', { value: input.value, grad: input.grad, h: input.step, numeric: String(input.numeric) });
    }
    if (focused) body.querySelector<HTMLInputElement>(`input[data-input="${CSS.escape(focused)}"]`)?.focus();
    programValues.hidden = Object.keys(set).length === 0;
  }

  // An input's value, editable: a new value overrides the program's (and goes into the URL).
  function valueField(name: string, value: number): HTMLInputElement {
    const field = el('input');
    field.type = 'text';
    field.inputMode = 'decimal';
    field.size = 8;
    field.value = fmt(value);
    field.dataset.input = name;
    field.setAttribute('aria-label', t('circuit.valueOf', { name }));
    field.addEventListener('change', () => {
      const x = parseNumber(field.value);
      if (x === null) {
        field.setAttribute('aria-invalid', 'true');
        field.title = t('circuit.notANumber', { name });
        return;
      }
      set = { ...set, [name]: x };
      rebuild(false);
    });
    return field;
  }

  function renderCompare(): void {
    compareBox.replaceChildren();
    const other = presetById(compare);
    if (!other) return;
    compareBox.append(el('h3', undefined, t('circuit.beside', { title: titleOf(other) })), el('pre', 'circuit-compare-program', other.program));
    const result = build(other.program);
    if (!('nodes' in result)) return;
    const all = revealedAt(result, stepEvents(result), Number.MAX_SAFE_INTEGER);
    const host = el('div', 'circuit-graph');
    drawCircuit(host, result, all, t('circuit.of', { title: titleOf(other) }), t);
    compareBox.append(host, el('p', undefined, `${result.output.name} = ${fmt(result.output.value)}`));
  }

  function render(): void {
    expand.setAttribute('aria-pressed', String(expanded));
    if (!circuit) return;
    const shown = revealedAt(circuit, events, step);
    drawCircuit(graphHost, circuit, shown, t('circuit.graphOf', { name: circuit.output.name }), t);
    const forward = events.length / 2;
    indicator.textContent =
      step === 0 ? t('circuit.atStart', { n: events.length }) : t(step <= forward ? 'circuit.atForward' : 'circuit.atBackward', { step, n: events.length });
    prev.disabled = step === 0;
    next.disabled = step >= events.length || practice.enabled;
    play.disabled = practice.enabled;
    const words = narrate(circuit, shown.current, shown, step, events.length, locale);
    narration.replaceChildren(el('h3', undefined, words.title));
    if (root.classList.contains('stale'))
      narration.prepend(el('p', 'circuit-stale', t('circuit.stale')));
    for (const line of words.lines) narration.append(el('p', 'circuit-line', line));
    if (words.note) {
      const note = el('p', 'circuit-note', words.note);
      if (words.noteEnglish) note.lang = 'en';
      narration.append(note);
    }
    renderInputs(circuit, shown.grads);
    const shownPreset = presetById(presetSelect.value);
    about.textContent = shownPreset ? word(`circuit.${shownPreset.id}.about`, shownPreset.about) : '';
    renderCompare();
    if (writeUrl && visible) writeCircuitState({ program: editor.value(), set, expanded, step, compare });
    practice.refresh();
  }

  presetSelect.addEventListener('change', () => {
    const p = presetById(presetSelect.value);
    if (!p) return;
    stopPlay();
    editor.setValue(p.program);
    expanded = p.expanded;
    compare = p.compare;
    set = {};
    step = 0;
    rebuild(false);
  });

  // The view's keys, through the page's one keyboard registry (web/src/keys.ts). The page's
  // own view (writeUrl) also takes keys typed on the page's body; an embed only its own.
  const bindings: KeyBinding[] = [
    { keys: ['ArrowRight', 'n', 'N'], label: t('keys.or', { a: 'N', b: '→' }), description: t('circuit.keyNext'), run: () => go(step + 1) },
    { keys: ['ArrowLeft', 'p', 'P'], label: t('keys.or', { a: 'P', b: '←' }), description: t('circuit.keyPrevious'), run: () => go(step - 1) },
    { keys: [' ', 'k', 'K'], label: t('circuit.keySpace'), description: t('circuit.keyPlay'), run: () => togglePlay(), onButtons: false },
    { keys: ['r', 'R'], label: 'R', description: t('circuit.keyReset'), run: () => go(0) },
    { keys: ['e', 'E'], label: 'E', description: t('circuit.keyExpand'), run: () => expand.click() },
  ];
  const removeKeys = registerKeys({
    root,
    active: () => visible,
    ownsPage: () => visible && writeUrl,
    bindings: () => bindings,
  });

  const initial = state.program ?? catalogue.presets[0].program;
  editor.setValue(initial);
  const initialPreset = catalogue.presets.find((p) => p.program === initial);
  presetSelect.value = initialPreset?.id ?? '';
  if (state.program === null && initialPreset) expanded = initialPreset.expanded;
  rebuild(false);

  return {
    show() {
      visible = true;
      root.hidden = false;
      render();
    },
    hide() {
      visible = false;
      stopPlay();
      root.hidden = true;
    },
    setProgram(program: string) {
      editor.setValue(program);
      step = 0;
      rebuild(true);
    },
    dispose() {
      visible = false;
      stopPlay();
      removeKeys();
      root.remove();
    },
  };
}
