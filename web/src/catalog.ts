// The engine's catalogue as the page's menus and limits. The engine describes itself
// (engine.catalog(), core/catalog.cpp); every list of activations, losses, optimizers,
// data sets and features the page shows, and every limit it quotes, is read from here.
// Types straight from the engine's declarations, so the settings table (web/src/settings/)
// compiles on its own for its node tests (tests/web/).
import type { Catalog, Engine } from '../../bindings/wasm/engine.js';

let current: Readonly<Catalog> | null = null;

/** Called once the engine is loaded (every engine describes the same catalogue). */
export function useCatalogOf(engine: Engine): void {
  current ??= engine.catalog();
}

export function catalog(): Readonly<Catalog> {
  if (!current) throw new Error('the catalogue is read before the engine has loaded');
  return current;
}

export type Choice = readonly [value: string, label: string];

export const menus = {
  datasets: (): Choice[] => catalog().datasets.map((d) => [d.name, d.display]),
  features: (): Choice[] => catalog().features.map((f) => [f.name, f.label]),
  hiddenActivations: (): Choice[] => catalog().activations.filter((a) => !a.outputOnly).map((a) => [a.name, a.name]),
  outputActivations: (): Choice[] => catalog().activations.map((a) => [a.name, a.name]),
  losses: (): Choice[] => catalog().losses.map((l) => [l.name, l.display]),
  optimizers: (): Choice[] => catalog().optimizers.map((o) => [o.name, o.name]),
  initSchemes: (): Choice[] => catalog().initSchemes.map((s) => [s, s]),
};

export function isRegressionSet(dataset: string): boolean {
  return catalog().datasets.find((d) => d.name === dataset)?.kind === 'regression';
}

/** Largest number of classes of a data set (2 for all but gaussian and spiral). */
export function maxClassesOf(dataset: string): number {
  return catalog().datasets.find((d) => d.name === dataset)?.classes[1] ?? 2;
}

/** The value range of an activation, when bounded on both sides. */
export function boundedRange(activation: string): [number, number] | null {
  const r = catalog().activations.find((a) => a.name === activation)?.range;
  return r && r[0] !== null && r[1] !== null ? [r[0], r[1]] : null;
}

/** How an output activation codes a class label (`binary` 0/1, `sign` −1/+1, `one_hot`). */
export function targetsOf(activation: string): 'binary' | 'sign' | 'one_hot' {
  return catalog().activations.find((a) => a.name === activation)?.targets ?? 'binary';
}

/** The output for more than two classes: the one with one unit per class. */
export function perClassOutput(): string {
  const a = catalog().activations.find((x) => x.targets === 'one_hot');
  if (!a) throw new Error('the catalogue has no output with one unit per class');
  return a.name;
}

/** The loss that goes with an output: its fused loss, else the first that accepts it. */
export function lossFor(output: string): string {
  const { losses } = catalog();
  return (losses.find((l) => l.fused?.activation === output) ?? losses.find((l) => l.outputs.includes(output)) ?? losses[0]).name;
}

/** The loss of regression targets. */
export function regressionLoss(): string {
  const l = catalog().losses.find((x) => x.regression);
  if (!l) throw new Error('the catalogue has no loss for regression');
  return l.name;
}
