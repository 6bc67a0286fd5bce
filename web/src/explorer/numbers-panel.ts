// The "All numbers" panel: open for small networks, closed for large ones (layout.ts decides
// which is which). A closed panel is filled when the reader opens it, not at every phase: the
// matrices of the largest network are thousands of cells.
import { isDetailed } from './layout';
import type { Snapshot } from './snapshot';

/** `draw(s)` fills the panel; the returned update(s, load) runs at each render. */
export function deferredNumbers(panel: HTMLDetailsElement, draw: (s: Snapshot) => void, latest: () => Snapshot): (s: Snapshot, load: boolean) => void {
  let stale = false;
  panel.addEventListener('toggle', () => {
    if (!panel.open || !stale) return;
    stale = false;
    draw(latest());
  });
  return (s, load) => {
    if (load) panel.open = isDetailed(s.layers);
    stale = !panel.open;
    if (panel.open) draw(s);
  };
}
