// Lazy views as classic scripts beside the one-tag script (used by vite.classic.js).
//
// The page's views that are not on screen at start (training, circuit) are dynamic imports
// in web/src/lazy-views.ts. Rolldown splits them into CommonJS chunks; this plugin turns the
// output into classic scripts, which is what works from file:// and under
// `script-src 'self' 'wasm-unsafe-eval'` (a module's dynamic import() does not work from disk):
// - backprop-explorer.js holds a small loader, then every chunk the entry needs at start,
//   each as a factory `(require, exports, module) => …`, and runs the entry at once (so
//   document.currentScript is still the tag);
// - every other chunk is a sibling file backprop-explorer-NAME.js that registers its
//   factory with the loader; a dynamic import becomes `loader.load(file)`, which injects
//   a <script src> for the file (and the sibling chunks it needs) once, then requires it.
// Without a <script> tag (the file bundled into another app through npm), no sibling can
// be found: that build is backprop-explorer.element.js with every chunk inside.
import { gzipSync } from 'node:zlib';
import { LICENSE_FILE } from './vite.licenses.js';

export const CHUNK_PREFIX = 'backprop-explorer-';
// Every file says where the licences of the code bundled in it are (the minifier drops theirs).
export const BANNER = `/*! Backprop Explorer. The bundled libraries' licences: ${LICENSE_FILE} */\n`;
// Every loader on the page (two copies of the script have two) sees every chunk file.
const LOADER_GLOBAL = '__backpropExplorerLoaders';
// What Rolldown's CommonJS output makes of `import('./x')` (minified or not).
const DYNAMIC_REQUIRE = /Promise\.resolve\(\)\.then\(\(\)\s*=>\s*require\((["'`])\.\/([^"'`]+)\1\)\)/g;
const STATIC_REQUIRE = /\brequire\((["'`])\.\/([^"'`]+)\1\)/g;

// The loader, as source text (it runs before any chunk; no module system around it).
const LOADER = `var L=(function(){
var scriptEl=typeof document!="undefined"?document.currentScript:null;
var base=scriptEl&&scriptEl.src?scriptEl.src:"";
var defs=Object.create(null),mods=Object.create(null),waits=Object.create(null);
function req(name){if(name.slice(0,2)=="./")name=name.slice(2);var m=mods[name];if(m)return m.exports;var f=defs[name];
if(!f)throw new Error("Backprop Explorer: chunk "+name+" is not loaded");
m=mods[name]={exports:{}};f(req,m.exports,m);return m.exports}
function fetchChunk(name){if(defs[name])return Promise.resolve();
if(waits[name])return waits[name].p;
if(!base)return Promise.reject(new Error("Backprop Explorer: "+name+" cannot be found (the script has no src); use backprop-explorer.element.js when bundling"));
var w={};w.p=new Promise(function(res,rej){w.res=res;var s=document.createElement("script");
s.src=new URL(name,base).href;s.async=true;
s.onerror=function(){delete waits[name];rej(new Error("Backprop Explorer: "+s.src+" did not load (keep it beside backprop-explorer.js)"))};
(document.head||document.documentElement).appendChild(s)});waits[name]=w;return w.p}
function define(name,deps,f){defs[name]=f;var w=waits[name];
Promise.all(deps.map(fetchChunk)).then(function(){if(w)w.res()},function(e){if(w)w.res(Promise.reject(e))})}
function load(name){return fetchChunk(name).then(function(){return req(name)})}
req.load=load;
(globalThis.${LOADER_GLOBAL}||(globalThis.${LOADER_GLOBAL}=[])).push(define);
return{define:define,req:req,load:load}})();`;

function rewriteDynamic(code, fail, where) {
  const out = code.replace(DYNAMIC_REQUIRE, (_, __, file) => `require.load(${JSON.stringify(file)})`);
  if (/Promise\.resolve\(\)\.then\([^)]*require\(/.test(out)) fail(`${where}: a dynamic import was not rewritten (Rolldown's CommonJS output changed): update DYNAMIC_REQUIRE in vite.chunks.js`);
  return out;
}

function staticDeps(code) {
  return [...new Set([...code.matchAll(STATIC_REQUIRE)].map((m) => m[2]))];
}

/** The output options that make Rolldown split the lazy views into CommonJS chunks. */
export function chunkOutput() {
  return {
    format: 'cjs',
    // A view's chunk is named after its folder under web/src (train, circuit).
    chunkFileNames: (c) => {
      const view = /web\/src\/([^/]+)\/index\.ts$/.exec(c.facadeModuleId ?? '')?.[1];
      return `${CHUNK_PREFIX}${view ?? '[name]'}.js`;
    },
  };
}

/** Rewrites the CommonJS output into the one-tag script and its sibling chunks. */
export function classicChunks(entryName) {
  return {
    name: 'bpx-classic-chunks',
    generateBundle(_, bundle) {
      const fail = (m) => this.error(m);
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry);
      if (!entry || entry.fileName !== entryName) fail(`the entry chunk is not ${entryName}`);
      // The chunks the entry needs at start: its static imports, transitively.
      const initial = new Set([entry.fileName]);
      for (const name of initial) for (const dep of bundle[name].imports) initial.add(dep);
      const factory = (c) => `function(require,exports,module){${rewriteDynamic(c.code, fail, c.fileName)}\n}`;
      const parts = [...initial].filter((n) => n !== entry.fileName).map((n) => `L.define(${JSON.stringify(n)},[],${factory(bundle[n])});`);
      entry.code = `${BANNER}(function(){"use strict";${LOADER}\n${parts.join('\n')}\nL.define(${JSON.stringify(entry.fileName)},[],${factory(entry)});L.req(${JSON.stringify(entry.fileName)})})();\n`;
      for (const n of initial) if (n !== entry.fileName) delete bundle[n];
      for (const c of chunks) {
        if (initial.has(c.fileName)) continue;
        const deps = staticDeps(c.code).filter((d) => !initial.has(d));
        c.code = `${BANNER}(function(f){${LOADER_GLOBAL}.forEach(function(define){define(${JSON.stringify(c.fileName)},${JSON.stringify(deps)},f)})})(${factory(c)});\n`;
      }
      const sizes = chunks.filter((c) => bundle[c.fileName]).map((c) => `${c.fileName} ${gzipSync(c.code, { level: 9 }).length} B gzipped`);
      this.info?.(sizes.join(', '));
    },
  };
}
