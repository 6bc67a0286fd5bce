// The DOM of the step-through view: top bar (example and digits pickers, controls), the
// diagram with its legend and zoom, the equations, the notes and the lower panels. Only
// structure: the behaviour is wired in index.ts.
import type { T } from '../i18n/index';
import { legendHtml } from './legend';
import { PRESETS, presetTitle } from './presets';
import { el, svg as svgNode } from '../dom';


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
  /** Why the example picked could not be loaded (out of memory, say); empty otherwise. */
  presetError: HTMLElement;
  exportPanel: HTMLElement;
}

export const DIGIT_CHOICES = [3, 4, 6, 8, 12, 17];

export function buildSkeleton(digits: number, t: T): Skeleton {
  const top = el('div', 'explorer-top');
  const presetLabel = el('label', 'preset-picker');
  presetLabel.append(`${t('step.example')} `);
  const presetSelect = el('select');
  presetSelect.setAttribute('aria-label', t('step.exampleLabel'));
  presetSelect.dataset.testid = 'preset-select';
  for (const p of PRESETS) presetSelect.append(new Option(presetTitle(p, t), p.id));
  presetSelect.append(new Option(t('step.custom'), 'custom'));
  presetLabel.append(presetSelect);

  const digitsLabel = el('label', 'digits-picker');
  digitsLabel.append(`${t('step.digits')} `);
  const digitsSelect = el('select');
  digitsSelect.setAttribute('aria-label', t('step.digitsLabel'));
  for (const d of DIGIT_CHOICES) digitsSelect.append(new Option(String(d), String(d)));
  digitsSelect.value = String(digits);
  digitsLabel.append(digitsSelect);
  const settings = el('div', 'settings');
  const presetError = el('p', 'preset-error');
  presetError.setAttribute('role', 'alert');
  settings.append(presetLabel, digitsLabel, presetError);

  const main = el('div', 'explorer-main');
  const diagramCol = el('div', 'diagram-col');
  const figure = el('figure', 'diagram');
  const viewport = el('div', 'diagram-viewport');
  viewport.dataset.testid = 'diagram-viewport';
  // Scrolls when the diagram is zoomed past its column: focusable, so keys can pan it too.
  viewport.tabIndex = 0;
  viewport.setAttribute('role', 'region');
  viewport.setAttribute('aria-label', t('step.diagramRegion'));
  const svg = svgNode('svg', { role: 'group', 'aria-label': t('step.diagram'), 'data-testid': 'diagram' });
  viewport.append(svg);
  const caption = el('figcaption');
  caption.innerHTML = legendHtml(t);
  figure.append(viewport, caption);
  const examplePicker = el('div', 'example-picker');
  const summary = el('div', 'summary');
  summary.setAttribute('aria-label', t('step.summary'));
  const practicePanel = el('section', 'panel practice-panel');
  diagramCol.append(summary, figure, examplePicker, practicePanel);
  const mathCol = el('section', 'math-col');
  mathCol.setAttribute('aria-labelledby', 'math-title');
  mathCol.innerHTML = `<h2 id="math-title">${t('step.equations')}</h2>`;
  const math = el('div', 'math');
  math.dataset.testid = 'math';
  mathCol.append(math);

  const lower = el('div', 'explorer-lower');
  const notesPanel = el('section', 'panel notes-panel');
  notesPanel.setAttribute('aria-labelledby', 'notes-title');
  notesPanel.innerHTML = `<h2 id="notes-title">${t('step.about')}</h2>`;
  const notes = el('div', 'notes');
  notesPanel.append(notes);
  const numbersPanel = el('details', 'panel numbers-panel');
  numbersPanel.open = true;
  numbersPanel.innerHTML = `<summary><h2>${t('step.allNumbers')}</h2></summary>`;
  const numbers = el('div', 'numbers');
  numbers.tabIndex = 0;
  numbers.setAttribute('role', 'region');
  numbers.setAttribute('aria-label', t('step.numbersRegion'));
  numbersPanel.append(numbers);
  const editPanel = el('section', 'panel edit-panel');
  editPanel.setAttribute('aria-labelledby', 'edit-title');
  editPanel.innerHTML = `<h2 id="edit-title">${t('step.editTitle')}</h2><p class="muted">${t('step.editHelp')}</p>`;
  const editError = el('p', 'edit-error');
  editError.setAttribute('role', 'alert');
  const exportPanel = el('section', 'panel export-panel');
  exportPanel.setAttribute('aria-labelledby', 'export-title');
  exportPanel.innerHTML = `<h2 id="export-title">${t('step.export')}</h2>`;
  main.append(diagramCol, mathCol, notesPanel);
  lower.append(numbersPanel, editPanel, exportPanel);
  return {
    top, settings, presetSelect, digitsSelect, main, diagramCol, figure, viewport, svg, examplePicker, practicePanel, summary,
    mathCol, math, lower, notesPanel, notes, numbersPanel, numbers, editPanel, editError, presetError, exportPanel,
  };
}

/** The spec editor (JSON text and its Apply button). */
export function buildSpecEditor(t: T, onApply: (text: string) => void): { element: HTMLDetailsElement; text: HTMLTextAreaElement } {
  const details = el('details', 'spec-editor');
  details.innerHTML = `<summary>${t('step.specJson')}</summary>`;
  const text = el('textarea');
  text.rows = 12;
  text.spellcheck = false;
  text.setAttribute('aria-label', t('step.specJsonLabel'));
  const apply = el('button');
  apply.type = 'button';
  apply.textContent = t('step.applySpec');
  apply.addEventListener('click', () => onApply(text.value));
  details.append(text, apply);
  return { element: details, text };
}
