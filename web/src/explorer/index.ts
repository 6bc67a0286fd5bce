// The step-through explorer: wires the engine session (Stepper) to the views — diagram and
// animation, controls, math panel, numbers, notes, editor, export, narration and shortcuts.
import type { Engine, Spec } from '../engine';
import { fmt, getDigits, setDecimalComma, setDigits } from '../format';
import { Animator } from './animation';
import { createPlayback } from './playback';
import { Stepper, type ChangeEvent } from './controller';
import { createControls } from './controls';
import { renderDiagram, type DiagramRefs, type EditTarget } from './diagram';
import { applyEdit, currentValue, describeTarget, openValueEditor } from './editor';
import { createExportPanel } from './export';
import { installShortcuts } from './keyboard';
import { renderMath } from './mathpanel';
import { narrate } from './narration';
import { renderNotes } from './notes';
import { findPreset, presetNotes, presetTitle, PRESETS, type Preset } from './presets';
import { buildSkeleton, buildSpecEditor } from './skeleton';
import { createPanelTabs } from './panel-tabs';
import { createZoom } from './zoom';
import { diagramViewOf, renderExamplePicker } from './example-view';
import { markOverflow, watchOverflow } from './overflow';
import { setStepState, stepLink } from './link';
import { updateState } from '../url-state';
import { renderNumbers, renderSummary } from './readouts';
import { deferredNumbers } from './numbers-panel';
import type { Snapshot } from './snapshot';
import { createStructureEditor, resizeSpec } from './structure';
import { phaseName } from './phases';
import { inspectorPhaseOf } from './known';
import { openInspector } from '../inspector/index';
import { mountPractice } from '../practice/index';
import { mountCodeTab } from '../code/index';
import { ENGLISH } from '../i18n/index';
import { engineText, errorLine, showError } from '../i18n/errors';

export type { Explorer, ExplorerOptions } from './explorer-api';

import type { Explorer, ExplorerOptions } from './explorer-api';

export function mountExplorer(host: HTMLElement, engine: Engine, options: ExplorerOptions): Explorer {
  const stepper = new Stepper(engine);
  const animator = new Animator();
  let visible = true;
  let preset: Preset | null = null;
  let edited = false;
  let column = 0;
  let refs: DiagramRefs | null = null;
  /** Significant digits of this view (several views on one page keep their own). */
  let digits = getDigits();
  const dialogHost = options.dialogHost ?? document.body;
  const locale = options.locale ?? ENGLISH;
  const t = locale.t;
  setDecimalComma(locale.decimalComma);
  /** Only the latest animation clears data-animating (tests and styles wait on it). */
  let animationToken = 0;

  // Layout.
  host.classList.add('explorer');
  const ui = buildSkeleton(digits, t);
  const { presetSelect, digitsSelect, svg, summary, math, notes, numbers, numbersPanel, editError, presetError, examplePicker } = ui;
  const controls = createControls({
    next: () => act(() => stepper.next()),
    previous: () => act(() => stepper.previous()),
    step: () => act(() => stepper.step()),
    play: () => playback.start(),
    pause: () => playback.stop(),
    reset: () => act(() => stepper.reset()),
    setSpeed: (s) => {
      animator.speed = s;
    },
    jump: (k) => act(() => stepper.jumpToPhase(k)),
  }, 1, t);
  const playback = createPlayback({
    stepper, animator, locale, announce,
    update: (playing) => controls.update(stepper.snapshot, { playing, canGoBack: stepper.canGoBack() }),
  });
  const stopPlay = () => playback.stop();
  ui.top.append(ui.settings, controls.element);
  const zoom = createZoom(ui.viewport, svg, t);
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
        showError(editError, e, locale);
      }
    },
    locale,
  );
  const specEditor = buildSpecEditor(t, (text) => {
    let parsed: Spec;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      editError.textContent = t('error.json', { message: (e as Error).message });
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
    t,
  }));
  ui.main.prepend(createPanelTabs([
    { id: 'diagram', label: t('step.tabDiagram'), panel: ui.diagramCol },
    { id: 'math', label: t('step.tabMath'), panel: ui.mathCol },
    { id: 'notes', label: t('step.tabAbout'), panel: ui.notesPanel },
  ], t('step.panelTabs')));
  host.append(ui.top, ui.main, ui.lower);
  watchOverflow(math, t);
  const codeTab = mountCodeTab(ui.mathCol, { engine, session: () => stepper.session, digits: () => digits, baseName: () => (preset && !edited ? preset.id : 'network'), locale });

  // Behaviour.

  function act(fn: () => unknown): void {
    animator.cancel();
    try {
      fn();
    } catch (e) {
      stopPlay();
      announce(t('error.prefix') + errorLine(e, locale));
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

  /** Loads `spec`; the engine's error when it is invalid (shown under the editor), else null. */
  function applySpecOrError(spec: Spec, isEdit: boolean): unknown {
    const wasEdited = edited;
    // Before the load draws: the preset's notes (their values read its own layers) no longer apply.
    if (isEdit) edited = true;
    try {
      stepper.load(spec);
    } catch (e) {
      edited = wasEdited;
      showError(editError, e, locale);
      return e;
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
  function applySpec(spec: Spec, isEdit: boolean): string | null {
    const e = applySpecOrError(spec, isEdit);
    return e === null ? null : engineText(e);
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
  /** An example the reader picks: when the engine cannot load it (out of memory), the view keeps its network and says why. */
  function tryPreset(p: Preset): void {
    const before = { preset, edited, column };
    try {
      loadPreset(p); // the message of an earlier failure goes with the load (render)
    } catch (e) {
      ({ preset, edited, column } = before);
      presetSelect.value = preset && !edited ? preset.id : 'custom';
      showError(presetError, e, locale);
    }
  }

  /** "Copy link": the step-through state only (the example or the edited spec). */
  function linkUrl(): string {
    return stepLink(options.linkBase ?? location.href, preset && !edited ? preset.id : null, stepper.spec);
  }

  /** The page's own URL keeps its other parameters (the training view's among them). */
  function updateUrl(): void {
    if (!visible || options.writeUrl === false) return;
    updateState((p) => setStepState(p, preset && !edited ? preset.id : null, stepper.spec));
  }

  function onEdit(target: EditTarget, anchor: Element): void {
    const snap = stepper.snapshot;
    openValueEditor(anchor, describeTarget(target, t), currentValue(target, stepper.spec, snap), (v) => {
      const problem = applySpecOrError(applyEdit(stepper.session, target, v), true);
      return problem === null ? null : errorLine(problem, locale);
    }, dialogHost, t);
  }

  function onInspect(layer: number, unit: number): void {
    const snap = stepper.snapshot;
    const ex = snap.state.batch[column] ?? column;
    const p = preset && !edited ? preset : null;
    const root = p?.inspector && p.inspector.layer === layer && p.inspector.unit === unit ? p.inspector.root : 'loss';
    const note = p?.id === 'seed003' || p?.id === 'seed004' ? presetNotes(p, t).map((n) => `<p>${n}</p>`).join('') : undefined;
    stopPlay();
    setDigits(digits);
    openInspector(dialogHost, stepper.session, layer, unit, ex, { root, note, phase: inspectorPhase, locale });
  }

  /** The inspector follows this view's phase while it is open. */
  const inspectorPhase = inspectorPhaseOf(stepper, act, t);

  const updateNumbers = deferredNumbers(numbersPanel, (s) => {
    setDigits(digits); // the toggle may come after another view drew
    setDecimalComma(locale.decimalComma);
    renderNumbers(numbers, s, digits, t);
  }, () => stepper.snapshot);

  function render(s: Snapshot, transition: ChangeEvent['transition']): void {
    setDigits(digits); // the shared formatter follows the view being drawn
    setDecimalComma(locale.decimalComma);
    const d = digits;
    const view = diagramViewOf(s, stepper.data, column, digits);
    column = view.column;
    refs = renderDiagram(svg, s, view, { onEdit, onInspect }, t);
    zoom.refresh();
    renderSummary(summary, s, column, d, view.y, t);
    renderMath(math, s, { digits: d, column, data: stepper.data, t });
    codeTab.update();
    markOverflow(math, t);
    updateNumbers(s, transition === 'load');
    renderNotes(notes, preset, edited, (pass) => stepper.snapshotOfPass(pass), d, t);
    renderExamplePicker(examplePicker, s, column, (c) => {
      column = c;
      render(stepper.snapshot, 'jump');
    }, t);
    controls.update(s, { playing: playback.playing, canGoBack: stepper.canGoBack() });
    if (transition === 'load' || (specText.getRootNode() as Document | ShadowRoot).activeElement !== specText) {
      specText.value = JSON.stringify(stepper.spec, null, 2);
    }
    if (transition === 'load') {
      structure.update(stepper.spec);
      presetError.textContent = ''; // whatever loaded it, the network shown is the one asked for
    }
    host.dataset.phase = phaseName(s.phase);
    host.dataset.step = String(s.state.step);
    host.dataset.cursor = String(s.state.cursor);
  }

  stepper.onChange(({ snapshot, transition }) => {
    render(snapshot, transition);
    announce(transition === 'load'
      ? `${t('say.loaded', { name: preset && !edited ? presetTitle(preset, t) : t('say.theEdited') })} ${narrate(snapshot, t)}`
      : transition === 'reset' ? `${t('say.reset')} ${narrate(snapshot, t)}` : narrate(snapshot, t));
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



  presetSelect.addEventListener('change', () => {
    const p = findPreset(presetSelect.value);
    if (p) tryPreset(p);
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
    togglePlay: () => (playback.playing ? playback.stop() : playback.start()),
    reset: () => act(() => stepper.reset()),
    faster: () => setSpeedStep(1),
    slower: () => setSpeedStep(-1),
    inspect: () => onInspect(stepper.snapshot.L, 0),
    },
    t,
  );

  function setSpeedStep(dir: number): void {
    animator.speed = controls.nudgeSpeed(animator.speed, dir);
    announce(t('say.speed', { speed: fmt(animator.speed) }));
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
      showError(editError, e, locale, t('error.linkSpec'));
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
    runTo: (step, cursor) => {
      stopPlay();
      animator.cancel();
      stepper.runTo(step, cursor);
    },
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
    locale,
  };
  const practice = mountPractice(ui.practicePanel, api, engine, { params: options.params, writeUrl: options.writeUrl, locale });
  return Object.assign(api, { practice });
}
