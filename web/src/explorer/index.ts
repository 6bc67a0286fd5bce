// The step-through explorer: wires the engine session (Stepper) to the views — diagram and
// animation, controls, math panel, numbers, notes, editor, export, narration and shortcuts.
import type { Engine, Session, Spec } from '../engine';
import { getDigits, setDigits } from '../format';
import { timing } from '../theme';
import { Animator } from './animation';
import { Stepper, type ChangeEvent } from './controller';
import { createControls } from './controls';
import { renderDiagram, type DiagramRefs, type DiagramView, type EditTarget } from './diagram';
import { applyEdit, currentValue, describeTarget, openValueEditor } from './editor';
import { createExportPanel } from './export';
import { installShortcuts } from './keyboard';
import { legendHtml } from './legend';
import { renderMath } from './mathpanel';
import { narrate } from './narration';
import { renderNotes } from './notes';
import { findPreset, PRESETS, type Preset } from './presets';
import { renderNumbers, renderSummary } from './readouts';
import type { Snapshot } from './snapshot';
import { createStructureEditor, resizeSpec } from './structure';
import { at } from '../engine';
import { phaseName, phaseTitle } from './phases';
import { openInspector } from '../inspector/index';

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
  /** Loads a preset by id; false when there is no such preset. */
  loadPreset(id: string): boolean;
  /** Loads a spec; returns the engine's message when it is invalid (nothing changes then). */
  loadSpec(spec: Spec): string | null;
  onChange(fn: (e: ChangeEvent) => void): void;
}

const SPEEDS = [0.25, 0.5, 1, 2, 4];

function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', html = ''): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (html) el.innerHTML = html;
  return el;
}

export function mountExplorer(host: HTMLElement, engine: Engine, options: ExplorerOptions): Explorer {
  const stepper = new Stepper(engine);
  const animator = new Animator();
  let visible = true;
  let preset: Preset | null = null;
  let edited = false;
  let column = 0;
  let playing = false;
  let playTimer = 0;
  let refs: DiagramRefs | null = null;
  /** Significant digits of this view (several views on one page keep their own). */
  let digits = getDigits();
  const dialogHost = options.dialogHost ?? document.body;
  /** Only the latest animation clears data-animating (tests and styles wait on it). */
  let animationToken = 0;

  // Layout.
  host.classList.add('explorer');
  const top = h('div', 'explorer-top');
  const presetLabel = h('label', 'preset-picker');
  presetLabel.append('Example ');
  const presetSelect = h('select');
  presetSelect.setAttribute('aria-label', 'Example network');
  presetSelect.dataset.testid = 'preset-select';
  for (const p of PRESETS) presetSelect.append(new Option(p.title, p.id));
  presetSelect.append(new Option('Custom (edited)', 'custom'));
  presetLabel.append(presetSelect);

  const digitsLabel = h('label', 'digits-picker');
  digitsLabel.append('Digits ');
  const digitsSelect = h('select');
  digitsSelect.setAttribute('aria-label', 'Significant digits');
  for (const d of [3, 4, 6, 8, 12, 17]) digitsSelect.append(new Option(String(d), String(d)));
  digitsSelect.value = String(digits);
  digitsLabel.append(digitsSelect);

  const controls = createControls({
    next: () => act(() => stepper.next()),
    previous: () => act(() => stepper.previous()),
    step: () => act(() => stepper.step()),
    play: () => startPlay(),
    pause: () => stopPlay(),
    reset: () => act(() => stepper.reset()),
    setSpeed: (s) => {
      animator.speed = s;
    },
  }, 1);
  const settings = h('div', 'settings');
  settings.append(presetLabel, digitsLabel);
  top.append(settings, controls.element);

  const main = h('div', 'explorer-main');
  const diagramCol = h('div', 'diagram-col');
  const figure = h('figure', 'diagram');
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', 'Network diagram');
  svg.dataset.testid = 'diagram';
  const caption = h('figcaption', '', legendHtml());
  figure.append(svg, caption);
  const examplePicker = h('div', 'example-picker');
  const summary = h('div', 'summary');
  summary.setAttribute('aria-label', 'Prediction and loss');
  diagramCol.append(summary, figure, examplePicker);
  const mathCol = h('section', 'math-col');
  mathCol.setAttribute('aria-labelledby', 'math-title');
  mathCol.innerHTML = '<h2 id="math-title">Equations</h2>';
  const math = h('div', 'math');
  math.dataset.testid = 'math';
  mathCol.append(math);

  const lower = h('div', 'explorer-lower');
  const notesPanel = h('section', 'panel notes-panel');
  notesPanel.setAttribute('aria-labelledby', 'notes-title');
  notesPanel.innerHTML = '<h2 id="notes-title">About this example</h2>';
  const notes = h('div', 'notes');
  notesPanel.append(notes);
  const numbersPanel = h('details', 'panel numbers-panel');
  numbersPanel.open = true;
  numbersPanel.innerHTML = '<summary><h2>All numbers</h2></summary>';
  const numbers = h('div', 'numbers');
  numbersPanel.append(numbers);
  const editPanel = h('section', 'panel edit-panel');
  editPanel.setAttribute('aria-labelledby', 'edit-title');
  editPanel.innerHTML = '<h2 id="edit-title">Edit the network</h2><p class="muted">Click (or focus and press Enter) any weight, bias, input or target in the diagram to change it. Edits restart the walkthrough from the values shown.</p>';
  const editError = h('p', 'edit-error');
  editError.setAttribute('role', 'alert');
  const structure = createStructureEditor(
    (kind, make) => {
      const snap = stepper.snapshot;
      const out = make(structuredClone(stepper.spec));
      const next = kind === 'layers' ? resizeSpec(engine, stepper.spec, snap, out as number[]) : (out as Spec);
      applySpec(next, true);
    },
    (lr) => {
      try {
        stepper.setLearningRate(lr);
        markEdited();
      } catch (e) {
        editError.textContent = message(e);
      }
    },
  );
  const specDetails = h('details', 'spec-editor');
  specDetails.innerHTML = '<summary>Spec (JSON)</summary>';
  const specText = h('textarea');
  specText.rows = 12;
  specText.spellcheck = false;
  specText.setAttribute('aria-label', 'Spec JSON');
  const specApply = h('button');
  specApply.type = 'button';
  specApply.textContent = 'Apply spec';
  specApply.addEventListener('click', () => {
    let parsed: Spec;
    try {
      parsed = JSON.parse(specText.value);
    } catch (e) {
      editError.textContent = `The JSON does not parse: ${(e as Error).message}`;
      return;
    }
    applySpec(parsed, true);
  });
  specDetails.append(specText, specApply);
  editPanel.append(structure.element, specDetails, editError);
  const exportPanel = h('section', 'panel export-panel');
  exportPanel.setAttribute('aria-labelledby', 'export-title');
  exportPanel.innerHTML = '<h2 id="export-title">Export</h2>';
  exportPanel.append(createExportPanel({
    walkthrough: () => stepper.session.walkthrough({ format: 'md', digits }),
    specJson: () => JSON.stringify(stepper.spec, null, 2),
    link: () => linkUrl(),
    svg: () => svg,
    baseName: () => (preset && !edited ? preset.id : 'network'),
    dialogHost,
  }));
  main.append(diagramCol, mathCol, notesPanel);
  lower.append(numbersPanel, editPanel, exportPanel);
  host.append(top, main, lower);

  // Behaviour.
  function message(e: unknown): string {
    const err = e as { message?: string; path?: string };
    return err.path && !String(err.message).startsWith(err.path) ? `${err.path}: ${err.message}` : String(err.message ?? e);
  }

  function act(fn: () => unknown): void {
    animator.cancel();
    try {
      fn();
    } catch (e) {
      stopPlay();
      announce(`Error: ${message(e)}`);
    }
  }

  function announce(text: string): void {
    options.live.textContent = text;
  }

  function markEdited(): void {
    edited = true;
    presetSelect.value = 'custom';
    updateUrl();
    render(stepper.snapshot, 'load');
  }

  function applySpec(spec: Spec, isEdit: boolean): string | null {
    try {
      stepper.load(spec);
    } catch (e) {
      const m = message(e);
      editError.textContent = m;
      return m;
    }
    editError.textContent = '';
    if (isEdit) {
      edited = true;
      presetSelect.value = 'custom';
      updateUrl();
      render(stepper.snapshot, 'load');
    }
    return null;
  }

  function loadPreset(p: Preset): void {
    preset = p;
    edited = false;
    column = 0;
    presetSelect.value = p.id;
    stopPlay();
    stepper.load(p.spec);
    updateUrl();
  }

  function linkUrl(): string {
    const url = new URL(options.linkBase ?? location.href);
    url.searchParams.delete('mode');
    if (preset && !edited) {
      url.searchParams.set('preset', preset.id);
      url.searchParams.delete('spec');
    } else {
      url.searchParams.delete('preset');
      url.searchParams.set('spec', JSON.stringify(stepper.spec));
    }
    return url.toString();
  }

  function updateUrl(): void {
    if (!visible || options.writeUrl === false) return;
    const url = new URL(linkUrl());
    const mode = new URLSearchParams(location.search).get('mode');
    if (mode) url.searchParams.set('mode', mode);
    history.replaceState(null, '', url);
  }

  function diagramView(s: Snapshot): DiagramView {
    const m = Math.max(s.A[0].cols, 1);
    column = Math.min(column, m - 1);
    if (s.A[0].cols > 0) {
      const x = Array.from({ length: s.layers[0] }, (_, i) => at(s.A[0], i, column));
      const y = Array.from({ length: s.layers[s.L] }, (_, k) => at(s.Y, k, column));
      return { column, example: s.state.batch[column] ?? column, x, y, digits: Math.min(digits, 4) };
    }
    const X = stepper.data.X;
    const Y = stepper.data.Y;
    // The data set is features × examples (examples are columns).
    const ex = Math.min(column, Math.max(0, X.cols - 1));
    const pick = (M: typeof X, n: number) => Array.from({ length: n }, (_, i) => at(M, i, ex));
    return { column, example: ex, x: X.data.length ? pick(X, s.layers[0]) : [], y: Y.data.length ? pick(Y, s.layers[s.L]) : [], digits: Math.min(digits, 4) };
  }

  function renderExamplePicker(s: Snapshot): void {
    const m = s.A[0].cols > 0 ? s.A[0].cols : Math.min(s.state.batchSize, s.state.trainExamples);
    if (m <= 1) {
      examplePicker.replaceChildren();
      return;
    }
    const label = h('label');
    label.append(`Example shown at the nodes (of ${m} in the batch) `);
    const sel = h('select');
    sel.setAttribute('aria-label', 'Example shown at the nodes');
    for (let k = 0; k < m; k++) sel.append(new Option(String(k + 1), String(k)));
    sel.value = String(column);
    sel.addEventListener('change', () => {
      column = Number(sel.value);
      render(stepper.snapshot, 'jump');
    });
    label.append(sel);
    examplePicker.replaceChildren(label);
  }

  function onEdit(t: EditTarget, anchor: Element): void {
    const snap = stepper.snapshot;
    openValueEditor(anchor, describeTarget(t), currentValue(t, stepper.spec, snap), (v) =>
      applySpec(applyEdit(stepper.spec, snap, t, v), true), dialogHost);
  }

  function onInspect(layer: number, unit: number): void {
    const snap = stepper.snapshot;
    const ex = snap.state.batch[column] ?? column;
    const p = preset && !edited ? preset : null;
    const root = p?.inspector && p.inspector.layer === layer && p.inspector.unit === unit ? p.inspector.root : 'loss';
    const note = p?.id === 'seed003' || p?.id === 'seed004' ? (p.notes ?? []).map((n) => `<p>${n}</p>`).join('') : undefined;
    stopPlay();
    setDigits(digits);
    openInspector(dialogHost, stepper.session, layer, unit, ex, { root, note });
  }

  function render(s: Snapshot, transition: ChangeEvent['transition']): void {
    setDigits(digits); // the shared formatter follows the view being drawn
    const d = digits;
    const view = diagramView(s);
    refs = renderDiagram(svg, s, view, { onEdit, onInspect });
    renderSummary(summary, s, column, d, view.y);
    renderMath(math, s, { digits: d, column, data: stepper.data });
    renderNumbers(numbers, s, d);
    renderNotes(notes, preset, edited, s, d);
    renderExamplePicker(s);
    controls.update(s, { playing, canGoBack: stepper.canGoBack() });
    if (transition === 'load' || (specText.getRootNode() as Document | ShadowRoot).activeElement !== specText) {
      specText.value = JSON.stringify(stepper.spec, null, 2);
    }
    if (transition === 'load') {
      structure.update(stepper.spec);
      numbersPanel.open = Math.max(...s.layers) <= 6;
    }
    host.dataset.phase = phaseName(s.phase);
    host.dataset.step = String(s.state.step);
    host.dataset.cursor = String(s.state.cursor);
  }

  stepper.onChange(({ snapshot, transition }) => {
    render(snapshot, transition);
    announce(transition === 'load'
      ? `Loaded ${preset && !edited ? preset.title : 'the edited network'}. ${narrate(snapshot)}`
      : transition === 'reset' ? `Reset to the initial parameters. ${narrate(snapshot)}` : narrate(snapshot));
    const token = ++animationToken;
    if (transition === 'next' && refs) {
      host.dataset.animating = 'true';
      void animator.play(refs, snapshot.phase).then(() => {
        if (token === animationToken) delete host.dataset.animating;
      });
    } else {
      delete host.dataset.animating;
    }
  });

  function startPlay(): void {
    if (playing) return;
    playing = true;
    controls.update(stepper.snapshot, { playing, canGoBack: stepper.canGoBack() });
    announce('Playing.');
    const tick = () => {
      if (!playing) return;
      try {
        stepper.next();
      } catch (e) {
        stopPlay();
        announce(`Stopped: ${message(e)}`);
        return;
      }
      if (stepper.snapshot.state.divergence) {
        stopPlay();
        return;
      }
      const wait = animator.reduced ? 700 : timing.playInterval / (animator.speed || 1);
      playTimer = window.setTimeout(tick, wait);
    };
    tick();
  }

  function stopPlay(): void {
    if (!playing) return;
    playing = false;
    clearTimeout(playTimer);
    if (stepper.snapshot) controls.update(stepper.snapshot, { playing, canGoBack: stepper.canGoBack() });
    announce(`Paused at ${phaseTitle(stepper.snapshot.phase)}.`);
  }

  presetSelect.addEventListener('change', () => {
    const p = findPreset(presetSelect.value);
    if (p) loadPreset(p);
    else presetSelect.value = preset && !edited ? preset.id : 'custom';
  });
  digitsSelect.addEventListener('change', () => {
    setDigits(Number(digitsSelect.value));
    digits = getDigits();
    render(stepper.snapshot, 'jump');
  });

  const removeShortcuts = installShortcuts(
    { root: options.keyRoot ?? host, active: () => visible, ownsPage: () => visible && !options.keyRoot, announce },
    {
    next: () => act(() => stepper.next()),
    previous: () => act(() => stepper.previous()),
    step: () => act(() => stepper.step()),
    togglePlay: () => (playing ? stopPlay() : startPlay()),
    reset: () => act(() => stepper.reset()),
    faster: () => setSpeedStep(1),
    slower: () => setSpeedStep(-1),
    inspect: () => onInspect(stepper.snapshot.L, 0),
    },
  );

  function setSpeedStep(dir: number): void {
    const i = SPEEDS.indexOf(animator.speed);
    const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (i < 0 ? 2 : i) + dir))];
    animator.speed = next;
    const sel = controls.element.querySelector<HTMLSelectElement>('select');
    if (sel) sel.value = String(next);
    announce(`Animation speed ${next}×.`);
  }

  // Initial network: ?spec=JSON, else ?preset=id, else seed 002.
  const specParam = options.params.get('spec');
  let loaded = false;
  if (specParam) {
    try {
      const spec = JSON.parse(specParam) as Spec;
      stepper.load(spec);
      preset = null;
      edited = true;
      presetSelect.value = 'custom';
      loaded = true;
    } catch (e) {
      editError.textContent = `The spec in the link could not be used: ${message(e)}`;
    }
  }
  if (!loaded) loadPreset(findPreset(options.params.get('preset')) ?? PRESETS[0]);
  else render(stepper.snapshot, 'load');

  return {
    show() {
      visible = true;
      host.hidden = false;
      updateUrl();
    },
    hide() {
      stopPlay();
      animator.cancel();
      visible = false;
    },
    dispose() {
      stopPlay();
      animator.cancel();
      visible = false;
      removeShortcuts();
      stepper.dispose();
      host.replaceChildren();
    },
    get session() {
      return stepper.session;
    },
    next: () => act(() => stepper.next()),
    previous: () => {
      animator.cancel();
      return stepper.previous();
    },
    step: () => act(() => stepper.step()),
    reset: () => act(() => stepper.reset()),
    loadPreset(id: string) {
      const p = findPreset(id);
      if (p) loadPreset(p);
      return !!p;
    },
    loadSpec(spec: Spec) {
      stopPlay();
      column = 0;
      const problem = applySpec(spec, true);
      return problem;
    },
    onChange: (fn) => stepper.onChange(fn),
  };
}
