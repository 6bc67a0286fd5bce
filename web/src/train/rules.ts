// What else changes when the user picks a data set, a number of classes, an output or loads
// points: the output and loss follow the task, so the run the view builds is one the engine
// accepts (the engine still checks it, core/spec.cpp, and names a field when it does not).
import { isRegressionSet, maxClassesOf } from '../catalog';
import type { EditedData, TrainSettings } from '../settings/index';

/** Regression: one output unit and the squared error. */
function forRegression(s: TrainSettings): void {
  s.classes = 2;
  if (s.output === 'softmax') s.output = 'tanh';
  s.loss = 'mse';
}

/** More than two classes: softmax with cross-entropy. */
function forClasses(s: TrainSettings, classes: number): void {
  s.classes = classes;
  if (classes > 2) {
    s.output = 'softmax';
    s.loss = 'cross_entropy';
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

export function chooseOutput(s: TrainSettings, output: string): void {
  s.output = output;
  if (output === 'softmax') s.loss = 'cross_entropy';
  else if (s.loss === 'cross_entropy') s.loss = output === 'sigmoid' ? 'bce' : 'mse';
  else if (s.loss === 'bce' && output !== 'sigmoid') s.loss = 'mse';
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
