// The production build (`npm run build` → vite build): one classic script, dist/backprop-explorer.js,
// an IIFE with the single-file wasm, the styles and the KaTeX fonts inside, plus the pages that
// load it (dist/index.html, embed.html, gallery.html, customize.html) and a few static files.
//
// Why one classic script: it is the only thing that works everywhere the explorer is embedded:
// from file:// (module scripts and a separate .wasm are blocked there), under
// `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'` (no inline code, styles as
// constructable sheets), as one <script> tag on a course page, and inside an iframe.
// The dev server (`npm run dev`, vite.config.js) keeps serving web/ as ES modules.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { BANNER, chunkOutput, classicChunks } from './vite.chunks.js';
import { katexFontSubsets } from './vite.fonts.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export const BUNDLE = 'backprop-explorer.js';
/** The same script with the lazy views inside, for bundlers (`import 'backprop-explorer/element'`). */
import { OFFLINE_BUNDLE } from './web/src/offline/standalone-html.js';
import { LICENSE_FILE, engineLicenses } from './vite.licenses.js';
export const ELEMENT_BUNDLE = OFFLINE_BUNDLE;
const PAGES = ['index.html', 'embed.html', 'gallery.html', 'customize.html'];
/** Each page's dev-server module entry, and the attribute that tells the bundle which page it is. */
const ENTRIES = { main: ' data-bpx-app', 'embed/bundle': '', 'customize/main': ' data-bpx-customize' };
/** Static files copied into dist/ as they are: [source, name in dist/]. */
const STATIC = [
  ['web/src/embed/gallery.css', 'gallery.css'],
  ['web/src/customize/customize.css', 'customize.css'],
  ['web/src/embed/iframe-resize.js', 'iframe-resize.js'],
  ['web/src/embed/backprop-explorer.d.ts', 'backprop-explorer.d.ts'],
  // A file, not a data: URL: a page under default-src 'self' may load it.
  ['web/favicon.svg', 'favicon.svg'],
];
const GLUE = here('./bindings/wasm/dist/bpx_wasm.mjs');
const SINGLE = here('./bindings/wasm/dist/bpx_wasm_single.js');
const FONT_FACE = /@font-face\s*\{[^}]*\}/g;
// The single-file glue fetch()es its own data: URL. Under a CSP with connect-src (or
// default-src) that would need `data:`; decoding it in place (the glue's own fallback) needs
// nothing.
const FETCH_DATA_URI = 'if(typeof fetch=="function"){return fetch(wasmBinaryFile';
const DECODE_DATA_URI = 'if(typeof fetch=="function"&&!isDataURI(wasmBinaryFile)){return fetch(wasmBinaryFile';

// The inlined wasm, packed before it is written as base64 (base64 of the raw module
// compresses badly: gzip of the bundle then carries about 40 KB more). Packed by Debian's xz
// (LZMA2, preset 9e, dictionary as large as the module; CRC32, which the decoder checks):
// about 34 KB (14 %) smaller than Zopfli's deflate of the same module. The glue's one
// asynchronous read of its data: URL unpacks it with xz-decompress (xz-embedded compiled to
// wasm, 10 KB gzipped, bundled: no fetch, so nothing for a Content-Security-Policy to refuse;
// works from file:// too). Its cost at start: bench/wasm-decode.mjs.
const WASM_DATA_URI = /(wasmBinaryFile=")(data:application\/octet-stream;base64,)([A-Za-z0-9+/=]+)(")/;
const READ_DATA_URI = 'return Promise.resolve().then(function(){return getBinary(wasmBinaryFile)})';
const UNPACK_DATA_URI =
  'return wasmBinary?Promise.resolve().then(function(){return getBinary(wasmBinaryFile)}):' +
  'new Response(new (require("xz-decompress").XzReadableStream)(new Blob([intArrayFromBase64(wasmBinaryFile.slice(dataURIPrefix.length))]).stream()))' +
  '.arrayBuffer().then(function(b){return new Uint8Array(b)})';
export const XZ_ARGS = ['--format=xz', '--check=crc32', '--lzma2=preset=9e,dict=1MiB,lc=4,pb=0', '--stdout', '--quiet'];

/** The module packed by xz (XZ_ARGS); fails with what to install when xz is missing. */
export function xzPack(bytes) {
  const r = spawnSync('xz', XZ_ARGS, { input: bytes, maxBuffer: 64 << 20 });
  if (r.error?.code === 'ENOENT') throw new Error('vite build: xz was not found: install it (apt-get install xz-utils; bash scripts/setup.sh does)');
  if (r.status !== 0) throw new Error(`vite build: xz failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/**
 * The single-file glue as the bundle inlines it: the wasm packed by xz, read without fetch().
 * Throws (failing the build) when a pattern it patches is missing, i.e. when the Emscripten
 * glue changed: a bundle with an unpatched glue would break under a strict CSP.
 */
export function patchSingleGlue(code) {
  const missing = (what, names) => {
    throw new Error(`bpx_wasm_single.js: ${what} was not found (the Emscripten glue changed): update ${names} in vite.classic.js`);
  };
  if (!code.includes(FETCH_DATA_URI)) missing('the fetch of the inlined wasm', 'FETCH_DATA_URI');
  const decoded = code.replace(FETCH_DATA_URI, DECODE_DATA_URI);
  const m = WASM_DATA_URI.exec(decoded);
  if (!m || !decoded.includes(READ_DATA_URI)) missing('the inlined wasm or its read', 'WASM_DATA_URI and READ_DATA_URI');
  const packed = xzPack(Buffer.from(m[3], 'base64')).toString('base64');
  return decoded.replace(WASM_DATA_URI, `$1$2${packed}$4`).replace(READ_DATA_URI, UNPACK_DATA_URI);
}

/** Swaps the ES-module glue for the single-file build; drops side-effect CSS imports. */
function classicModules() {
  return {
    name: 'bpx-classic-modules',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source.endsWith('bpx_wasm.wasm?url')) return '\0bpx-no-wasm-url';
      if (source.endsWith('/bpx_wasm.mjs')) {
        const r = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (r?.id === GLUE) return SINGLE;
      }
      // `import './x.css'` (for the dev server's document): the bundle adopts the same CSS
      // from its ?inline imports (web/src/embed/styles.ts).
      if (source.endsWith('.css')) return '\0bpx-no-css';
      return null;
    },
    load(id) {
      if (id === '\0bpx-no-wasm-url') return 'export default "";';
      if (id === '\0bpx-no-css') return 'export {};';
      // KaTeX's @font-face rules (60 font files) would be inlined; fonts come from fonts.ts.
      if (/katex\.min\.css\?inline$/.test(id)) return readFileSync(id.replace(/\?.*$/, ''), 'utf8').replace(FONT_FACE, '');
      return null;
    },
    async transform(code, id) {
      if (id !== SINGLE) return null;
      return { code: patchSingleGlue(code), map: null };
    },
  };
}

/** Writes the pages with the classic script in place of the dev server's module entry. */
function classicPages() {
  return {
    name: 'bpx-classic-pages',
    generateBundle() {
      for (const page of PAGES) {
        const source = readFileSync(here(`./web/${page}`), 'utf8');
        const html = source
          .replace(
            /<script type="module" src="\.\/src\/(main|embed\/bundle|customize\/main)\.ts"><\/script>/g,
            (_, entry) => `<script defer src="./${BUNDLE}"${ENTRIES[entry]}></script>`,
          )
          .replace(/\.\/src\/(?:embed|customize)\/(gallery\.css|customize\.css|iframe-resize\.js)/g, './$1');
        if (/type="module"|\.\/src\//.test(html)) this.error(`web/${page}: a module script or a source path is left in the built page`);
        this.emitFile({ type: 'asset', fileName: page, source: html });
      }
      for (const [from, to] of STATIC) this.emitFile({ type: 'asset', fileName: to, source: readFileSync(here(`./${from}`)) });
    },
  };
}

/**
 * `vite build`: dist/ with the one-tag script, its lazy view chunks (vite.chunks.js) and the
 * pages; `vite build --mode element`: adds dist/backprop-explorer.element.js, one IIFE with
 * every view inside (a bundler that includes the file cannot find sibling chunks).
 */
export function classicConfig(mode = 'production') {
  const element = mode === 'element';
  return {
    root: here('./web'),
    base: './',
    publicDir: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [katexFontSubsets(), classicModules(), ...(element ? [] : [classicPages(), classicChunks(BUNDLE), engineLicenses()])],
    build: {
      outDir: here('./dist'),
      emptyOutDir: !element,
      target: 'es2022',
      sourcemap: false,
      minify: true,
      chunkSizeWarningLimit: 2000,
      // The bundled packages' licences (the minifier drops their comments); vite.licenses.js adds the engine's.
      license: element ? false : { fileName: LICENSE_FILE },
      lib: {
        entry: here('./web/src/embed/bundle.ts'),
        formats: [element ? 'iife' : 'cjs'],
        name: 'BackpropExplorer',
        fileName: () => (element ? ELEMENT_BUNDLE : BUNDLE),
      },
      rollupOptions: { output: element ? { inlineDynamicImports: true, postBanner: BANNER.trimEnd() } : chunkOutput() },
    },
  };
}
