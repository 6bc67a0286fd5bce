// The Code tab beside the Equations of the step-through view: the step as NumPy or PyTorch,
// the current phase highlighted with shapes, values and slip notes, and "Download as Python".
// Everything shown comes from the engine (engine.codeLines / codeScript); nothing is computed here.
import { ENGLISH, type Key, type Locale } from '../i18n/index';
import { showError } from '../i18n/errors';
import type { Engine, Session } from '../engine';
import type { CodeLang, PhaseCode } from './engine-code';
import { renderListing, type ListingState } from './listing';
import './code.css';
import { h, textButton } from '../dom';

export interface CodeTabOptions {
  engine: Engine;
  session: () => Session;
  digits: () => number;
  /** File names of downloads: `${baseName()}-numpy.py`. */
  baseName?: () => string;
  /** The view's language (default English). */
  locale?: Locale;
}

export interface CodeTab {
  /** Call after every change of the session (phase, load, reset). */
  update(): void;
}

const LANGS: { id: CodeLang; label: string; intro: Key }[] = [
  { id: 'numpy', label: 'NumPy', intro: 'code.numpyIntro' },
  { id: 'pytorch', label: 'PyTorch', intro: 'code.pytorchIntro' },
];

let counter = 0;

export function mountCodeTab(col: HTMLElement, opts: CodeTabOptions): CodeTab {
  const engine = opts.engine;
  const locale = opts.locale ?? ENGLISH;
  const t = locale.t;
  const id = `code-tab-${++counter}`;
  const foundHeading = col.querySelector('h2');
  const foundEquations = col.querySelector<HTMLElement>('.math');
  if (!foundHeading || !foundEquations) throw new Error('mountCodeTab: the column needs an h2 and a .math panel');
  const heading: HTMLElement = foundHeading;
  const equations: HTMLElement = foundEquations;

  const tabs = h('div', { class: 'code-tabs', role: 'tablist', 'aria-label': t('code.tabs') });
  const panel = h('div', { class: 'code-panel', id: `${id}-panel`, 'data-testid': 'code', role: 'tabpanel', hidden: true });
  equations.id ||= `${id}-equations`;
  equations.setAttribute('role', 'tabpanel');

  const tabButtons = [t('code.equations'), t('code.code')].map((name, i) => {
    const tab = h('button', { type: 'button', class: 'code-tab', id: `${id}-tab-${i}`, role: 'tab', 'aria-controls': i === 0 ? equations.id : panel.id }, name);
    tabs.append(tab);
    return tab;
  });
  equations.setAttribute('aria-labelledby', tabButtons[0].id);
  panel.setAttribute('aria-labelledby', tabButtons[1].id);
  heading.after(tabs);
  equations.after(panel);

  // Toolbar: language switch, downloads, status.
  const langs = h('fieldset', { class: 'code-langs' }, h('legend', { class: 'sr-only' }, t('code.language')));
  let lang: CodeLang = 'numpy';
  for (const l of LANGS) {
    const input = h('input', { type: 'radio', name: `${id}-lang`, value: l.id });
    input.checked = l.id === lang;
    input.addEventListener('change', () => {
      lang = l.id;
      render();
    });
    langs.append(h('label', {}, input, ` ${l.label}`));
  }
  const downloads = h('div', { class: 'code-downloads' }, ...LANGS.map((l) => textButton(t('code.download', { label: l.label }), () => download(l.id, l.label))));
  const status = h('p', { class: 'code-status', role: 'status' });
  const intro = h('p', { class: 'code-intro' });
  const listing = h('div', { class: 'code-listing' });
  panel.append(h('div', { class: 'code-bar' }, langs, downloads), intro, status, listing);

  const listingState: ListingState = { pinned: new Set(), locale };
  let cacheKey = '';
  let phases: PhaseCode[] = [];
  let dirty = true;

  function select(i: number, focus: boolean): void {
    tabButtons.forEach((tab, k) => {
      tab.setAttribute('aria-selected', String(k === i));
      tab.tabIndex = k === i ? 0 : -1;
    });
    equations.hidden = i !== 0;
    panel.hidden = i !== 1;
    heading.textContent = i === 0 ? t('code.equations') : t('code.code');
    if (focus) tabButtons[i].focus();
    if (i === 1 && dirty) render();
  }
  tabButtons.forEach((tab, i) => {
    tab.addEventListener('click', () => select(i, false));
    tab.addEventListener('keydown', (e) => {
      const to = e.key === 'ArrowRight' || e.key === 'End' ? 1 : e.key === 'ArrowLeft' || e.key === 'Home' ? 0 : -1;
      if (to < 0) return;
      e.preventDefault();
      select(to, true);
    });
  });
  select(0, false);

  function allPhases(session: Session): PhaseCode[] {
    const st = session.state();
    const key = `${lang}|${st.batch.length}|${JSON.stringify(session.spec())}`;
    if (key !== cacheKey) {
      phases = st.phases.map((_, i) => engine.codeLines(session, { lang, phase: i }));
      cacheKey = key;
    }
    return phases;
  }

  function render(): void {
    dirty = false;
    const session = opts.session();
    intro.textContent = t(LANGS.find((l) => l.id === lang)!.intro);
    const code = engine.codeLines(session, { lang });
    const current = renderListing(listing, allPhases(session), code, opts.digits(), listingState);
    panel.dataset.phase = code.phase.label;
    panel.dataset.lang = lang;
    if (current && listing.scrollHeight > listing.clientHeight) {
      listing.scrollTop = Math.max(0, current.offsetTop - listing.offsetTop - 8);
    }
  }

  function download(which: CodeLang, label: string): void {
    const session = opts.session();
    const st = session.state();
    const steps = Math.min(engine.codeMaxSteps, Math.max(1, st.step + (st.cursor > 0 ? 1 : 0)));
    let text: string;
    try {
      text = engine.codeScript(session, { lang: which, steps });
    } catch (e) {
      showError(status, e, locale, t('code.failed'));
      return;
    }
    const name = `${opts.baseName?.() ?? 'network'}-${which}.py`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/x-python' }));
    const a = h('a', { href: url, download: name, rel: 'noopener', hidden: true });
    panel.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    status.textContent = t(steps === 1 ? 'code.downloaded1' : 'code.downloaded', { label, name, steps });
  }

  return {
    update() {
      if (panel.hidden) {
        dirty = true;
        return;
      }
      render();
    },
  };
}
