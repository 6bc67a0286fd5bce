// The diagram's legend: kinds of quantity, the sign of a weight (colour and dash), values and
// gradients. One list, drawn twice: as HTML under the diagram (swatches are classes in app.css,
// not style attributes, so it renders under a CSP without 'unsafe-inline' for styles) and as
// SVG appended to exported SVG and PNG files.
import type { T } from '../i18n/index';
import { svgEl, svgText, textWidth } from '../svg';
import { kindColour, palette } from '../theme';

type Swatch = 'input' | 'param' | 'neuron' | 'positive' | 'negative' | 'forward' | 'backward';

export const LEGEND: Swatch[] = ['input', 'param', 'neuron', 'positive', 'negative', 'forward', 'backward'];

/** The legend's rows in the view's words. */
function rows(t: T): [Swatch, string][] {
  return LEGEND.map((s) => [s, t(`legend.${s}`)]);
}

export function legendHtml(t: T): string {
  const item = (swatch: string, text: string) => `<li><span class="swatch legend-${swatch}" aria-hidden="true"></span>${text}</li>`;
  return `<ul class="legend" aria-label="${t('legend.label')}">${rows(t).map(([s, text]) => item(s, text)).join('')}</ul>`;
}

/** The legend as SVG rows from (x, y), wrapped at `width`; returns the height used. */
export function drawLegend(parent: Element, x: number, y: number, width: number, t: T): number {
  const g = svgEl('g', { 'data-legend': 'true', 'font-size': 13 }, parent);
  let cx = x;
  let cy = y;
  const row = 22;
  for (const [s, text] of rows(t)) {
    const w = 22 + textWidth(text, 13) + 18;
    if (cx + w > x + width && cx > x) {
      cx = x;
      cy += row;
    }
    const sw = { x: cx, y: cy - 6, width: 12, height: 12 };
    if (s === 'input') svgEl('rect', { ...sw, rx: 2, fill: palette.dataFill, stroke: kindColour('input'), 'stroke-width': 2 }, g);
    else if (s === 'param') svgEl('rect', { ...sw, rx: 2, fill: palette.paper, stroke: palette.parameter, 'stroke-width': 2 }, g);
    else if (s === 'neuron') svgEl('circle', { cx: cx + 6, cy, r: 6, fill: palette.paper, stroke: palette.intermediate, 'stroke-width': 2 }, g);
    else if (s === 'positive' || s === 'negative') {
      svgEl('line', { x1: cx, y1: cy, x2: cx + 14, y2: cy, stroke: s === 'positive' ? palette.positive : palette.negative, 'stroke-width': 3, 'stroke-dasharray': s === 'negative' ? '4 2' : null }, g);
    } else svgEl('circle', { cx: cx + 6, cy, r: 6, fill: s === 'forward' ? palette.forward : palette.gradient }, g);
    svgText(g, cx + 20, cy, text, { 'dominant-baseline': 'central', fill: s === 'backward' ? palette.gradientText : s === 'forward' ? palette.valueText : palette.ink });
    cx += w;
  }
  return cy - y + row;
}
