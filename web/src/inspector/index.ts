// The neuron inspector: the operation graph of one neuron (value above, gradient below every
// wire; sigmoid expanded into its gates or grouped; gradients of the loss or of the activation)
// and its chain of links. Shared by the step-through view and the training view.
import { ENGLISH, type Locale, type T } from '../i18n/index';
import { showError } from '../i18n/errors';
import type { NeuronGraph, Session } from '../engine';
import { getDigits } from '../format';
import { renderOpGraph } from './opgraph';
import { renderChain } from './chain';
import { phaseBar, shownAt, type InspectorPhase } from './phase-view';
import { markOverflow } from '../explorer/overflow';
import { createZoom } from '../explorer/zoom';
import { h, select, svg as svgNode } from '../dom';
import { catalog } from '../catalog';
import { loadMath, mathLoaded, mathUnavailableText } from '../katex-html';

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
  // Focusable itself, so that its keys keep working wherever in it the reader clicks.
  const dialog = h('dialog', { class: 'inspector', tabindex: -1, 'aria-labelledby': 'inspector-title', 'data-testid': 'inspector' });
  dialogs.set(host, dialog);
  host.append(dialog);
  return dialog;
}

function toggle(name: string, id: string, options: [string, string][], value: string, onPick: (v: string) => void): HTMLElement {
  const group = h('div', { class: 'toggle', role: 'group', 'aria-label': name }, h('span', { class: 'toggle-label' }, `${name}:`));
  for (const [v, text] of options) {
    const b = h('button', { type: 'button', 'aria-pressed': String(v === value), 'data-focus-key': `${id}:${v}` }, text);
    b.addEventListener('click', () => onPick(v));
    group.append(b);
  }
  return group;
}

/** "Sigmoid gates" where the engine can show the activation's gates (catalogue `expandable`). */
function gatesLabel(activation: string, t: T): string {
  const a = catalog().activations.find((x) => x.name === activation);
  return a?.expandable ? t('inspector.gatesOf', { name: a.display }) : t('inspector.activation');
}

/**
 * Opens the inspector for unit `unit` (0-based) of layer `layer` (1-based) and training
 * example `example` (0-based) of `session`, in a modal dialog appended to `host`. Its chain is
 * written in KaTeX: the first inspector of a training view opens once KaTeX's chunk is loaded
 * (or could not be: then the chain shows its TeX and says why).
 */
export function openInspector(
  host: HTMLElement,
  session: Session,
  layer: number,
  unit: number,
  example: number,
  options: InspectorOptions = {},
): void {
  if (mathLoaded()) showInspector(host, session, layer, unit, example, options);
  // The view may have gone (and its session with it) while the chunk loaded.
  else void loadMath().then(() => host.isConnected && showInspector(host, session, layer, unit, example, options));
}

function showInspector(
  host: HTMLElement,
  session: Session,
  layer: number,
  unit: number,
  example: number,
  options: InspectorOptions,
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
      const alert = h('p', { role: 'alert' });
      showError(alert, e, locale, t('inspector.failed'));
      dlg.append(alert, h('form', { method: 'dialog' }, h('button', {}, t('inspector.close'))));
      return;
    }
    const isOutput = layer === L;
    dlg.replaceChildren();
    const head = h('header', { class: 'inspector-head' });
    head.innerHTML = `<h2 id="inspector-title">${t('inspector.title', { unit: unit + 1, l: layer })}${isOutput ? t('inspector.output') : ''} <span class="muted">${activation}${examples > 1 ? t('inspector.exampleN', { n: ex + 1 }) : ''}</span></h2>`;
    const close = h('button', { type: 'button', class: 'close', 'data-focus-key': 'close' }, t('inspector.close'));
    close.addEventListener('click', () => dlg.close());
    head.append(close);
    const bar = h('div', { class: 'inspector-toggles' });
    bar.append(
      toggle(gatesLabel(activation, t), 'gates', [['expanded', t('inspector.expanded')], ['grouped', t('inspector.grouped')]], expanded ? 'expanded' : 'grouped', (v) => {
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
      const numbers = Array.from({ length: Math.min(examples, 500) }, (_, k) => [String(k), String(k + 1)] as const);
      const sel = select({}, numbers, String(ex));
      const label = h('label', { class: 'field-inline' }, `${t('inspector.example')} `);
      sel.addEventListener('change', () => {
        ex = Number(sel.value);
        render();
      });
      label.append(sel);
      bar.append(label);
    }
    const body = h('div', { class: 'inspector-body' });
    const graphFig = h('figure', { class: 'opgraph' });
    const caption = t(root === 'loss' ? 'inspector.captionLoss' : 'inspector.captionActivation');
    graphFig.innerHTML = `<figcaption>${caption} <span class="legend"><span class="swatch fwd"></span>${t('inspector.value')} <span class="swatch grad"></span>${t('inspector.gradient')} <span class="swatch param"></span>${t('inspector.parameter')} <span class="swatch input"></span>${t('inspector.input')}</span></figcaption>`;
    const svg = svgNode('svg', { role: 'img', 'data-testid': 'opgraph', 'aria-label': t('inspector.graphLabel', { unit: unit + 1, l: layer,
      nodes: graph.nodes.map((n) => t('inspector.nodeLabel', { label: n.label, value: n.value, grad: n.grad })).join('; ') }) });
    // Pans and zooms like the network diagram, so that its text stays readable on a phone.
    const viewport = h('div', { class: 'diagram-viewport', tabindex: 0, role: 'region', 'aria-label': t('inspector.graphRegion') }, svg);
    const zoom = createZoom(viewport, svg, t);
    graphFig.append(zoom.element, viewport);
    if (graph.note) {
      const p = h('p', { class: 'muted' });
      // The engine's one note (a coupled activation's: softmax) is known by the catalogue; any other stays in English.
      if (catalog().activations.find((x) => x.name === activation)?.elementwise === false) p.textContent = t('inspector.softmaxNote');
      else {
        p.textContent = graph.note;
        p.lang = 'en';
      }
      graphFig.append(p);
    }
    const known = phase?.known(layer);
    renderOpGraph(svg, graph, { digits: Math.min(getDigits(), 5), shown: known ? shownAt(graph, known, t) : undefined, t });
    requestAnimationFrame(() => zoom.refresh());
    const chainHost = h('div');
    const chain = h('section', { class: 'chain-panel', 'aria-label': t('inspector.chain') }, h('h3', {}, t('inspector.chainTitle')), chainHost);
    renderChain(chainHost, chainGraph, {
      activation, loss: String(spec.loss), isOutput, layer, L, batch: state.batchSize, digits: getDigits(), known, t,
    });
    const noMath = mathUnavailableText(t);
    if (noMath) chain.append(h('p', { class: 'muted' }, noMath));
    body.append(graphFig, chain);
    dlg.append(head);
    if (options.note) {
      const note = h('div', { class: 'inspector-note' });
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
