// The step-through explorer: wires the engine session (Stepper) to the views — diagram and
// animation, controls, math panel, numbers, notes, editor, export, narration and shortcuts.
import type { Engine, Session, Spec } from '../engine';
import { getDigits, setDigits } from '../format';
import { timing } from '../theme';
import { Animator } from './animation';
import { Stepper, type ChangeEvent } from './controller';
import { createControls } from './controls';
import { renderDiagram, type DiagramRefs, type EditTarget } from './diagram';
import { applyEdit, currentValue, describeTarget, openValueEditor } from './editor';
import { createExportPanel } from './export';
import { installShortcuts } from './keyboard';
import { renderMath } from './mathpanel';
import { narrate } from './narration';
import { renderNotes } from './notes';
import { findPreset, PRESETS, type Preset } from './presets';
import { buildSkeleton, buildSpecEditor } from './skeleton';
import { createZoom } from './zoom';
import { diagramViewOf, renderExamplePicker } from './example-view';
import { markOverflow, watchOverflow } from './overflow';
import { stepLink } from './link';
import { renderNumbers, renderSummary } from './readouts';
import type { Snapshot } from './snapshot';
import { createStructureEditor, resizeSpec } from './structure';
import { phaseName, phaseTitle } from './phases';
import { inspectorPhaseOf } from './known';
import { openInspector } from '../inspector/index';
import { mountPractice, type PracticeHandle } from '../practice/index';
import { mountCodeTab } from '../code/index';

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
  /** Practice mode of this view (web/src/practice). */
  readonly practice: PracticeHandle;
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
  const ui = buildSkeleton(digits);
  const { presetSelect, digitsSelect, svg, summary, math, notes, numbers, numbersPanel, editError, examplePicker } = ui;
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
    jump: (k) => act(() => stepper.jumpToPhase(k)),
  }, 1);
  ui.top.append(ui.settings, controls.element);
  const zoom = createZoom(ui.viewport, svg);
  ui.figure.prepend(zoom.element);

  const structure = createStructureEditor(
    (kind, make) => {
      const out = make(structuredClone(stepper.spec));
      const next = kind === 'layers' ? resizeSpec(engine, stepper.session, out as number[]) : (out as Spec);
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
  const specEditor = buildSpecEditor((text) => {
    let parsed: Spec;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      editError.textContent = `The JSON does not parse: ${(e as Error).message}`;
      return;
    }
    applySpec(parsed, true);
  });
  const specText = specEditor.text;
  ui.editPanel.append(structure.element, specEditor.element, editError);
  ui.exportPanel.append(createExportPanel({
    walkthrough: (format) => stepper.session.walkthrough({ format, digits }),
    specJson: () => JSON.stringify(stepper.spec, null, 2),
    link: () => linkUrl(),
    svg: () => svg,
    baseName: () => (preset && !edited ? preset.id : 'network'),
    dialogHost,
  }));
  host.append(ui.top, ui.main, ui.lower);
  watchOverflow(math);
  const codeTab = mountCodeTab(ui.mathCol, { engine, session: () => stepper.session, digits: () => digits, baseName: () => (preset && !edited ? preset.id : 'network') });

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

  /** "Copy link": the step-through state only (the example or the edited spec). */
  function linkUrl(): string {
    return stepLink(options.linkBase ?? location.href, preset && !edited ? preset.id : null, stepper.spec, true);
  }

  /** The page's own URL keeps its other parameters (the training view's among them). */
  function updateUrl(): void {
    if (!visible || options.writeUrl === false) return;
    history.replaceState(null, '', stepLink(location.href, preset && !edited ? preset.id : null, stepper.spec, false));
  }

  function onEdit(t: EditTarget, anchor: Element): void {
    const snap = stepper.snapshot;
    openValueEditor(anchor, describeTarget(t), currentValue(t, stepper.spec, snap), (v) =>
      applySpec(applyEdit(stepper.session, t, v), true), dialogHost);
  }

  function onInspect(layer: number, unit: number): void {
    const snap = stepper.snapshot;
    const ex = snap.state.batch[column] ?? column;
    const p = preset && !edited ? preset : null;
    const root = p?.inspector && p.inspector.layer === layer && p.inspector.unit === unit ? p.inspector.root : 'loss';
    const note = p?.id === 'seed003' || p?.id === 'seed004' ? (p.notes ?? []).map((n) => `<p>${n}</p>`).join('') : undefined;
    stopPlay();
    setDigits(digits);
    openInspector(dialogHost, stepper.session, layer, unit, ex, { root, note, phase: inspectorPhase });
  }

  /** The inspector follows this view's phase while it is open. */
  const inspectorPhase = inspectorPhaseOf(stepper, act);

  function render(s: Snapshot, transition: ChangeEvent['transition']): void {
    setDigits(digits); // the shared formatter follows the view being drawn
    const d = digits;
    const view = diagramViewOf(s, stepper.data, column, digits);
    column = view.column;
    refs = renderDiagram(svg, s, view, { onEdit, onInspect });
    zoom.refresh();
    renderSummary(summary, s, column, d, view.y);
    renderMath(math, s, { digits: d, column, data: stepper.data });
    codeTab.update();
    markOverflow(math);
    renderNumbers(numbers, s, d);
    renderNotes(notes, preset, edited, (pass) => stepper.snapshotOfPass(pass), d);
    renderExamplePicker(examplePicker, s, column, (c) => {
      column = c;
      render(stepper.snapshot, 'jump');
    });
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
    animator.speed = controls.nudgeSpeed(animator.speed, dir);
    announce(`Animation speed ${animator.speed}×.`);
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

  const api: Omit<Explorer, 'practice'> = {
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
      return applySpec(spec, true);
    },
    onChange: (fn) => stepper.onChange(fn),
  };
  const practice = mountPractice(ui.practicePanel, api, engine, { params: options.params, writeUrl: options.writeUrl });
  return Object.assign(api, { practice });
}
