// The dev server's entry of web/customize.html (the built page runs the same code from the
// classic bundle, web/src/embed/bundle.ts, started by data-bpx-customize on its script tag).
import { defineElement } from '../embed/element';
import { startCustomize } from './page';

defineElement();
void startCustomize();
