// The training view's controls wired to what they change: each control writes its setting,
// then the controller rebuilds the run (a structural or data change), hands the value to the
// live session (learning rate, batch size, L2), or only redraws (a view setting).
import { setText } from '../dom';
import { settingNamed, type TrainSettings } from '../settings/index';
import type { TrainPanels } from './panels';
import { chooseClasses, chooseDataset, chooseOutput } from './rules';

export interface WiringActions {
  play(): void;
  stepOnce(): void;
  epochOnce(): void;
  reset(): void;
  newWeights(): void;
  regenerate(): void;
  upload(): void;
  /** A change of the network (or of the optimizer or initialisation): a new session. */
  changeNet(apply: () => void): void;
  /** A change of the data: back to generated data unless `keepEdited`, then a new session. */
  changeData(apply: () => void, keepEdited?: boolean): void;
  /** A hyper-parameter the session takes while training. */
  live(name: 'lr' | 'batch' | 'l2', value: number): void;
  setTool(tool: string): void;
  setError(control: string, message: string): void;
  /** A view setting changed: redraw what shows it and report the settings. */
  viewChanged(what: 'speed' | 'stop' | 'test' | 'edges' | 'discretize' | 'log'): void;
}

export function wireControls(p: TrainPanels, s: TrainSettings, a: WiringActions): void {
  const { bar: b, data: d, outCtl } = p;
  b.play.addEventListener('click', () => a.play());
  b.step.addEventListener('click', () => a.stepOnce());
  b.epochBtn.addEventListener('click', () => a.epochOnce());
  b.reset.addEventListener('click', () => a.reset());
  b.newWeights.addEventListener('click', () => a.newWeights());
  b.speed.addEventListener('change', () => {
    s.speed = b.speed.value;
    a.viewChanged('speed');
  });
  b.lr.addEventListener('change', () => a.live('lr', Number(b.lr.value)));
  b.batch.addEventListener('change', () => a.live('batch', Number(b.batch.value)));
  b.l2.addEventListener('change', () => a.live('l2', Number(b.l2.value)));
  b.optimizer.addEventListener('change', () => a.changeNet(() => (s.optimizer = b.optimizer.value)));
  b.init.addEventListener('change', () => a.changeNet(() => (s.init = b.init.value)));
  const stop = () => {
    // Read as a link reads them (settings/table.ts): empty is off, and the table's ranges apply.
    const loss = settingNamed('stopLoss').kind;
    const epoch = settingNamed('stopEpoch').kind;
    s.stopLoss = (loss.read(b.stopLoss.value)?.value ?? null) as number | null;
    s.stopEpoch = (epoch.read(b.stopEpoch.value)?.value ?? null) as number | null;
    const bad = loss.check(s.stopLoss) ?? epoch.check(s.stopEpoch);
    a.setError('stop', bad ? 'expected a loss ≥ 0 and an epoch ≥ 1' : '');
    a.viewChanged('stop');
  };
  b.stopLoss.addEventListener('change', stop);
  b.stopEpoch.addEventListener('change', stop);

  d.dataset.addEventListener('change', () => a.changeData(() => chooseDataset(s, d.dataset.value)));
  d.classes.addEventListener('change', () => a.changeData(() => chooseClasses(s, Number(d.classes.value)), !!s.edited));
  d.noise.addEventListener('input', () => setText(d.noiseOut, d.noise.value));
  d.noise.addEventListener('change', () => a.changeData(() => (s.noise = Number(d.noise.value))));
  d.points.addEventListener('change', () => a.changeData(() => (s.points = Number(d.points.value))));
  d.split.addEventListener('input', () => setText(d.splitOut, `${Math.round(Number(d.split.value) * 100)}%`));
  d.split.addEventListener('change', () => a.changeData(() => (s.split = Number(d.split.value))));
  d.regenerate.addEventListener('click', () => a.regenerate());
  d.restore.addEventListener('click', () => a.changeData(() => {}));
  d.showTest.addEventListener('change', () => {
    s.showTest = d.showTest.checked;
    a.viewChanged('test');
  });
  d.upload.addEventListener('change', () => a.upload());
  d.tools.addEventListener('change', (e) => a.setTool((e.target as HTMLInputElement).value));
  outCtl.output.addEventListener('change', () => a.changeNet(() => chooseOutput(s, outCtl.output.value)));
  outCtl.loss.addEventListener('change', () => a.changeNet(() => (s.loss = outCtl.loss.value)));
  outCtl.edges.addEventListener('change', () => {
    s.edges = outCtl.edges.value === 'gradients' ? 'gradients' : 'weights';
    a.viewChanged('edges');
  });
  p.discretize.addEventListener('change', () => {
    s.discretize = p.discretize.checked;
    a.viewChanged('discretize');
  });
  p.logScale.addEventListener('change', () => a.viewChanged('log'));
}
