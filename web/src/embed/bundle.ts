// The classic bundle (dist/backprop-explorer.js, built by vite.classic.js as one IIFE with the
// single-file wasm inside): defines <backprop-explorer>, and
// - with data-bpx-app on its <script> tag (dist/index.html): starts the full page;
// - on a page whose <body> has data-bpx-frame (dist/embed.html): the iframe way in;
// - with data-bpx-customize on its <script> tag (dist/customize.html): the customise page.
// Under the dev server the same file is a module entry (embed.html, gallery.html).
import { startApp } from '../app';
import { defineElement } from './element';
import { startFrame } from './frame';
import { startCustomize } from '../customize/page';
import { adopt, documentSheets } from './styles';

const script = document.currentScript as HTMLScriptElement | null;

function whenParsed(fn: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn, { once: true });
  else fn();
}

if (script?.hasAttribute('data-bpx-app')) {
  defineElement();
  adopt(document, documentSheets());
  whenParsed(() => void startApp());
} else if (script?.hasAttribute('data-bpx-customize')) {
  defineElement();
  whenParsed(() => void startCustomize());
} else if (document.body?.hasAttribute('data-bpx-frame')) {
  // Options first, then the element starts once, with them.
  whenParsed(() => {
    startFrame();
    defineElement();
  });
} else {
  defineElement();
}
