// What else changes when the user picks a data set, a number of classes, an output or loads
// points: the output and loss follow the task, so the run the view builds is one the engine
// accepts (the engine still checks it, core/spec.cpp, and names a field when it does not).
import { catalog, isRegressionSet, lossFor, maxClassesOf, perClassOutput, regressionLoss, targetsOf } from '../catalog';
import type { EditedData, TrainSettings } from '../settings/index';

/** Regression: one output unit and the loss of regression targets (the catalogue's). */
function forRegression(s: TrainSettings): void {
  s.classes = 2;
  if (targetsOf(s.output) === 'one_hot') s.output = String(catalog().trainDefaults.activations.at(-1));
  s.loss = regressionLoss();
}

/** More than two classes: the output with one unit per class and its loss. */
function forClasses(s: TrainSettings, classes: number): void {
  s.classes = classes;
  if (classes > 2) {
    s.output = perClassOutput();
    s.loss = lossFor(s.output);
  }
}

export function chooseDataset(s: TrainSettings, dataset: string): void {
  s.dataset = dataset;
  if (isRegressionSet(dataset)) forRegression(s);
  else if (s.classes > maxClassesOf(dataset)) s.classes = 2;
}

export function chooseClasses(s: TrainSettings, classes: number): void {
  forClasses(s, classes);
}

/** A new output keeps the loss when the loss accepts it; a per-class output takes its own loss. */
export function chooseOutput(s: TrainSettings, output: string): void {
  s.output = output;
  const accepts = catalog().losses.find((l) => l.name === s.loss)?.outputs.includes(output) ?? false;
  if (targetsOf(output) === 'one_hot' || !accepts) s.loss = lossFor(output);
}

/** Uploaded points replace the data; the task follows them. */
export function usePoints(s: TrainSettings, data: EditedData, classes: number): void {
  s.edited = data;
  if (data.regression) forRegression(s);
  else forClasses(s, classes);
}

/** The Classes picker applies to classification data with more than two classes possible. */
export function classesEditable(s: TrainSettings): boolean {
  return s.edited ? !s.edited.regression : maxClassesOf(s.dataset) > 2;
}
