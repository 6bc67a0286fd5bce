// The DOM of the step-through view: top bar (example and digits pickers, controls), the
// diagram with its legend and zoom, the equations, the notes and the lower panels. Only
// structure: the behaviour is wired in index.ts.
import type { T } from '../i18n/index';
import { legendHtml } from './legend';
import { PRESETS, presetTitle } from './presets';

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', html = ''): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (html) el.innerHTML = html;
  return el;
}

export interface Skeleton {
  top: HTMLElement;
  settings: HTMLElement;
  presetSelect: HTMLSelectElement;
  digitsSelect: HTMLSelectElement;
  main: HTMLElement;
  diagramCol: HTMLElement;
  figure: HTMLElement;
  /** The scrollable box around the SVG (pan and zoom). */
  viewport: HTMLElement;
  svg: SVGSVGElement;
  examplePicker: HTMLElement;
  /** Practice mode's panel (web/src/practice). */
  practicePanel: HTMLElement;
  summary: HTMLElement;
  mathCol: HTMLElement;
  math: HTMLElement;
  lower: HTMLElement;
  notesPanel: HTMLElement;
  notes: HTMLElement;
  numbersPanel: HTMLDetailsElement;
  numbers: HTMLElement;
  editPanel: HTMLElement;
  editError: HTMLElement;
  exportPanel: HTMLElement;
}

export const DIGIT_CHOICES = [3, 4, 6, 8, 12, 17];

export function buildSkeleton(digits: number, t: T): Skeleton {
  const top = h('div', 'explorer-top');
  const presetLabel = h('label', 'preset-picker');
  presetLabel.append(`${t('step.example')} `);
  const presetSelect = h('select');
  presetSelect.setAttribute('aria-label', t('step.exampleLabel'));
  presetSelect.dataset.testid = 'preset-select';
  for (const p of PRESETS) presetSelect.append(new Option(presetTitle(p, t), p.id));
  presetSelect.append(new Option(t('step.custom'), 'custom'));
  presetLabel.append(presetSelect);

  const digitsLabel = h('label', 'digits-picker');
  digitsLabel.append(`${t('step.digits')} `);
  const digitsSelect = h('select');
  digitsSelect.setAttribute('aria-label', t('step.digitsLabel'));
  for (const d of DIGIT_CHOICES) digitsSelect.append(new Option(String(d), String(d)));
  digitsSelect.value = String(digits);
  digitsLabel.append(digitsSelect);
  const settings = h('div', 'settings');
  settings.append(presetLabel, digitsLabel);

  const main = h('div', 'explorer-main');
  const diagramCol = h('div', 'diagram-col');
  const figure = h('figure', 'diagram');
  const viewport = h('div', 'diagram-viewport');
  viewport.dataset.testid = 'diagram-viewport';
  // Scrolls when the diagram is zoomed past its column: focusable, so keys can pan it too.
  viewport.tabIndex = 0;
  viewport.setAttribute('role', 'region');
  viewport.setAttribute('aria-label', t('step.diagramRegion'));
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', t('step.diagram'));
  svg.dataset.testid = 'diagram';
  viewport.append(svg);
  const caption = h('figcaption', '', legendHtml(t));
  figure.append(viewport, caption);
  const examplePicker = h('div', 'example-picker');
  const summary = h('div', 'summary');
  summary.setAttribute('aria-label', t('step.summary'));
  const practicePanel = h('section', 'panel practice-panel');
  diagramCol.append(summary, figure, examplePicker, practicePanel);
  const mathCol = h('section', 'math-col');
  mathCol.setAttribute('aria-labelledby', 'math-title');
  mathCol.innerHTML = `<h2 id="math-title">${t('step.equations')}</h2>`;
  const math = h('div', 'math');
  math.dataset.testid = 'math';
  mathCol.append(math);

  const lower = h('div', 'explorer-lower');
  const notesPanel = h('section', 'panel notes-panel');
  notesPanel.setAttribute('aria-labelledby', 'notes-title');
  notesPanel.innerHTML = `<h2 id="notes-title">${t('step.about')}</h2>`;
  const notes = h('div', 'notes');
  notesPanel.append(notes);
  const numbersPanel = h('details', 'panel numbers-panel');
  numbersPanel.open = true;
  numbersPanel.innerHTML = `<summary><h2>${t('step.allNumbers')}</h2></summary>`;
  const numbers = h('div', 'numbers');
  numbers.tabIndex = 0;
  numbers.setAttribute('role', 'region');
  numbers.setAttribute('aria-label', t('step.numbersRegion'));
  numbersPanel.append(numbers);
  const editPanel = h('section', 'panel edit-panel');
  editPanel.setAttribute('aria-labelledby', 'edit-title');
  editPanel.innerHTML = `<h2 id="edit-title">${t('step.editTitle')}</h2><p class="muted">${t('step.editHelp')}</p>`;
  const editError = h('p', 'edit-error');
  editError.setAttribute('role', 'alert');
  const exportPanel = h('section', 'panel export-panel');
  exportPanel.setAttribute('aria-labelledby', 'export-title');
  exportPanel.innerHTML = `<h2 id="export-title">${t('step.export')}</h2>`;
  main.append(diagramCol, mathCol, notesPanel);
  lower.append(numbersPanel, editPanel, exportPanel);
  return {
    top, settings, presetSelect, digitsSelect, main, diagramCol, figure, viewport, svg, examplePicker, practicePanel, summary,
    mathCol, math, lower, notesPanel, notes, numbersPanel, numbers, editPanel, editError, exportPanel,
  };
}

/** The spec editor (JSON text and its Apply button). */
export function buildSpecEditor(t: T, onApply: (text: string) => void): { element: HTMLDetailsElement; text: HTMLTextAreaElement } {
  const details = h('details', 'spec-editor');
  details.innerHTML = `<summary>${t('step.specJson')}</summary>`;
  const text = h('textarea');
  text.rows = 12;
  text.spellcheck = false;
  text.setAttribute('aria-label', t('step.specJsonLabel'));
  const apply = h('button');
  apply.type = 'button';
  apply.textContent = t('step.applySpec');
  apply.addEventListener('click', () => onApply(text.value));
  details.append(text, apply);
  return { element: details, text };
}
