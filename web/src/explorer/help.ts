// The keyboard help overlay (a modal dialog), opened by its button or "?": it lists the
// keys of the view the key went to (or the page's view, for the button), as that view
// registered them with web/src/keys.ts.
import { onHelpKey, pageScope, type KeyScope } from '../keys';

const ALWAYS: [string, string][] = [
  ['?', 'This help'],
  ['Esc', 'Close a dialog or editor'],
  ['Tab', 'Move between controls; neurons and parameter tags in the diagram are focusable (Enter opens them)'],
];

function rowsHtml(rows: [string, string][]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return rows.map(([k, v]) => `<tr><th scope="row"><kbd>${esc(k)}</kbd></th><td>${esc(v)}</td></tr>`).join('');
}

export function installHelpOverlay(button: HTMLButtonElement): { open(scope?: KeyScope | null): void } {
  const dialog = document.createElement('dialog');
  dialog.className = 'help-dialog';
  dialog.setAttribute('aria-labelledby', 'help-title');
  dialog.innerHTML = `<h2 id="help-title">Keyboard shortcuts</h2>
    <table class="shortcuts"><tbody></tbody></table>
    <p>Shortcuts act on the view that has the focus, when the focus is not in a text field.</p>
    <form method="dialog"><button type="submit" autofocus>Close</button></form>`;
  document.body.append(dialog);
  const body = dialog.querySelector('tbody')!;
  const open = (scope: KeyScope | null = pageScope()) => {
    if (dialog.open) return;
    const own = (scope?.bindings() ?? []).map((b) => [b.label, b.confirm ? `${b.description} (press twice)` : b.description] as [string, string]);
    body.innerHTML = rowsHtml([...own, ...ALWAYS]);
    dialog.showModal();
  };
  button.addEventListener('click', () => open());
  dialog.addEventListener('close', () => button.focus());
  onHelpKey(open);
  return { open };
}
