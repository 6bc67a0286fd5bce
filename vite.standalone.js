// The standalone file of `npm run build`: dist/backprop-explorer-standalone.html, the full page
// (web/index.html) with dist/backprop-explorer.element.js inline (engine, fonts, styles and every
// view are inside that script: the one-tag script loads some views from sibling files), its icon as a data: URL: one file that opens from disk and makes no request.
// Written after the bundle (writeBundle), from the bytes vite.classic.js wrote, by the same
// function the page's "Download for offline use" calls (web/src/offline/standalone-html.js).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ELEMENT_BUNDLE } from './vite.classic.js';
import { standaloneHtml } from './web/src/offline/standalone-html.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export const STANDALONE = 'backprop-explorer-standalone.html';

export function standalonePage() {
  return {
    name: 'bpx-standalone-page',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir ?? here('./dist');
      const html = standaloneHtml({
        page: readFileSync(here('./web/index.html'), 'utf8'),
        bundle: readFileSync(path.join(dir, ELEMENT_BUNDLE), 'utf8'),
        icon: readFileSync(here('./web/favicon.svg'), 'utf8'),
      });
      writeFileSync(path.join(dir, STANDALONE), html);
    },
  };
}
