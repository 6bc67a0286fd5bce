// Entry of web/index.html under the dev server (ES modules, styles injected by Vite).
// The built page loads the classic bundle instead (web/src/embed/bundle.ts, see vite.classic.js),
// which adopts the same styles as constructable stylesheets and calls startApp().
import 'katex/dist/katex.min.css';
import './styles/app.css';
import { startApp } from './app';

void startApp();
