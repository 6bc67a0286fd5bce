// The outputs of the customise page: what a teacher copies into a course. Each is one builder
// in OUTPUTS, made from the element's attributes (choice.ts: attributesOf), so the preview and
// every output show the same thing.
//
// `base` is where the teacher serves the dist/ folder, as typed on the page ('' = the same
// folder as the course page, '../dist/', 'https://example.edu/bpx/'); `page` is the address
// of the customise page, to make the links absolute.
//
// The standalone file is one builder too: its text is the state the file carries (embed.html's
// parameters), which output-view.ts saves as dist/backprop-explorer-standalone.html.
import { defaultSettings, settingsFromSpec, writeSettings, type PointDecoder } from '../settings/index';
import { trainHidden } from '../embed/options';
import { findPreset, presetTitle } from '../explorer/presets';
import { supported, translator, type Key, type T } from '../i18n/index';
import type { Spec } from '../engine';
import { attributesOf, partsOf, type Choice } from './choice';

export interface Where {
  base: string;
  page: string;
  /** The customise page's language (the iframe's title when the choice leaves it to the reader). */
  t: T;
  /** The engine's reading of explicit data as points (engine.pointData), once it has loaded. */
  decode?: PointDecoder;
}

export interface OutputBuilder {
  id: string;
  title: Key;
  /** One sentence under the title: where it goes and what it needs. */
  explain: Key;
  /** 'code' is copied as text; 'link' is also opened; 'file' is the state a saved file carries. */
  kind: 'code' | 'link' | 'file';
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

/** What the example is called, for an iframe's title: in the element's language, else the page's. */
export function titleOf(c: Choice, pageT: T): string {
  const lang = supported(c.lang);
  const t = lang ? translator(lang) : pageT;
  if (c.mode === 'circuit') return t('customize.frameCircuit');
  const p = c.spec === null && c.preset ? findPreset(c.preset) : undefined;
  return p ? t('customize.frameTitle', { example: presetTitle(p, t) }) : t('customize.frameOwn');
}

/** The script line both snippets start with: `file` under the teacher's dist/. */
function scriptTag(base: string, file: string): string {
  return `<script defer src="${escapeHtml(under(base, file))}"></script>`;
}

/** A link output: `file` under `base`, made absolute from the customise page, with `query`. */
function linkOutput(id: string, title: Key, explain: Key, file: string, query: (c: Choice, where: Where) => string): OutputBuilder {
  return {
    id,
    title,
    explain,
    kind: 'link',
    build(c, where) {
      const url = new URL(under(where.base, file), where.page);
      url.search = query(c, where);
      return url.href;
    },
  };
}

const oneTag: OutputBuilder = {
  id: 'one-tag',
  title: 'customize.out.oneTag',
  explain: 'customize.out.oneTag.explain',
  kind: 'code',
  build(c, { base }) {
    const attrs = attributesOf(c).map(([k, v]) => ` ${attribute(k, v)}`).join('');
    return `${scriptTag(base, 'backprop-explorer.js')}\n<backprop-explorer${attrs}></backprop-explorer>`;
  },
};

const iframe: OutputBuilder = {
  id: 'iframe',
  title: 'customize.out.iframe',
  explain: 'customize.out.iframe.explain',
  kind: 'code',
  build(c, { base, t }) {
    const src = `${under(base, 'embed.html')}?${embedQuery(c)}`;
    const height = c.height ? ` height: ${/^\d+(\.\d+)?$/.test(c.height) ? `${c.height}px` : c.height};` : '';
    return (
      `${scriptTag(base, 'iframe-resize.js')}\n` +
      `<iframe src="${escapeHtml(src)}"\n        title="${escapeHtml(titleOf(c, t))}" style="width: 100%; border: 0;${height}"></iframe>`
    );
  },
};

const studentLink = linkOutput('link', 'customize.out.link', 'customize.out.link.explain', 'embed.html', (c) => embedQuery(c));

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

const fullPage = linkOutput('full-page', 'customize.out.fullPage', 'customize.out.fullPage.explain', 'index.html', (c, { decode }) =>
  fullPageQuery(c, decode).toString(),
);

/** The state built into the saved file: the link's parameters (the file is embed.html inlined). */
const standaloneFile: OutputBuilder = {
  id: 'file',
  title: 'customize.out.file',
  explain: 'customize.out.file.explain',
  kind: 'file',
  build: (c) => embedQuery(c),
};

export const OUTPUTS: readonly OutputBuilder[] = [oneTag, iframe, studentLink, fullPage, standaloneFile];
