// Export: the walkthrough as Markdown with LaTeX or as a LaTeX document (the engine's text,
// as `bpx walkthrough` prints it), the diagram as SVG and PNG with its legend, the spec as
// JSON, and a link to this state.
import { englishCatalogue, type T } from '../i18n/index';
import { svgEl } from '../svg';
import { palette } from '../theme';
import { drawLegend } from './legend';
import { paintSvg } from './svg-raster';
import * as dom from '../dom';

export interface ExportSources {
  walkthrough(format: 'md' | 'tex'): string;
  specJson(): string;
  link(): string;
  svg(): SVGSVGElement;
  baseName(): string;
  /** Where the copy fallback dialog goes (default document.body). */
  dialogHost?: HTMLElement;
  t: T;
}

function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = dom.h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copies text; where the clipboard is not available, shows it in a dialog to copy by hand. */
export async function copyText(text: string, what: string, dialogHost: HTMLElement, t: T): Promise<string> {
  try {
    await navigator.clipboard.writeText(text);
    return t('export.copied', { what });
  } catch {
    const dialog = dom.h('dialog', { class: 'copy-dialog', 'aria-label': what });
    dialog.innerHTML = `<h2>${what}</h2><p>${t('export.noClipboard')}</p>
      <textarea readonly rows="16"></textarea><form method="dialog"><button>${t('export.close')}</button></form>`;
    dialog.querySelector('textarea')!.value = text;
    dialogHost.append(dialog);
    dialog.addEventListener('close', () => dialog.remove());
    dialog.showModal();
    dialog.querySelector('textarea')!.select();
    return t('export.shown', { what });
  }
}

const LEGEND_GAP = 16;

/**
 * Standalone SVG text of the diagram with its legend below (presentation attributes only, so
 * it renders anywhere). Returns the markup and its size.
 */
export function svgExport(svg: SVGSVGElement, t: T): { markup: string; width: number; height: number; clone: SVGSVGElement } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const [, , w, h0] = (svg.getAttribute('viewBox') ?? '0 0 800 400').split(/\s+/).map(Number);
  // The legend under the drawing, on the same paper.
  const probe = svgEl('g', {});
  const legendHeight = drawLegend(probe, 20, 0, w - 40, t);
  const h = h0 + LEGEND_GAP + legendHeight;
  svgEl('rect', { x: 0, y: h0, width: w, height: h - h0, fill: palette.paper }, clone);
  drawLegend(clone, 20, h0 + LEGEND_GAP, w - 40, t);
  clone.setAttribute('viewBox', `0 0 ${w} ${h}`);
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.removeAttribute('class');
  clone.removeAttribute('style');
  for (const el of clone.querySelectorAll<SVGElement>('[style]')) el.removeAttribute('style');
  for (const el of clone.querySelectorAll('[tabindex]')) el.removeAttribute('tabindex');
  for (const el of clone.querySelectorAll('[role], [aria-label]')) {
    el.removeAttribute('role');
    el.removeAttribute('aria-label');
  }
  clone.setAttribute('role', 'img');
  clone.setAttribute('aria-label', svg.getAttribute('aria-label') ?? t('step.diagram'));
  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
  return { markup, width: w, height: h, clone };
}

export function svgMarkup(svg: SVGSVGElement, t: T): string {
  return svgExport(svg, t).markup;
}

// Painted element by element (svg-raster.ts), not loaded as an image: no blob: or data: URL,
// so it works under a Content-Security-Policy whose img-src is 'self'.
async function svgToPng(svg: SVGSVGElement, t: T, scale = 2): Promise<Blob> {
  const { clone, width: w, height: h } = svgExport(svg, t);
  const canvas = dom.h('canvas', { width: Math.round(w * scale), height: Math.round(h * scale) });
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  paintSvg(ctx, clone, canvas.width, canvas.height);
  return await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

export function createExportPanel(src: ExportSources): HTMLElement {
  const el = dom.h('div', { class: 'export' });
  const status = dom.h('p', { class: 'export-status', role: 'status' });
  const t = src.t;
  const host = src.dialogHost ?? document.body;
  const act = (label: string, fn: () => Promise<string> | string) => {
    return dom.textButton(label, async () => {
      try {
        status.textContent = await fn();
      } catch (e) {
        status.textContent = t('export.failed', { message: (e as Error).message });
      }
    });
  };
  el.append(
    act(t('export.copyMd'), () => copyText(src.walkthrough('md'), t('export.mdWhat'), host, t)),
    act(t('export.downloadMd'), () => {
      downloadBlob(`${src.baseName()}-walkthrough.md`, new Blob([src.walkthrough('md')], { type: 'text/markdown' }));
      return t('export.mdDone');
    }),
    act(t('export.copyTex'), () => copyText(src.walkthrough('tex'), t('export.texWhat'), host, t)),
    act(t('export.downloadTex'), () => {
      downloadBlob(`${src.baseName()}-walkthrough.tex`, new Blob([src.walkthrough('tex')], { type: 'application/x-tex' }));
      return t('export.texDone');
    }),
    act(t('export.svg'), () => {
      downloadBlob(`${src.baseName()}.svg`, new Blob([svgMarkup(src.svg(), t)], { type: 'image/svg+xml' }));
      return t('export.svgDone');
    }),
    act(t('export.png'), async () => {
      downloadBlob(`${src.baseName()}.png`, await svgToPng(src.svg(), t));
      return t('export.pngDone');
    }),
    act(t('export.copySpec'), () => copyText(src.specJson(), t('export.specWhat'), host, t)),
    act(t('export.copyLink'), () => copyText(src.link(), t('export.linkWhat'), host, t)),
    status,
  );
  if (t('export.englishNote') !== englishCatalogue()['export.englishNote']) {
    // The walkthrough comes from the engine (core/walkthrough.cpp), in English: say so.
    el.append(dom.el('p', 'muted export-note', t('export.englishNote')));
  }
  return el;
}
