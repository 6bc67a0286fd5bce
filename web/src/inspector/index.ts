// The neuron inspector: the operation graph of one neuron (value above, gradient below every
// wire; sigmoid expanded into its gates or grouped; gradients of the loss or of the activation)
// and its chain of links. Shared by the step-through view and the training view.
import { ENGLISH, type Locale } from '../i18n/index';
import { showError } from '../i18n/errors';
import type { NeuronGraph, Session } from '../engine';
import { getDigits } from '../format';
import { renderOpGraph } from './opgraph';
import { renderChain } from './chain';
import { phaseBar, shownAt, type InspectorPhase } from './phase-view';
import { markOverflow } from '../explorer/overflow';
import { createZoom } from '../explorer/zoom';

export type { InspectorPhase } from './phase-view';

export interface InspectorOptions {
  root?: 'loss' | 'activation';
  expanded?: boolean;
  /** Extra HTML shown above the graph (e.g. a preset's note). */
  note?: string;
  /** Called when the dialog closes. */
  onClose?: () => void;
  /** The step-through view: show only what its phase has computed, and follow it live. */
  phase?: InspectorPhase;
  /** The language of the view that opened it (default English). */
  locale?: Locale;
}

/** One dialog per host (the page's body, or each embed's own container). */
const dialogs = new WeakMap<HTMLElement, HTMLDialogElement>();

function ensureDialog(host: HTMLElement): HTMLDialogElement {
  const existing = dialogs.get(host);
  if (existing && existing.isConnected) return existing;
  const dialog = document.createElement('dialog');
  dialogs.set(host, dialog);
  dialog.className = 'inspector';
  // Focusable itself, so that its keys keep working wherever in it the reader clicks.
  dialog.tabIndex = -1;
  dialog.setAttribute('aria-labelledby', 'inspector-title');
  dialog.dataset.testid = 'inspector';
  host.append(dialog);
  return dialog;
}

function toggle(name: string, id: string, options: [string, string][], value: string, onPick: (v: string) => void): HTMLElement {
  const group = document.createElement('div');
  group.className = 'toggle';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', name);
  const label = document.createElement('span');
  label.className = 'toggle-label';
  label.textContent = `${name}:`;
  group.append(label);
  for (const [v, text] of options) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-pressed', String(v === value));
    b.dataset.focusKey = `${id}:${v}`;
    b.addEventListener('click', () => onPick(v));
    group.append(b);
  }
  return group;
}

/**
 * Opens the inspector for unit `unit` (0-based) of layer `layer` (1-based) and training
 * example `example` (0-based) of `session`, in a modal dialog appended to `host`.
 */
export function openInspector(
  host: HTMLElement,
  session: Session,
  layer: number,
  unit: number,
  example: number,
  options: InspectorOptions = {},
): void {
  const dlg = ensureDialog(host);
  const locale = options.locale ?? ENGLISH;
  const t = locale.t;
  dlg.lang = locale.lang;
  const spec = session.spec();
  const L = session.L;
  const activation = String((spec.activations as string[])[layer - 1]);
  const state = session.state();
  const examples = state.trainExamples;
  let root: 'loss' | 'activation' = options.root ?? 'loss';
  let expanded = options.expanded ?? true;
  let ex = Math.max(0, Math.min(example, examples - 1));
  // The focused element, also inside shadow roots (an embed), to return the focus to.
  let opener = document.activeElement as HTMLElement | null;
  while (opener?.shadowRoot?.activeElement) opener = opener.shadowRoot.activeElement as HTMLElement;

  const phase = options.phase;
  const graphOf = (o: { example: number; expanded: boolean; root: 'loss' | 'activation' }) =>
    phase ? phase.graph(layer, unit, o) : session.graph(layer, unit, o);

  function render(): void {
    // Re-rendering replaces the focused control: keep the focus on its successor.
    const focused = dlg.querySelector(':focus') as HTMLElement | null;
    const focusKey = focused?.dataset.focusKey;
    let graph: NeuronGraph;
    let chainGraph: NeuronGraph;
    try {
      graph = graphOf({ example: ex, expanded, root });
      chainGraph = root === 'loss' ? graph : graphOf({ example: ex, expanded, root: 'loss' });
    } catch (e) {
      dlg.replaceChildren();
      const alert = document.createElement('p');
      alert.setAttribute('role', 'alert');
      showError(alert, e, locale, t('inspector.failed'));
      const form = document.createElement('form');
      form.method = 'dialog';
      form.innerHTML = `<button>${t('inspector.close')}</button>`;
      dlg.append(alert, form);
      return;
    }
    const isOutput = layer === L;
    dlg.replaceChildren();
    const head = document.createElement('header');
    head.className = 'inspector-head';
    head.innerHTML = `<h2 id="inspector-title">${t('inspector.title', { unit: unit + 1, l: layer })}${isOutput ? t('inspector.output') : ''} <span class="muted">${activation}${examples > 1 ? t('inspector.exampleN', { n: ex + 1 }) : ''}</span></h2>`;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = t('inspector.close');
    close.dataset.focusKey = 'close';
    close.addEventListener('click', () => dlg.close());
    head.append(close);
    const bar = document.createElement('div');
    bar.className = 'inspector-toggles';
    bar.append(
      toggle(t(activation === 'sigmoid' ? 'inspector.sigmoidGates' : activation === 'tanh' ? 'inspector.tanhGates' : 'inspector.activation'), 'gates', [['expanded', t('inspector.expanded')], ['grouped', t('inspector.grouped')]], expanded ? 'expanded' : 'grouped', (v) => {
        expanded = v === 'expanded';
        render();
        bar.querySelector<HTMLButtonElement>('[aria-pressed="true"]')?.focus();
      }),
      toggle(t('inspector.gradientsOf'), 'root', [['loss', t('inspector.theLoss')], ['activation', t('inspector.theActivation')]], root, (v) => {
        root = v as 'loss' | 'activation';
        render();
      }),
    );
    if (examples > 1) {
      const label = document.createElement('label');
      label.className = 'field-inline';
      label.textContent = `${t('inspector.example')} `;
      const sel = document.createElement('select');
      for (let k = 0; k < Math.min(examples, 500); k++) {
        const o = document.createElement('option');
        o.value = String(k);
        o.textContent = String(k + 1);
        sel.append(o);
      }
      sel.value = String(ex);
      sel.addEventListener('change', () => {
        ex = Number(sel.value);
        render();
      });
      label.append(sel);
      bar.append(label);
    }
    const body = document.createElement('div');
    body.className = 'inspector-body';
    const graphFig = document.createElement('figure');
    graphFig.className = 'opgraph';
    const caption = t(root === 'loss' ? 'inspector.captionLoss' : 'inspector.captionActivation');
    graphFig.innerHTML = `<figcaption>${caption} <span class="legend"><span class="swatch fwd"></span>${t('inspector.value')} <span class="swatch grad"></span>${t('inspector.gradient')} <span class="swatch param"></span>${t('inspector.parameter')} <span class="swatch input"></span>${t('inspector.input')}</span></figcaption>`;
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', t('inspector.graphLabel', { unit: unit + 1, l: layer,
      nodes: graph.nodes.map((n) => t('inspector.nodeLabel', { label: n.label, value: n.value, grad: n.grad })).join('; ') }));
    svg.dataset.testid = 'opgraph';
    // Pans and zooms like the network diagram, so that its text stays readable on a phone.
    const viewport = document.createElement('div');
    viewport.className = 'diagram-viewport';
    viewport.tabIndex = 0;
    viewport.setAttribute('role', 'region');
    viewport.setAttribute('aria-label', t('inspector.graphRegion'));
    viewport.append(svg);
    const zoom = createZoom(viewport, svg, t);
    graphFig.append(zoom.element, viewport);
    if (graph.note) {
      const p = document.createElement('p');
      p.className = 'muted';
      // The engine's one note (softmax's coupling) is known by its activation; any other stays in English.
      if (activation === 'softmax') p.textContent = t('inspector.softmaxNote');
      else {
        p.textContent = graph.note;
        p.lang = 'en';
      }
      graphFig.append(p);
    }
    const known = phase?.known(layer);
    renderOpGraph(svg, graph, { digits: Math.min(getDigits(), 5), shown: known ? shownAt(graph, known, t) : undefined, t });
    requestAnimationFrame(() => zoom.refresh());
    const chain = document.createElement('section');
    chain.className = 'chain-panel';
    chain.setAttribute('aria-label', t('inspector.chain'));
    const chainHost = document.createElement('div');
    chain.innerHTML = `<h3>${t('inspector.chainTitle')}</h3>`;
    chain.append(chainHost);
    renderChain(chainHost, chainGraph, {
      activation, loss: String(spec.loss), isOutput, layer, L, batch: state.batchSize, digits: getDigits(), known, t,
    });
    body.append(graphFig, chain);
    dlg.append(head);
    if (options.note) {
      const note = document.createElement('div');
      note.className = 'inspector-note';
      note.innerHTML = options.note;
      dlg.append(note);
    }
    if (phase && known) dlg.append(phaseBar(phase, known, t));
    dlg.append(bar, body);
    if (dlg.open) markOverflow(dlg, t);
    if (focusKey) {
      const again = dlg.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`);
      (again && !(again as HTMLButtonElement).disabled ? again : dlg.querySelector<HTMLElement>('.close'))?.focus();
    } else if (focused && !focused.isConnected) {
      dlg.focus();
    }
  }

  render();
  if (!dlg.open) dlg.showModal();
  markOverflow(dlg, t);
  const unsubscribe = phase?.subscribe(() => {
    if (dlg.open) render();
  });
  dlg.onkeydown = (e) => {
    const t = e.target as HTMLElement;
    if (t.closest('select, input')) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (phase && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      e.preventDefault();
      if (e.key === 'ArrowRight') phase.next();
      else phase.previous();
    } else if (e.key === 'e' || e.key === 'E') {
      expanded = !expanded;
      render();
    } else if (e.key === 'g' || e.key === 'G') {
      root = root === 'loss' ? 'activation' : 'loss';
      render();
    } else if (e.key !== 'Escape' && e.key !== 'Tab') {
      return;
    }
    // The views behind the modal dialog must not act on its keys.
    if (e.key !== 'Tab') e.stopPropagation();
  };
  dlg.onclose = () => {
    unsubscribe?.();
    options.onClose?.();
    if (opener?.isConnected) opener.focus();
  };
  if (!dlg.open) dlg.showModal();
  dlg.querySelector<HTMLButtonElement>('.close')?.focus();
}
