// Shared by the training view's browser tests (train, train-edit): its locator and readouts.

/** Helpers for the training view over `app()`, the current answer of openApp. */
export function trainHelpers(app) {
  const page = () => app().page;
  /** The training view (the step-through view's controls share some names). */
  const view = () => page().locator('.bpx-train');
  /** The text of the readout labelled `label`. */
  const text = async (label) => (await view().getByLabel(label, { exact: true }).textContent()).trim();
  /** The number in that readout. */
  const number = async (label) => Number((await text(label)).replace(/[^0-9.eE+-]/g, ''));
  return { page, view, text, number };
}
