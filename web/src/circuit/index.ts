// The Circuit view: type any small program of scalar operations and step through its gate
// graph, values forward then gradients back. The engine parses, evaluates, differentiates
// and checks by finite differences; this view only shows what it returns.
//   mountCircuitView(container, engine, { params }): { show(); hide() }
import type { Circuit, CircuitCatalogue, CircuitOptions } from '../../../bindings/wasm/engine.js';
import { fmt } from '../format';
import { createEditor, type ProgramError } from './editor';
import { drawCircuit } from './graph-view';
import { narrate } from './narrate';
import { revealedAt, stepEvents } from './steps';
import { readCircuitState, writeCircuitState } from './url-state';
import { adopt, forShadow } from '../embed/styles';
import { registerKeys, type KeyBinding } from '../keys';
import circuitCss from './circuit.css?inline';

export interface CircuitEngine {
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
const SET_TEXT = {
  valueOf: (name: string) => `Value of ${name}`,
  resetValues: 'Program values',
  notANumber: (name: string) => `${name}: type a number`,
};

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

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', undefined, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

export function mountCircuitView(
  container: HTMLElement,
  engineIn: unknown,
  { params, writeUrl = true }: { params: URLSearchParams; writeUrl?: boolean },
): CircuitView {
  const engine = engineIn as CircuitEngine;
  const catalogue = engine.circuitCatalogue();
  const state = readCircuitState(params);
  const root = el('div', 'circuit-view');
  const top = el('div', 'circuit-top');
  const presetLabel = el('label', 'circuit-preset', 'Preset ');
  const presetSelect = el('select');
  presetSelect.append(new Option('(your own program)', ''));
  for (const p of catalogue.presets) presetSelect.append(new Option(p.title, p.id));
  presetLabel.append(presetSelect);
  const about = el('p', 'circuit-about');
  top.append(presetLabel, about);

  // Input values changed in the table (a teacher's "what if"): they override the program's.
  let set: Record<string, number> = { ...state.set };
  const programValues = button(SET_TEXT.resetValues, () => {
    set = {};
    rebuild(false);
  });
  const left = el('div', 'circuit-left');
  const editor = createEditor(() => rebuild(true));
  const inputsTable = el('table', 'circuit-inputs');
  inputsTable.createCaption().textContent = 'Inputs: gradient and finite-difference check';
  left.append(editor.element, inputsTable, programValues);

  const right = el('div', 'circuit-right');
  const controls = el('div', 'circuit-controls');
  controls.setAttribute('role', 'group');
  controls.setAttribute('aria-label', 'Circuit steps');
  const prev = button('Previous gate', () => go(step - 1));
  const next = button('Next gate', () => go(step + 1));
  const play = button('Play', () => togglePlay());
  const reset = button('Reset', () => go(0));
  const expand = button('Expand sigmoid and tanh', () => {
    expanded = !expanded;
    rebuild(false);
  });
  const indicator = el('span', 'circuit-indicator');
  indicator.setAttribute('aria-live', 'polite');
  controls.append(prev, next, play, reset, expand, indicator);
  const graphHost = el('div', 'circuit-graph');
  graphHost.tabIndex = 0;
  graphHost.setAttribute('aria-label', 'Circuit graph (scrolls)');
  const narration = el('div', 'circuit-narration');
  const legend = el('p', 'circuit-legend');
  legend.innerHTML =
    '<span class="circuit-value">value above each wire</span> · <span class="circuit-grad">gradient below</span>' +
    ' · keys: → next, ← previous, space play, r reset, e expand (? lists them)';
  const compareBox = el('section', 'circuit-compare');
  right.append(controls, legend, graphHost, narration, compareBox);
  const main = el('div', 'circuit-main');
  main.append(left, right);
  root.append(top, main);
  container.append(root);
  adoptStyles(container);

  let circuit: Circuit | null = null;
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

  function go(to: number): void {
    if (!circuit) return;
    step = Math.max(0, Math.min(events.length, to));
    if (step === events.length) stopPlay();
    render();
  }

  function stopPlay(): void {
    clearInterval(timer);
    timer = undefined;
    play.textContent = 'Play';
  }
  function togglePlay(): void {
    if (timer) return stopPlay();
    if (step >= events.length) step = 0;
    play.textContent = 'Pause';
    timer = setInterval(() => go(step + 1), PLAY_INTERVAL_MS);
    go(step + 1);
  }

  function renderInputs(c: Circuit, grads: Set<string>): void {
    inputsTable.querySelector('thead')?.remove();
    inputsTable.querySelector('tbody')?.remove();
    const head = inputsTable.createTHead().insertRow();
    for (const h of ['input', 'value', 'gradient', 'finite difference']) head.append(el('th', undefined, h));
    const body = inputsTable.createTBody();
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.input;
    for (const [name, input] of Object.entries(c.inputs)) {
      const row = body.insertRow();
      const shown = grads.has(c.nodes.find((n) => n.kind === 'input' && n.label === name)?.id ?? '');
      const cell = el('td', name in set ? 'circuit-set' : undefined);
      cell.append(valueField(name, input.value));
      row.append(el('th', undefined, name), cell);
      row.append(el('td', 'circuit-grad', shown ? fmt(input.grad) : '?'));
      row.append(el('td', undefined, shown ? (input.numeric === null ? 'undefined' : fmt(input.numeric)) : '?'));
      row.title = `exact: value ${input.value}, gradient ${input.grad}, (f(x+h) − f(x−h))/2h with h = ${input.step}: ${input.numeric}`;
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
    field.setAttribute('aria-label', SET_TEXT.valueOf(name));
    field.addEventListener('change', () => {
      const x = Number(field.value.trim().replace(/\u2212/g, '-'));
      if (field.value.trim() === '' || !Number.isFinite(x)) {
        field.setAttribute('aria-invalid', 'true');
        field.title = SET_TEXT.notANumber(name);
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
    compareBox.append(el('h3', undefined, `Beside it: ${other.title}`), el('pre', 'circuit-compare-program', other.program));
    const result = build(other.program);
    if (!('nodes' in result)) return;
    const all = revealedAt(result, stepEvents(result), Number.MAX_SAFE_INTEGER);
    const host = el('div', 'circuit-graph');
    drawCircuit(host, result, all, `Circuit of ${other.title}`);
    compareBox.append(host, el('p', undefined, `${result.output.name} = ${fmt(result.output.value)}`));
  }

  function render(): void {
    expand.setAttribute('aria-pressed', String(expanded));
    if (!circuit) return;
    const shown = revealedAt(circuit, events, step);
    drawCircuit(graphHost, circuit, shown, `Circuit graph of ${circuit.output.name}`);
    const forward = events.length / 2;
    indicator.textContent =
      step === 0 ? `Start (0 of ${events.length})` : step <= forward ? `Forward: step ${step} of ${events.length}` : `Backward: step ${step} of ${events.length}`;
    prev.disabled = step === 0;
    next.disabled = step >= events.length;
    const words = narrate(circuit, shown.current, shown, step, events.length);
    narration.replaceChildren(el('h3', undefined, words.title));
    if (root.classList.contains('stale'))
      narration.prepend(el('p', 'circuit-stale', 'The program has an error: this is the last program that ran.'));
    for (const line of words.lines) narration.append(el('p', 'circuit-line', line));
    if (words.note) narration.append(el('p', 'circuit-note', words.note));
    renderInputs(circuit, shown.grads);
    about.textContent = presetById(presetSelect.value)?.about ?? '';
    renderCompare();
    if (writeUrl && visible) writeCircuitState({ program: editor.value(), set, expanded, step, compare });
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
    { keys: ['ArrowRight', 'n', 'N'], label: 'N or →', description: 'Next gate', run: () => go(step + 1) },
    { keys: ['ArrowLeft', 'p', 'P'], label: 'P or ←', description: 'Previous gate', run: () => go(step - 1) },
    { keys: [' ', 'k', 'K'], label: 'Space or K', description: 'Play / Pause', run: () => togglePlay(), onButtons: false },
    { keys: ['r', 'R'], label: 'R', description: 'Back to the start', run: () => go(0) },
    { keys: ['e', 'E'], label: 'E', description: 'Expand or group sigmoid and tanh', run: () => expand.click() },
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
