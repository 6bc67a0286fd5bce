// App shell: loads the engine once, mounts the step-through explorer and (lazily) the
// training view, and switches between them without destroying either. Started by main.ts
// (the dev server's module entry) and by the classic bundle (web/src/embed/bundle.ts) that
// the built dist/index.html loads, so the page also works from file:// and under a strict CSP.
//
// The training and circuit views (web/src/lazy-views.ts) are loaded the first time they are opened.
// The mode switch is a tablist: getByRole('tab', { name: 'Step through' | 'Train' }).
// `mode=train` in the URL (query or fragment: web/src/url-state.ts) opens the training view.
import { loadEngine, type Engine, type Session } from './engine';
import { mountExplorer } from './explorer/index';
import { openInspector } from './inspector/index';
import { installHelpOverlay } from './explorer/help';
import { installPageTheme } from './page-theme';
import { linkTooLongMessage, readPageParams } from './page-params';
import type { TrainViewHandle } from './train/index';
import type { CircuitView } from './circuit/index';
import { loadCircuitView, loadTrainView } from './lazy-views';
import { loadLocale, resolveLang, supported, unavailableText, type T } from './i18n/index';
import { h } from './dom';
import { translatePage } from './i18n/static-page';
import { installOfflineDownload } from './offline/download';
import { trainSettingsFromUrl, writeTrainUrl } from './train-url';
import { updateState } from './url-state';
import { loadMath, mathUnavailableText } from './katex-html';

type Mode = 'step' | 'train' | 'circuit';

const MODES: Mode[] = ['step', 'train', 'circuit'];

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The customise page speaks the language asked of this one (?lang=), not only the browser's. */
function passLanguage(link: HTMLAnchorElement | null, lang: string | null): void {
  if (!link || !lang) return;
  const url = new URL(link.href);
  url.searchParams.set('lang', lang);
  link.href = url.href;
}

/** Starts the app shell on the page of web/index.html (its ids must be there). */
export async function startApp(): Promise<void> {
  const status = byId<HTMLParagraphElement>('app-status');
  const stepHost = byId<HTMLElement>('view-step');
  const trainHost = byId<HTMLElement>('view-train');
  const tabs: Record<Mode, HTMLButtonElement> = {
    step: byId<HTMLButtonElement>('tab-step'),
    train: byId<HTMLButtonElement>('tab-train'),
    circuit: byId<HTMLButtonElement>('tab-circuit'),
  };
  const { params, tooLong } = readPageParams();
  // ?lang=de, else the browser's languages; ?decimal=comma|locale shows decimal commas.
  const locale = await loadLocale(resolveLang(params.get('lang')), params.get('decimal'));
  const t = locale.t;
  translatePage(document, locale);
  passLanguage(document.querySelector<HTMLAnchorElement>('a.customize-link'), supported(params.get('lang')));
  const notice = tooLong === null ? null : linkTooLongMessage(t, tooLong);
  installPageTheme(params, document.getElementById('theme-select') as HTMLSelectElement | null);
  const live = byId<HTMLElement>('live-region');
  // The step-through view (on screen at start) writes equations: KaTeX's chunk, beside the engine.
  const math = loadMath();

  let engine: Engine;
  try {
    engine = await loadEngine();
    await math; // false when it cannot load: the equations come as TeX, and the status says why
  } catch (err) {
    status.textContent = t('app.loadFailed', { message: (err as Error).message });
    status.classList.add('error');
    return;
  }
  engine.onLost(() => showEngineLost(t));
  const said = [notice ?? '', unavailableText(locale), mathUnavailableText(t)].filter(Boolean).join(' ');
  status.textContent = said;
  status.hidden = !said;

  const inspectorHost = document.body;
  const openInspectorFor = (session: Session, layer: number, unit: number, example: number) =>
    openInspector(inspectorHost, session, layer, unit, example, { locale });

  const explorer = mountExplorer(stepHost, engine, { params, live, openInspector: openInspectorFor, locale });
  installHelpOverlay(byId<HTMLButtonElement>('help-button'), t);
  installOfflineDownload(byId<HTMLButtonElement>('offline-button'), status, t);
  keepStateOnSkipLink();

  let trainView: TrainViewHandle | null = null;
  let trainLoading: Promise<void> | null = null;
  let mode: Mode = 'step';
  let circuitView: CircuitView | undefined;

  async function ensureTrainView(): Promise<void> {
    if (trainView) return;
    if (!trainLoading) {
      trainLoading = (async () => {
        const mod = await loadTrainView();
        trainView = mod.mountTrainView(trainHost, engine, { ...trainSettingsFromUrl(params), openInspector: openInspectorFor, ownsPage: true, onSettings: writeTrainUrl, locale });
      })();
    }
    await trainLoading;
  }

  async function setMode(next: Mode, { focus = false, push = true } = {}): Promise<void> {
    mode = next;
    for (const [m, tab] of Object.entries(tabs) as [Mode, HTMLButtonElement][]) {
      const on = m === next;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
    }
    stepHost.hidden = next !== 'step';
    trainHost.hidden = next !== 'train';
    byId<HTMLElement>('view-circuit').hidden = next !== 'circuit';
    if (next !== 'circuit') circuitView?.hide();
    document.body.dataset.mode = next;
    if (push) updateState((p) => (next !== 'step' ? p.set('mode', next) : p.delete('mode')));
    if (next === 'step') {
      trainView?.hide();
      explorer.show();
    } else if (next === 'circuit') {
      explorer.hide();
      trainView?.hide();
      const { mountCircuitView } = await loadCircuitView();
      if (mode === 'circuit') (circuitView ??= mountCircuitView(byId('view-circuit'), engine, { params, locale })).show();
    } else {
      explorer.hide();
      await ensureTrainView();
      if (mode === 'train') trainView?.show();
    }
    if (focus) tabs[next].focus();
  }

  for (const [m, tab] of Object.entries(tabs) as [Mode, HTMLButtonElement][]) {
    tab.addEventListener('click', () => void setMode(m));
    tab.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft' || e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        const i = MODES.indexOf(m) + (e.key === 'ArrowRight' ? 1 : MODES.length - 1);
        const target = e.key === 'Home' ? 'step' : e.key === 'End' ? 'circuit' : MODES[i % MODES.length];
        void setMode(target, { focus: true });
      }
    });
  }

  const asked = params.get('mode') as Mode;
  await setMode(MODES.includes(asked) ? asked : 'step', { push: false });
  document.body.dataset.ready = 'true';
}


/**
 * The engine was lost (out of memory, or a damaged module) and every view's session with it. The
 * page's state lives in its address (url-state.ts), so a reload brings the reader back to it on a
 * fresh engine: an alert at the top of the page says so and offers the reload (never automatic,
 * so a state that cannot load cannot loop).
 */
function showEngineLost(t: T): void {
  const main = byId<HTMLElement>('main');
  if (main.querySelector('.engine-lost')) return;
  const reload = h('button', { type: 'button' }, t('app.reload'));
  reload.addEventListener('click', () => location.reload());
  const alert = h('div', { class: 'engine-lost', role: 'alert' }, h('p', {}, t('app.engineLost')), reload);
  main.prepend(alert);
  reload.focus();
}

/** "Skip to content" moves the focus without writing #main over the state in the fragment. */
function keepStateOnSkipLink(): void {
  const link = document.querySelector<HTMLAnchorElement>('.skip-link');
  link?.addEventListener('click', (e) => {
    e.preventDefault();
    byId<HTMLElement>('main').focus();
  });
}
