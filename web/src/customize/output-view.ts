// The outputs on the customise page: for each builder of OUTPUTS (outputs.ts) a block with its
// title and explanation and, for text, a read-only box with a Copy button (and an Open link for
// links); for the file, a Download button that saves the standalone file with the state built
// in (web/src/offline/download.ts, as the main page's "Download for offline use"). The blocks
// are refreshed from the Choice; "Copied" and "Saved" are said in a live region.
import type { Locale } from '../i18n/index';
import { OfflineError, saveHtml, standaloneFor, STANDALONE_FILE } from '../offline/download';
import type { Choice } from './choice';
import type { Form } from './form';
import { OUTPUTS, type OutputBuilder, type Where } from './outputs';
import { h } from '../dom';

function button(className: string, text: string, label: string): HTMLButtonElement {
  return h('button', { type: 'button', class: className, 'aria-label': label }, text);
}

/** Builds one block per output (once). */
export function renderOutputs(form: Form): void {
  const { t } = form.locale;
  const blocks = OUTPUTS.map((o) => {
    const title = t(o.title);
    const heading = h('h3', { id: `c-out-${o.id}-title` }, title);
    const explain = h('p', { class: 'c-help', id: `c-out-${o.id}-help` }, t(o.explain));
    const block = h('section', { class: 'c-output', 'data-output': o.id }, heading, explain);
    if (o.kind === 'file') {
      const save = button('c-copy', t('customize.save'), t('customize.saveWhat', { what: title }));
      save.setAttribute('aria-describedby', explain.id);
      save.addEventListener('click', () => void saveFile(save, block, form.copyStatus, form.locale));
      block.append(h('div', { class: 'c-actions' }, save));
      return block;
    }
    const text = h('textarea', { readonly: true, spellcheck: 'false', rows: o.kind === 'code' ? 4 : 2, class: 'c-output-text', 'aria-labelledby': heading.id, 'aria-describedby': explain.id });
    const copy = button('c-copy', t('customize.copy'), t('customize.copyWhat', { what: title }));
    copy.addEventListener('click', () => void copyText(text, form.copyStatus, form.locale, title));
    const open = o.kind === 'link' ? h('a', { class: 'c-open', target: '_blank', rel: 'noopener', 'aria-label': t('customize.openWhat', { what: title }) }, t('customize.open')) : null;
    block.append(text, h('div', { class: 'c-actions' }, copy, open));
    return block;
  });
  form.outputs.replaceChildren(...blocks);
}

function valueOf(o: OutputBuilder, choice: Choice, where: Where): string {
  try {
    return o.build(choice, where);
  } catch {
    return ''; // a base address the browser cannot read as a URL: the field says so below
  }
}

/** Every output's text for `choice` (and its Open link; the file's state on its block). */
export function updateOutputs(form: Form, choice: Choice, where: Where): void {
  for (const o of OUTPUTS) {
    const block = form.outputs.querySelector<HTMLElement>(`[data-output="${o.id}"]`);
    if (!block) continue;
    const value = valueOf(o, choice, where);
    if (o.kind === 'file') {
      block.dataset.state = value;
      continue;
    }
    block.querySelector('textarea')!.value = value;
    const open = block.querySelector<HTMLAnchorElement>('a.c-open');
    if (open) {
      if (value) open.href = value;
      else open.removeAttribute('href');
    }
  }
}

async function copyText(box: HTMLTextAreaElement, status: HTMLElement, loc: Locale, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(box.value);
  } catch {
    // No clipboard permission (file://, an old browser): select it for Ctrl+C.
    box.focus();
    box.select();
    status.textContent = loc.t('customize.selected', { what });
    return;
  }
  status.textContent = loc.t('customize.copied', { what });
}

/** Saves the standalone file of the iframe page with the block's state; says why when it cannot. */
async function saveFile(save: HTMLButtonElement, block: HTMLElement, status: HTMLElement, loc: Locale): Promise<void> {
  save.disabled = true;
  try {
    saveHtml(await standaloneFor(new URLSearchParams(block.dataset.state ?? ''), 'embed'));
    status.textContent = loc.t('customize.saved', { file: STANDALONE_FILE });
  } catch (e) {
    // download.ts says why in the page's language (a page from disk cannot read its own script,
    // say); anything else is the browser's own message, in English.
    const reason = h('span');
    if (e instanceof OfflineError) reason.textContent = e.say(loc.t);
    else {
      reason.lang = 'en';
      reason.textContent = (e as Error).message;
    }
    status.replaceChildren(`${loc.t('customize.saveFailed')} `, reason);
  } finally {
    save.disabled = false;
  }
}
