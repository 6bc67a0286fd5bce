// Tabs over the step view's panels (diagram, equations, about) for phones and narrow embeds.
// Stacked in one column, the equations end up far below the buttons that change them; under
// the narrow width the tab bar sits right under the controls and one panel shows at a time,
// so "Next phase" and the equations it changes share the screen. The bar and the hiding are
// CSS (app.css, a container query inside an element), so wide layouts are unchanged and no
// resize handling is needed here.
import { h } from '../dom';

export interface PanelTab {
  id: string;
  label: string;
  panel: HTMLElement;
}

// Each bar's select(), for keepShownTabSelected below.
const selectors = new WeakMap<HTMLElement, (id: string) => void>();

/** The tab bar; the first tab starts selected. */
export function createPanelTabs(tabs: PanelTab[], label: string): HTMLElement {
  const bar = h('div', { class: 'panel-tabs', role: 'tablist', 'aria-label': label });
  const buttons = tabs.map((tab) => {
    tab.panel.id ||= `panel-${tab.id}`;
    tab.panel.dataset.tabPanel = tab.id;
    const b = h('button', { type: 'button', role: 'tab', class: 'panel-tab', 'data-panel': tab.id, 'aria-controls': tab.panel.id }, tab.label);
    b.addEventListener('click', () => select(tab.id, true));
    return b;
  });
  bar.append(...buttons);

  /** Shows one panel (on narrow layouts); the others stay in the DOM, hidden by CSS. */
  function select(id: string, focus = false): void {
    tabs.forEach((tab, i) => {
      const on = tab.id === id;
      buttons[i].setAttribute('aria-selected', String(on));
      buttons[i].tabIndex = on ? 0 : -1;
      tab.panel.classList.toggle('tab-shown', on);
      if (on && focus) buttons[i].focus();
    });
  }

  // Arrow keys, Home and End move between the tabs that are shown (an embed may hide a panel).
  bar.addEventListener('keydown', (e) => {
    const shown = buttons.filter((b) => b.offsetParent !== null);
    const at = shown.indexOf(e.target as HTMLButtonElement);
    if (at < 0) return;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: shown.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = shown[(to + shown.length) % shown.length];
    select(next.dataset.panel!, true);
  });

  select(tabs[0].id);
  selectors.set(bar, (id) => select(id));
  return bar;
}

/** After an embed leaves a part out (controls="…"), a selected tab that is now hidden would
 * leave no panel on screen: the first tab still shown is selected instead. */
export function keepShownTabSelected(bar: HTMLElement): void {
  const buttons = [...bar.querySelectorAll<HTMLButtonElement>('.panel-tab')];
  const shown = (b: HTMLButtonElement) => getComputedStyle(b).display !== 'none';
  const selected = buttons.find((b) => b.getAttribute('aria-selected') === 'true');
  const first = buttons.find(shown);
  if (selected && !shown(selected) && first) selectors.get(bar)?.(first.dataset.panel!);
}
