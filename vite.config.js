// Web build: the page under web/ is built to dist/ at the repository root.
// base './' keeps every URL relative, so dist/ works from any sub-path of a server.
// The engine's .wasm is imported with ?url (web/src/engine.ts) and handed to the
// Emscripten glue through locateFile, so it is emitted as a hashed asset next to the JS.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./web'),
  base: './',
  publicDir: false,
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Never inline the wasm (or KaTeX fonts) as data: URLs; they stay separate files.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  server: {
    fs: { allow: [here('.')] },
  },
});
