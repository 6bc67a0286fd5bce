// Keyboard shortcuts of the step-through view (listed in the help overlay).
export interface KeyActions {
  next(): void;
  previous(): void;
  step(): void;
  togglePlay(): void;
  reset(): void;
  faster(): void;
  slower(): void;
  inspect(): void;
}

export function installShortcuts(isActive: () => boolean, a: KeyActions): void {
  document.addEventListener('keydown', (e) => {
    if (!isActive() || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    // The element the key went to, also inside a shadow root (an embed), where e.target is the host.
    const t = (e.composedPath()[0] ?? e.target) as HTMLElement;
    if (!(t instanceof Element)) return;
    if (t.closest('input, textarea, select, [contenteditable="true"], .value-editor')) return;
    if (document.querySelector('dialog[open]')) return;
    const onButton = t.closest('button, [role="button"], [role="tab"], a');
    let handled = true;
    switch (e.key) {
      case 'ArrowRight':
      case 'n':
      case 'N':
        if (e.key === 'ArrowRight' && t.closest('[role="tab"]')) return;
        a.next();
        break;
      case 'ArrowLeft':
      case 'p':
      case 'P':
        if (e.key === 'ArrowLeft' && t.closest('[role="tab"]')) return;
        a.previous();
        break;
      case 's':
      case 'S':
        a.step();
        break;
      case ' ':
        if (onButton) return; // Space activates the focused button.
        a.togglePlay();
        break;
      case 'r':
      case 'R':
        a.reset();
        break;
      case '+':
      case '=':
        a.faster();
        break;
      case '-':
      case '_':
        a.slower();
        break;
      case 'i':
      case 'I':
        a.inspect();
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  });
}
