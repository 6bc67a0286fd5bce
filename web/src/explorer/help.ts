// The keyboard help overlay (a modal dialog), opened by its button or "?": it lists the
// keys of the view the key went to (or the page's view, for the button), as that view
// registered them with web/src/keys.ts.
import type { T } from '../i18n/index';
import { onHelpKey, pageScope, type KeyScope } from '../keys';
import { h } from '../dom';

const always = (t: T): [string, string][] => [
  ['?', t('help.this')],
  ['Esc', t('help.esc')],
  ['Tab', t('help.tab')],
];

function rowsHtml(rows: [string, string][]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return rows.map(([k, v]) => `<tr><th scope="row"><kbd>${esc(k)}</kbd></th><td>${esc(v)}</td></tr>`).join('');
}

export function installHelpOverlay(button: HTMLButtonElement, t: T): { open(scope?: KeyScope | null): void } {
  const dialog = h('dialog', { class: 'help-dialog', 'aria-labelledby': 'help-title' });
  dialog.innerHTML = `<h2 id="help-title">${t('help.title')}</h2>
    <table class="shortcuts"><tbody></tbody></table>
    <p>${t('help.focusNote')}</p>
    <form method="dialog"><button type="submit" autofocus>${t('help.close')}</button></form>`;
  document.body.append(dialog);
  const body = dialog.querySelector('tbody')!;
  const open = (scope: KeyScope | null = pageScope()) => {
    if (dialog.open) return;
    const own = (scope?.bindings() ?? []).map((b) => [b.label, b.confirm ? t('help.twice', { what: b.description }) : b.description] as [string, string]);
    body.innerHTML = rowsHtml([...own, ...always(t)]);
    dialog.showModal();
  };
  button.addEventListener('click', () => open());
  dialog.addEventListener('close', () => button.focus());
  onHelpKey(open);
  return { open };
}
