// Messages of the training view: an error in the slot beside the control that caused it
// (data-err, placed by web/src/settings/placement.ts), or in the general slot under the status.
import { h } from '../dom';

export function clearErrors(root: HTMLElement): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-err]')) {
    el.textContent = '';
    el.closest('.bpx-t-field')?.classList.remove('bpx-t-invalid');
  }
}

/** Shows `message` in the slot `key` (empty: clears it); a slot the view lacks falls back to the general one. */
export function setError(root: HTMLElement, status: HTMLElement, key: string, message: string): void {
  let el = root.querySelector<HTMLElement>(`[data-err="${key}"]`) ?? root.querySelector<HTMLElement>('[data-err="general"]');
  if (!el) {
    el = h('span', { class: 'bpx-t-err', role: 'alert', 'data-err': 'general' });
    status.after(el);
  }
  el.textContent = message;
  el.closest('.bpx-t-field')?.classList.toggle('bpx-t-invalid', message !== '');
}
