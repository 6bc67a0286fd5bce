// <backprop-explorer>: the step-through explorer or the training view in a shadow root, so the
// host page's CSS neither breaks it nor is broken by it. Several elements on one page share the
// engine (one wasm instance) and nothing else: each has its own session, styles scope, dialogs,
// digits and keyboard focus. Options: web/src/embed/options.ts; guide: docs/embedding.md.
import type { Engine, Session, Spec } from '../engine';
import { mountExplorer, type Explorer } from '../explorer/index';
import { keepShownTabSelected } from '../explorer/panel-tabs';
import type { PracticeScore } from '../practice/types';
import { findPreset, PRESETS } from '../explorer/presets';
import { openInspector } from '../inspector/index';
import type { TrainViewHandle } from '../train/index';
import type { CircuitView } from '../circuit/index';
import { loadCircuitView, loadTrainView } from '../lazy-views';
import { keepsKey } from '../keys';
import { writeTrainUrl } from '../train-url';
import { loadMath, mathUnavailableText } from '../katex-html';
import { ATTRIBUTES, TRAIN_ATTRIBUTES, readOptions, type EmbedOptions, type Mode } from './options';
import { ElementEngine } from './element-engine';
import { elementSpec } from './element-spec';
import { adopt, shadowSheets } from './styles';
import { trainViewSettings } from './train-spec';
import { applyHeight, deferredReady, loadFailure, resumedText, StepEvents } from './element-support';
import { h } from '../dom';
import { unavailableText, type Locale } from '../i18n/index';
import { elementLocale, LOCALE_ATTRIBUTES } from './element-locale';
import { LOCK_ATTRIBUTE, parseLock, PartLocks } from './element-lock';
import { applyDigits, DIGITS_ATTRIBUTE, parseDigits } from './element-digits';
import { DEFAULT_DIGITS } from '../format';

export type ReadyState = 'loading' | 'ready' | 'error';
type MountTrain = Awaited<ReturnType<typeof loadTrainView>>['mountTrainView'];
type MountCircuit = Awaited<ReturnType<typeof loadCircuitView>>['mountCircuitView'];

/** The URL of the script that defined the element (for "Copy link" to the full page beside it). */
const SCRIPT_URL = (typeof document !== 'undefined' && (document.currentScript as HTMLScriptElement | null)?.src) || '';

export class BackpropExplorerElement extends HTMLElement {
  static get observedAttributes(): string[] {
    return [...ATTRIBUTES, ...TRAIN_ATTRIBUTES, 'expr', ...LOCALE_ATTRIBUTES, LOCK_ATTRIBUTE, DIGITS_ATTRIBUTE];
  }

  readonly #shadow = this.attachShadow({ mode: 'open' });
  readonly #root = h('div', { class: 'bpx-root', tabindex: -1 }); // a click anywhere inside gives it the keyboard
  readonly #status = h('p', { class: 'bpx-embed-status', role: 'status' });
  readonly #stepHost = h('section', { class: 'bpx-embed-step', hidden: true });
  readonly #trainHost = h('section', { class: 'bpx-embed-train', hidden: true });
  readonly #live = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
  readonly #engine = new ElementEngine(() => this.#onEngineLost());
  #resume: { step: number; cursor: number } | null = null; // loading again after a loss: the position to run to
  #explorer: Explorer | null = null;
  #train: TrainViewHandle | null = null;
  #circuit: CircuitView | null = null; // mode="circuit": the program of the `expr` attribute
  readonly #circuitHost = h('section', { class: 'bpx-embed-circuit' });
  #mode: Mode = 'step';
  #state: ReadyState = 'loading';
  #started = false;
  #generation = 0;
  #reloadQueued = false;
  readonly #stepEvents = new StepEvents((type, detail) => this.#emit(type, detail));
  #dark: MediaQueryList | null = null;
  readonly #onSchemeChange = () => this.#applyLook(this.#options());
  #locks!: PartLocks; // lock="…": parts shown but disabled (element-lock.ts)
  // One promise per load: `ready` right after a change of attributes is that load's.
  #ready = deferredReady<BackpropExplorerElement>();

  constructor() {
    super();
    adopt(this.#shadow, shadowSheets());
    this.#root.append(this.#status, this.#stepHost, this.#trainHost, this.#circuitHost, this.#live);
    this.#shadow.append(this.#root);
    this.#locks = new PartLocks(this.#root);
    // Keys typed inside go to the element first; those it uses stay inside (so a host's own
    // shortcuts, reveal.js's arrows say, act only when the element does not have the focus).
    this.addEventListener('keydown', (e) => {
      if (keepsKey(e)) e.stopPropagation();
    });
  }

  // ------------------------------------------------------------------ public API

  /** 'loading', 'ready' or 'error'. */
  get readyState(): ReadyState { return this.#state; }

  /** Resolves with the element when it is ready; rejects with the error when it cannot start. */
  get ready(): Promise<BackpropExplorerElement> { return this.#ready.promise; }

  /** The shared engine (null until loaded). */
  get engine(): Engine | null {
    return this.#engine.current;
  }

  /**
   * The engine session of the network shown: read it (state(), A(2), dW(1), …) but leave it to
   * the element (it is deleted when another network is loaded). Null before "ready".
   */
  get session(): Session | null {
    if (this.#state !== 'ready') return null;
    if (this.#mode === 'train') return this.#train?.session ?? null;
    return this.#explorer?.session ?? null;
  }

  /** mode="practice": the learner's running score (null in other modes or before "ready"). */
  get score(): PracticeScore | null {
    return this.#state === 'ready' && this.#explorer?.practice.enabled ? this.#explorer.practice.score : null;
  }

  /** The mode shown: 'step' or 'train'. */
  get mode(): Mode { return this.#mode; }

  /** Step-through mode: runs the next phase (as the "Next phase" button). */
  nextPhase(): void { this.#stepView().next(); }
  /** Step-through mode: undoes the last phase; false when there is no history. */
  previousPhase(): boolean { return this.#stepView().previous(); }
  /** Step-through mode: runs to the end of the current step. */
  step(): void { this.#stepView().step(); }
  /** Step-through mode: back to the initial parameters. */
  reset(): void { this.#stepView().reset(); }

  // ------------------------------------------------------------------ lifecycle

  connectedCallback(): void {
    if (!this.#started) {
      this.#started = true;
      void this.#load();
      return;
    }
    if (this.#state === 'ready') (this.#mode === 'train' ? this.#train : this.#explorer)?.show();
  }

  disconnectedCallback(): void {
    this.#explorer?.hide();
    this.#train?.hide();
    // Moved within the page, the element is connected again at once; removed, it frees its
    // sessions, keys and DOM (connecting it again later loads it afresh).
    queueMicrotask(() => {
      if (!this.isConnected) this.#teardown();
    });
  }

  #teardown(): void {
    this.#generation++; // a load still in flight finds itself stale and stops
    this.#dropViews();
    this.#engine.release();
    this.#resume = null;
    this.#root.querySelectorAll('dialog').forEach((d) => d.remove());
    this.#dark?.removeEventListener('change', this.#onSchemeChange);
    this.#dark = null;
    this.#locks.set('', new Set());
    this.#started = false;
  }

  attributeChangedCallback(name: string, oldValue: string | null, value: string | null): void {
    if (!this.#started || oldValue === value) return;
    if (name === DIGITS_ATTRIBUTE) return applyDigits(this.#stepHost, parseDigits(value) ?? DEFAULT_DIGITS);
    if (LOCALE_ATTRIBUTES.includes(name) || name === LOCK_ATTRIBUTE) {
      this.#dropExplorer(); // a view keeps the language it was built in: build it again
    }
    if (name === 'height' || name === 'theme') {
      this.#applyLook(this.#options());
      return;
    }
    if (name === 'controls') {
      this.#applyLook(this.#options());
      const tabs = this.#stepHost.querySelector<HTMLElement>('.panel-tabs');
      if (tabs) keepShownTabSelected(tabs);
      if (this.#mode === 'step' && this.#options().mode === 'step') return;
    }
    this.#queueReload();
  }

  // ------------------------------------------------------------------ internals

  #dropExplorer(): void {
    this.#explorer?.dispose();
    this.#explorer = null;
    this.#stepHost.replaceChildren();
  }
  #dropViews(): void {
    this.#dropTrain();
    this.#dropExplorer();
    this.#circuit?.dispose();
    this.#circuit = null;
  }
  // The shared engine was lost (Engine.onLost) and the views' sessions with it: build them again
  // on a fresh engine from the attributes, the step-through view back at the position it showed.
  #onEngineLost(): void {
    if (!this.#started) return;
    this.#resume = this.#mode === 'step' && this.#state === 'ready' ? this.#stepEvents.position : { step: 0, cursor: 0 };
    this.#generation++;
    this.#dropViews();
    this.#queueReload();
  }

  #stepView(): Explorer {
    if (this.#mode === 'step' && this.#explorer && this.#state === 'ready') return this.#explorer;
    throw new Error('<backprop-explorer>: nextPhase(), previousPhase(), step() and reset() need mode="step" and a ready element');
  }

  /**
   * The element of embed.html (the one child of <body data-bpx-frame>) keeps its state in the
   * frame's own URL fragment, so that a frame that reloads comes back to it; an element on a
   * host page never writes the host's URL.
   */
  #ownsPageUrl(): boolean {
    return this.parentElement === document.body && document.body.hasAttribute('data-bpx-frame');
  }

  #applyLocale(loc: Locale): void {
    this.#root.lang = loc.lang;
    this.#stepHost.setAttribute('aria-label', loc.t('embed.stepRegion'));
    this.#trainHost.setAttribute('aria-label', loc.t('embed.trainRegion'));
  }

  #options(): EmbedOptions {
    return readOptions((n) => this.getAttribute(n), this.getAttributeNames());
  }

  #locked(): Set<string> {
    return parseLock(this.getAttribute(LOCK_ATTRIBUTE), this.getAttribute('mode') ?? 'step');
  }

  #queueReload(): void {
    if (this.#reloadQueued) return;
    this.#reloadQueued = true;
    if (this.#ready.settled) this.#ready = deferredReady<BackpropExplorerElement>(); // `ready` now means this load
    queueMicrotask(() => {
      this.#reloadQueued = false;
      void this.#load();
    });
  }

  #applyLook(o: EmbedOptions): void {
    this.#root.dataset.show = [...o.parts, ...this.#locked()].join(' '); // a locked part is shown
    applyHeight(this.#root, o.height);
    if (o.theme === 'auto' && !this.#dark && typeof matchMedia === 'function') {
      this.#dark = matchMedia('(prefers-color-scheme: dark)');
      this.#dark.addEventListener('change', this.#onSchemeChange);
    }
    this.#root.dataset.theme = o.theme === 'dark' || (o.theme === 'auto' && !!this.#dark?.matches) ? 'dark' : 'light';
  }

  #setStatus(text: string, error = false): void {
    this.#status.textContent = text;
    this.#status.classList.toggle('error', error);
    this.#status.hidden = text === '';
  }

  #setState(state: ReadyState, error: Error | null = null): void {
    this.#state = state;
    if (state === 'loading') {
      if (this.#ready.settled) this.#ready = deferredReady<BackpropExplorerElement>();
      return;
    }
    this.#ready.settled = true;
    if (state === 'ready') this.#ready.resolve(this);
    else this.#ready.reject(error!);
  }

  /** Events bubble, except `error` (like the platform's error events, so window.onerror-style listeners do not see it). */
  #emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: type !== 'error' }));
  }

  async #load(): Promise<void> {
    const generation = ++this.#generation;
    const o = this.#options();
    this.#setState('loading');
    // The step-through and practice views write equations: KaTeX's chunk, once, beside the engine.
    const math = o.mode === 'step' && this.getAttribute('mode') !== 'circuit' ? loadMath() : null;
    const loc = await elementLocale(this); // German: its chunk, once
    if (generation !== this.#generation) return;
    this.#applyLook(o);
    this.#applyLocale(loc);
    if (!this.#engine.current) this.#setStatus(loc.t('app.loading'));
    try {
      const engine = await this.#engine.get(); // a lost module: the fresh shared one
      if (generation !== this.#generation) return;
      this.#circuitHost.hidden = this.getAttribute('mode') !== 'circuit';
      if (!this.#circuitHost.hidden) {
        const view = await loadCircuitView(); // its own chunk, loaded on first use
        if (generation === this.#generation) this.#showCircuit(engine, loc, view.mountCircuitView);
        return;
      }
      this.#circuit?.dispose();
      this.#circuit = null;
      const spec = await elementSpec(o, this.getAttribute('src-origins'), engine, loc);
      if (generation !== this.#generation) return;
      const train = o.mode === 'train' ? await loadTrainView() : null; // its own chunk
      if (generation !== this.#generation) return;
      await math; // false when it cannot load: the equations come as TeX, and the status says why
      if (generation !== this.#generation) return;
      if (train) this.#showTrain(engine, spec, o, loc, train.mountTrainView);
      else this.#showStep(engine, spec, o, loc);
      this.#mode = o.mode;
      this.#locks.set(this.getAttribute('mode') ?? 'step', this.#locked());
      this.#setStatus(this.#resumedText(loc));
      this.#setState('ready');
      this.#emit('ready', { mode: o.mode });
    } catch (e) {
      if (generation !== this.#generation) return;
      this.#resume = null;
      const failed = loadFailure(e, loc);
      this.#setStatus(failed.status, true);
      this.#stepHost.hidden = true;
      this.#trainHost.hidden = true;
      this.#setState('error', failed.error);
      this.#emit('error', failed.detail);
    }
  }

  #showCircuit(engine: Engine, loc: Locale, mountCircuitView: MountCircuit): void {
    this.#stepHost.hidden = this.#trainHost.hidden = true;
    const params = new URLSearchParams({ program: this.getAttribute('expr') ?? '' });
    if (!this.hasAttribute('expr')) params.delete('program');
    this.#circuit?.dispose(); // the previous program's view takes its keys with it
    this.#circuitHost.replaceChildren();
    (this.#circuit = mountCircuitView(this.#circuitHost, engine, { params, writeUrl: false, locale: loc })).show();
    this.#locks.set('circuit', new Set()); // the circuit view has no parts to lock
    this.#setStatus(this.#resumedText(loc));
    this.#setState('ready');
    this.#emit('ready', { mode: 'circuit' });
  }

  /**
   * '' on an ordinary load; after a loss, what the element kept (said once, then forgotten); and
   * whether the language asked for could not be loaded.
   */
  #resumedText(loc: Locale): string {
    const resumed = this.#resume !== null;
    this.#resume = null;
    const kept = resumed ? resumedText(loc, this.#mode === 'step' ? this.#explorer?.session.state() ?? null : null) : '';
    return [kept, unavailableText(loc), mathUnavailableText(loc.t)].filter(Boolean).join(' ');
  }

  #dropTrain(): void {
    if (!this.#train) return;
    this.#train.dispose();
    this.#train = null;
    this.#trainHost.replaceChildren();
  }

  #showStep(engine: Engine, spec: Spec | null, o: EmbedOptions, loc: Locale): void {
    this.#dropTrain();
    this.#trainHost.hidden = true;
    this.#stepHost.hidden = false;
    const presetId = o.preset ?? PRESETS[0].id;
    const fresh = !this.#explorer;
    if (!this.#explorer) {
      const params = new URLSearchParams();
      if (spec) params.set('spec', JSON.stringify(spec));
      else params.set('preset', presetId);
      this.#explorer = mountExplorer(this.#stepHost, engine, {
        params,
        live: this.#live,
        openInspector: (s, layer, unit, example) => openInspector(this.#root, s, layer, unit, example, { locale: loc }),
        writeUrl: this.#ownsPageUrl(),
        locale: loc,
        linkBase: new URL('index.html', SCRIPT_URL || document.baseURI).href,
        dialogHost: this.#root,
        keyRoot: this.#root,
      });
      this.#explorer.onChange((e) => {
        if (this.#mode === 'step' && this.#state === 'ready') this.#stepEvents.onChange(e);
      });
      this.#explorer.practice.onAnswer((d) => this.#emit('answer', d)); // mode="practice"
    } else if (spec) {
      const problem = this.#explorer.loadSpec(spec);
      if (problem) throw new Error(problem);
    } else {
      this.#explorer.loadPreset(presetId);
    }
    this.#explorer.show();
    const practice = this.getAttribute('mode') === 'practice';
    this.#explorer.practice.setAvailable(practice);
    if (practice) this.#explorer.practice.setEnabled(true, false); // never take the host page's focus
    // A new view starts at its own digits, not at those another element's view set last.
    if (fresh) applyDigits(this.#stepHost, parseDigits(this.getAttribute(DIGITS_ATTRIBUTE)) ?? DEFAULT_DIGITS);
    if (this.#resume) this.#explorer.runTo(this.#resume.step, this.#resume.cursor); // after a loss
    this.#stepEvents.reset(this.#explorer.session.state());
  }

  #showTrain(engine: Engine, spec: Spec | null, o: EmbedOptions, loc: Locale, mountTrainView: MountTrain): void {
    this.#explorer?.hide();
    this.#stepHost.hidden = true;
    this.#dropTrain();
    const settings = trainViewSettings(spec ?? (o.preset ? findPreset(o.preset)?.spec ?? null : null), o, engine);
    this.#trainHost.hidden = false;
    this.#stepEvents.reset(null);
    this.#train = mountTrainView(this.#trainHost, engine, {
      ...settings,
      openInspector: (s, layer, unit, example) => openInspector(this.#root, s, layer, unit, example, { locale: loc }),
      locale: loc,
      onSettings: this.#ownsPageUrl() ? writeTrainUrl : undefined,
      onProgress: (st, steps) => this.#emit('step', { step: st.step, epoch: st.epoch, loss: st.loss, steps }),
      onDiverged: (d) => this.#emit('diverged', d),
    });
    this.#train.show();
  }
}

/** Defines <backprop-explorer> (once; a second copy of the script leaves the first in place). */
export function defineElement(name = 'backprop-explorer'): void {
  if (typeof customElements !== 'undefined' && !customElements.get(name)) {
    customElements.define(name, BackpropExplorerElement);
  }
}
