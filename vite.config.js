// Web build. `npm run dev` serves web/ as ES modules (index.html loads src/main.ts; embed.html
// and gallery.html load src/embed/bundle.ts; customize.html loads src/customize/main.ts).
// `npm run build` (vite build) makes dist/ with
// vite.classic.js: one classic script, dist/backprop-explorer.js, with the single-file wasm
// inside, and the pages that load it; so dist/ works from any server path (base './'), from
// file://, inside an iframe and under a strict Content-Security-Policy (docs/embedding.md);
// vite.standalone.js adds dist/backprop-explorer-standalone.html (everything in one file).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { classicConfig } from './vite.classic.js';
import { standalonePage } from './vite.standalone.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig(({ command, mode }) =>
  command === 'build'
    ? // The standalone file inlines the element build (every view inside, no sibling chunk).
      mode === 'element'
      ? withStandalone(classicConfig(mode))
      : classicConfig(mode)
    : {
        root: here('./web'),
        base: './',
        publicDir: false,
        server: {
          fs: { allow: [here('.')] },
        },
      },
);

function withStandalone(config) {
  return { ...config, plugins: [...config.plugins, standalonePage()] };
}
