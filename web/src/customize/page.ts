// The customise page (dist/customize.html): the form changes one Choice; the preview element's
// attributes and every output follow it. A spec or a circuit program is checked by the engine
// (the same shared instance the preview runs) before it enters the Choice: a bad one shows the
// engine's message next to its field and leaves the preview and the outputs as they were.
// The page speaks ?lang= (query or fragment), else the browser's language, as the main page does.
import { sharedEngine } from '../embed/shared-engine';
import { showError } from '../i18n/errors';
import { loadLanguage, loadLocale, resolveLang, supported, unavailableText } from '../i18n/index';
import { translatePage } from '../i18n/static-page';
import { readPageParams } from '../page-params';
import { h } from '../dom';
import { parseHeight } from '../embed/options';
import type { Engine, Spec } from '../engine';
import { attributesOf, defaultParts, initialChoice, type Choice, type ModeId, type PartState } from './choice';
import { buildForm, buildParts, fillCircuitPresets } from './form';
import { renderOutputs, updateOutputs } from './output-view';
import { checkProgram, checkSpec, MAX_FILE_READ } from './checks';

/** The preview's attributes become exactly `attrs` (others removed), changed ones only. */
function applyAttributes(el: HTMLElement, attrs: [string, string][]): void {
  const want = new Map(attrs);
  for (const name of el.getAttributeNames()) if (name !== 'id' && !want.has(name)) el.removeAttribute(name);
  for (const [k, v] of want) if (el.getAttribute(k) !== v) el.setAttribute(k, v);
}

/** The address of the folder this page is in, when it is served (else '': beside the page). */
function defaultBase(): string {
  return /^https?:$/.test(location.protocol) ? new URL('.', location.href).href : '';
}

export async function startCustomize(): Promise<void> {
  const locale = await loadLocale(resolveLang(readPageParams().params.get('lang')), null);
  translatePage(document, locale);
  const form = buildForm(locale);
  const preview = document.getElementById('c-preview') as HTMLElement;
  const choice: Choice = initialChoice();
  // The radio's side; the choice takes a spec only once the engine accepts one.
  let source: 'preset' | 'spec' = 'preset';
  form.base.value = defaultBase();
  renderOutputs(form);

  let engine: Engine | null = null;
  const where = () => ({ base: form.base.value, page: location.href, t: locale.t, decode: engine ? (s: Spec) => engine!.pointData(s) : undefined });
  const sync = () => {
    for (const [id, input] of form.modes) input.checked = id === choice.mode;
    form.source[source].checked = true;
    const circuit = choice.mode === 'circuit';
    document.getElementById('c-source')!.hidden = circuit;
    document.getElementById('c-preset-field')!.hidden = circuit || source !== 'preset';
    document.getElementById('c-spec-field')!.hidden = circuit || source !== 'spec';
    document.getElementById('c-program-field')!.hidden = !circuit;
    document.getElementById('c-digits-field')!.hidden = !(choice.mode === 'step' || choice.mode === 'practice');
    applyAttributes(preview, attributesOf(choice));
    updateOutputs(form, choice, where());
  };
  // The iframe title is in the element's language: sync now, and again once its catalogue is loaded.
  const syncInItsLanguage = () => {
    sync();
    const lang = supported(choice.lang);
    if (lang) void loadLanguage(lang).then(sync);
  };

  // The form starts with the choice's values.
  form.preset.value = choice.preset ?? '';
  form.theme.value = choice.theme;
  form.lang.value = choice.lang;
  form.digits.value = '';
  buildParts(form, choice.mode, choice.parts);
  syncInItsLanguage();
  const unavailable = unavailableText(locale);
  if (unavailable) document.getElementById('c-form')?.before(h('p', { class: 'c-help', role: 'status' }, unavailable));

  const engineReady = sharedEngine().then((e) => {
    engine = e;
    const circuits = e.circuitCatalogue().presets;
    fillCircuitPresets(form, circuits);
    // The program the preview runs while the choice has none (the element's first circuit preset).
    if (choice.program === null && !form.program.value && circuits[0]) {
      form.circuitPreset.value = circuits[0].id;
      form.program.value = circuits[0].program;
    }
    updateOutputs(form, choice, where()); // the full-page link reads explicit data through the engine
    return e;
  });

  for (const [id, input] of form.modes) {
    input.addEventListener('change', () => {
      if (!input.checked) return;
      choice.mode = id as ModeId;
      choice.parts = defaultParts(choice.mode); // the parts of another view
      buildParts(form, choice.mode, choice.parts);
      sync();
    });
  }
  form.source.preset.addEventListener('change', () => {
    source = 'preset';
    choice.spec = null;
    choice.preset = form.preset.value;
    form.specError.textContent = '';
    sync();
  });
  form.source.spec.addEventListener('change', () => {
    // The spec field shows; the choice changes once it holds a spec the engine accepts.
    source = 'spec';
    sync();
    if (form.spec.value.trim()) void useSpec(form.spec.value);
  });
  form.preset.addEventListener('change', () => {
    choice.preset = form.preset.value;
    sync();
  });

  async function useSpec(text: string): Promise<void> {
    const result = checkSpec(engine ?? (await engineReady), text);
    form.spec.setAttribute('aria-invalid', String(!result.ok));
    if (!result.ok) {
      // The preview and the outputs keep the last good choice.
      if (result.error === null) form.specError.textContent = locale.t('customize.specEmpty');
      else showError(form.specError, result.error, locale);
      return;
    }
    form.specError.textContent = '';
    choice.spec = result.spec;
    sync();
  }
  form.spec.addEventListener('input', () => void useSpec(form.spec.value));
  form.specFile.addEventListener('change', async () => {
    const file = form.specFile.files?.[0];
    if (!file) return;
    const text = await file.slice(0, MAX_FILE_READ).text();
    form.spec.value = text;
    await useSpec(text);
  });

  async function useProgram(text: string): Promise<void> {
    const result = checkProgram(engine ?? (await engineReady), text);
    form.program.setAttribute('aria-invalid', String(!result.ok));
    if (!result.ok) {
      showError(form.programError, result.error, locale);
      return;
    }
    form.programError.textContent = '';
    choice.program = text;
    sync();
  }
  form.program.addEventListener('input', () => void useProgram(form.program.value));
  form.circuitPreset.addEventListener('change', async () => {
    const e = engine ?? (await engineReady);
    const p = e.circuitCatalogue().presets.find((x) => x.id === form.circuitPreset.value);
    if (!p) return;
    form.program.value = p.program;
    await useProgram(p.program);
  });

  form.parts.addEventListener('change', (e) => {
    const select = e.target as HTMLSelectElement;
    if (!select.dataset.part) return;
    choice.parts = { ...choice.parts, [select.dataset.part]: select.value as PartState };
    sync();
  });
  form.theme.addEventListener('change', () => {
    choice.theme = form.theme.value as Choice['theme'];
    sync();
  });
  form.lang.addEventListener('change', () => {
    choice.lang = form.lang.value;
    syncInItsLanguage();
  });
  form.digits.addEventListener('change', () => {
    choice.digits = form.digits.value ? Number(form.digits.value) : null;
    sync();
  });
  form.height.addEventListener('input', () => {
    const v = form.height.value.trim();
    // The element's own reading of a height (web/src/embed/options.ts).
    const ok = v === '' || parseHeight(v) !== null;
    form.height.setAttribute('aria-invalid', String(!ok));
    form.heightError.textContent = ok ? '' : locale.t('customize.heightBad');
    if (!ok) return;
    choice.height = v === 'auto' ? '' : v;
    sync();
  });
  form.base.addEventListener('input', () => updateOutputs(form, choice, where()));
  document.body.dataset.ready = 'true';
}
