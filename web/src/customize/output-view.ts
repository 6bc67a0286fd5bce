// The outputs on the customise page: for each builder of OUTPUTS (outputs.ts) a read-only box
// with its text, a Copy button, and for links an Open link. The boxes are refreshed from the
// Choice; "Copied" is said in a live region.
import type { Choice } from './choice';
import type { Form } from './form';
import { OUTPUTS, type Where } from './outputs';
import { h } from '../dom';

/** Builds one block per output (once). */
export function renderOutputs(form: Form): void {
  const blocks = OUTPUTS.map((o) => {
    const title = h('h3', { id: `c-out-${o.id}-title` }, o.title);
    const explain = h('p', { class: 'c-help', id: `c-out-${o.id}-help` }, o.explain);
    const text = h('textarea', { readonly: true, spellcheck: 'false', rows: o.kind === 'code' ? 4 : 2, class: 'c-output-text', 'aria-labelledby': title.id, 'aria-describedby': explain.id });
    const copy = h('button', { type: 'button', class: 'c-copy', 'aria-label': `Copy: ${o.title}` }, 'Copy');
    copy.addEventListener('click', () => void copyText(text, form.copyStatus, o.title));
    const open = o.kind === 'link' ? h('a', { class: 'c-open', target: '_blank', rel: 'noopener', 'aria-label': `Open: ${o.title}` }, 'Open') : null;
    return h('section', { class: 'c-output', 'data-output': o.id }, title, explain, text, h('div', { class: 'c-actions' }, copy, open));
  });
  form.outputs.replaceChildren(...blocks);
}

/** Every output's text for `choice` (and its Open link). */
export function updateOutputs(form: Form, choice: Choice, where: Where): void {
  for (const o of OUTPUTS) {
    const block = form.outputs.querySelector<HTMLElement>(`[data-output="${o.id}"]`);
    if (!block) continue;
    let value: string;
    try {
      value = o.build(choice, where);
    } catch {
      value = ''; // a base address the browser cannot read as a URL: the field says so below
    }
    block.querySelector('textarea')!.value = value;
    const open = block.querySelector<HTMLAnchorElement>('a.c-open');
    if (open) {
      if (value) open.href = value;
      else open.removeAttribute('href');
    }
  }
}

async function copyText(box: HTMLTextAreaElement, status: HTMLElement, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(box.value);
  } catch {
    // No clipboard permission (file://, an old browser): select it for Ctrl+C.
    box.focus();
    box.select();
    status.textContent = `Selected: press Ctrl+C (⌘C) to copy ${what}.`;
    return;
  }
  status.textContent = `Copied: ${what}.`;
}
