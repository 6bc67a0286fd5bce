// The keyboard help overlay (a modal dialog), opened by its button or "?".
export const SHORTCUTS: [string, string][] = [
  ['→ or N', 'Next phase'],
  ['← or P', 'Previous phase'],
  ['S', 'Step (to the end of the current step)'],
  ['Space', 'Play / Pause'],
  ['R', 'Reset to the initial parameters'],
  ['+ / −', 'Faster / slower animation'],
  ['I', 'Inspect the first output neuron'],
  ['E', 'In the inspector: sigmoid expanded / grouped'],
  ['G', 'In the inspector: gradients of the loss / of the activation'],
  ['?', 'This help'],
  ['Esc', 'Close a dialog or editor'],
  ['Tab', 'Move between controls; neurons and parameter tags in the diagram are focusable (Enter opens them)'],
];

export function installHelpOverlay(button: HTMLButtonElement): { open(): void } {
  const dialog = document.createElement('dialog');
  dialog.className = 'help-dialog';
  dialog.setAttribute('aria-labelledby', 'help-title');
  dialog.innerHTML = `<h2 id="help-title">Keyboard shortcuts</h2>
    <table class="shortcuts"><tbody>${SHORTCUTS.map(([k, v]) => `<tr><th scope="row"><kbd>${k}</kbd></th><td>${v}</td></tr>`).join('')}</tbody></table>
    <p>Shortcuts work in the step-through view when the focus is not in a text field.</p>
    <form method="dialog"><button type="submit" autofocus>Close</button></form>`;
  document.body.append(dialog);
  const open = () => {
    if (!dialog.open) dialog.showModal();
  };
  button.addEventListener('click', open);
  dialog.addEventListener('close', () => button.focus());
  document.addEventListener('keydown', (e) => {
    if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement;
    if (t.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (document.querySelector('dialog[open]')) return;
    e.preventDefault();
    open();
  });
  return { open };
}
