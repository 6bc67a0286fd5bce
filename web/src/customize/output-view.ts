// The outputs on the customise page: for each builder of OUTPUTS (outputs.ts) a read-only box
// with its text, a Copy button, and for links an Open link. The boxes are refreshed from the
// Choice; "Copied" is said in a live region.
import type { Choice } from './choice';
import type { Form } from './form';
import { OUTPUTS, type Where } from './outputs';

/** Builds one block per output (once). */
export function renderOutputs(form: Form): void {
  const blocks = OUTPUTS.map((o) => {
    const block = document.createElement('section');
    block.className = 'c-output';
    block.dataset.output = o.id;
    const title = document.createElement('h3');
    title.id = `c-out-${o.id}-title`;
    title.textContent = o.title;
    const explain = document.createElement('p');
    explain.className = 'c-help';
    explain.id = `c-out-${o.id}-help`;
    explain.textContent = o.explain;
    const text = document.createElement('textarea');
    text.readOnly = true;
    text.spellcheck = false;
    text.rows = o.kind === 'code' ? 4 : 2;
    text.className = 'c-output-text';
    text.setAttribute('aria-labelledby', title.id);
    text.setAttribute('aria-describedby', explain.id);
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'c-copy';
    copy.textContent = 'Copy';
    copy.setAttribute('aria-label', `Copy: ${o.title}`);
    copy.addEventListener('click', () => void copyText(text, form.copyStatus, o.title));
    const actions = document.createElement('div');
    actions.className = 'c-actions';
    actions.append(copy);
    if (o.kind === 'link') {
      const open = document.createElement('a');
      open.className = 'c-open';
      open.target = '_blank';
      open.rel = 'noopener';
      open.textContent = 'Open';
      open.setAttribute('aria-label', `Open: ${o.title}`);
      actions.append(open);
    }
    block.append(title, explain, text, actions);
    return block;
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
