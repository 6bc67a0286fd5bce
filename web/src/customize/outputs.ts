// The outputs of the customise page: what a teacher copies into a course. Each is one builder
// in OUTPUTS, made from the element's attributes (choice.ts: attributesOf), so the preview and
// every output show the same thing.
//
// `base` is where the teacher serves the dist/ folder, as typed on the page ('' = the same
// folder as the course page, '../dist/', 'https://example.edu/bpx/'); `page` is the address
// of the customise page, to make the links absolute.
//
// Next builder: "the standalone file pre-configured" (dist/backprop-explorer-standalone.html
// with this state built in) joins OUTPUTS once that file is in dist/; nothing else changes.
import { defaultSettings, settingsFromSpec, writeSettings, type PointDecoder } from '../settings/index';
import { trainHidden } from '../embed/options';
import { findPreset, presetTitle } from '../explorer/presets';
import { ENGLISH } from '../i18n/index';
import type { Spec } from '../engine';
import { attributesOf, partsOf, type Choice } from './choice';

export interface Where {
  base: string;
  page: string;
  /** The engine's reading of explicit data as points (engine.pointData), once it has loaded. */
  decode?: PointDecoder;
}

export interface OutputBuilder {
  id: string;
  title: string;
  /** One sentence under the title: where it goes and what it needs. */
  explain: string;
  /** 'code' is copied as text; 'link' is also opened. */
  kind: 'code' | 'link';
  build(c: Choice, where: Where): string;
}

/** `base` with a slash at the end (unless empty), then `file`. */
export function under(base: string, file: string): string {
  const b = base.trim();
  return b === '' || b.endsWith('/') ? `${b}${file}` : `${b}/${file}`;
}

/** An attribute value in HTML: single quotes around JSON (as docs/embedding.md writes it). */
function attribute(name: string, value: string): string {
  const amp = value.replace(/&/g, '&amp;');
  if (value.includes('"') && !value.includes("'")) return `${name}='${amp}'`;
  return `${name}="${amp.replace(/"/g, '&quot;')}"`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** embed.html's query for `c`: the attributes as URL parameters of the same names. */
export function embedQuery(c: Choice): string {
  return new URLSearchParams(attributesOf(c)).toString();
}

/** What the example is called, for an iframe's title. */
export function titleOf(c: Choice): string {
  if (c.mode === 'circuit') return 'Backprop Explorer: a circuit';
  const p = c.spec === null && c.preset ? findPreset(c.preset) : undefined;
  return p ? `Backprop Explorer: ${presetTitle(p, ENGLISH.t)}` : 'Backprop Explorer: your network';
}

function absolute(base: string, file: string, page: string): URL {
  return new URL(under(base, file), page);
}

const oneTag: OutputBuilder = {
  id: 'one-tag',
  title: 'One tag (course pages that allow scripts)',
  explain: 'Paste into the HTML of your page. The script address is relative to that page: put it where your copy of dist/ is.',
  kind: 'code',
  build(c, { base }) {
    const attrs = attributesOf(c).map(([k, v]) => ` ${attribute(k, v)}`).join('');
    return `<script defer src="${escapeHtml(under(base, 'backprop-explorer.js'))}"></script>\n<backprop-explorer${attrs}></backprop-explorer>`;
  },
};

const iframe: OutputBuilder = {
  id: 'iframe',
  title: 'iframe (LMS pages that strip scripts keep the iframe)',
  explain: 'The first line fits the frame to its content; where scripts are stripped, set a height above and the frame keeps it.',
  kind: 'code',
  build(c, { base }) {
    const src = `${under(base, 'embed.html')}?${embedQuery(c)}`;
    const height = c.height ? ` height: ${/^\d+(\.\d+)?$/.test(c.height) ? `${c.height}px` : c.height};` : '';
    return (
      `<script defer src="${escapeHtml(under(base, 'iframe-resize.js'))}"></script>\n` +
      `<iframe src="${escapeHtml(src)}"\n        title="${escapeHtml(titleOf(c))}" style="width: 100%; border: 0;${height}"></iframe>`
    );
  },
};

const studentLink: OutputBuilder = {
  id: 'link',
  title: 'Link: exactly this, in a whole browser tab',
  explain: 'embed.html with these settings, for a link in a course or a message to students.',
  kind: 'link',
  build(c, { base, page }) {
    const url = absolute(base, 'embed.html', page);
    url.search = embedQuery(c);
    return url.href;
  },
};

/** The full page's own URL parameters for the same example (web/src/app.ts, train/state.ts). */
function fullPageQuery(c: Choice, decode?: PointDecoder): URLSearchParams {
  const q = new URLSearchParams();
  if (c.mode === 'circuit') {
    q.set('mode', 'circuit');
    if (c.program !== null) q.set('program', c.program);
  } else if (c.mode === 'train') {
    q.set('mode', 'train');
    const spec = c.spec !== null ? (JSON.parse(c.spec) as Spec) : c.preset ? findPreset(c.preset)?.spec : undefined;
    if (spec) {
      // The spec as the training view's settings (web/src/settings/), as the element reads it.
      const s = { ...defaultSettings(), ...settingsFromSpec(spec, decode) };
      for (const [k, v] of writeSettings(s)) if (v !== null) q.set(k, v);
    }
    const shown = new Set(partsOf('train').filter((p) => c.parts[p] !== 'hidden'));
    const hide = trainHidden(shown);
    if (hide.length) q.set('hide', hide.join(','));
  } else {
    if (c.spec !== null) q.set('spec', c.spec);
    else if (c.preset) q.set('preset', c.preset);
    if (c.mode === 'practice') q.set('practice', '1');
  }
  if (c.theme !== 'auto') q.set('theme', c.theme);
  if (c.lang !== 'auto') q.set('lang', c.lang);
  return q;
}

const fullPage: OutputBuilder = {
  id: 'full-page',
  title: 'Link: the full explorer, opened at this example',
  explain: 'index.html with every tool; it does not hide or lock parts (that is what the embed does).',
  kind: 'link',
  build(c, { base, page, decode }) {
    const url = absolute(base, 'index.html', page);
    url.search = fullPageQuery(c, decode).toString();
    return url.href;
  },
};

export const OUTPUTS: readonly OutputBuilder[] = [oneTag, iframe, studentLink, fullPage];
