// The training view's controls wired to what they change: each control writes its setting,
// then the controller rebuilds the run (a structural or data change), hands the value to the
// live session (learning rate, batch size, L2), or only redraws (a view setting). Numbers
// typed as text (another learning rate or L2, the stop loss) take a decimal comma too.
import { setText } from '../dom';
import { withDecimalComma } from '../format';
import type { T } from '../i18n/index';
import { parseNumber } from '../i18n/numbers';
import { settingNamed, type TrainSettings } from '../settings/index';
import type { Message } from './messages';
import type { TrainPanels } from './panels';
import { chooseClasses, chooseDataset, chooseOutput } from './rules';
import { selectValue } from './sync';

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
  /** A hyper-parameter the session takes while training; false when the engine refused it (its error is shown). */
  live(name: 'lr' | 'batch' | 'l2', value: number): boolean;
  setTool(tool: string): void;
  setError(control: string, message: Message): void;
  /** A view setting changed: redraw what shows it and report the settings. */
  viewChanged(what: 'speed' | 'stop' | 'test' | 'edges' | 'discretize' | 'log'): void;
}

/** "0,01" as "0.01" for the settings table's readers; text that is no number stays as it is (their error). */
function typedNumber(text: string): string {
  const v = parseNumber(text);
  return v === null ? text : String(v);
}

export function wireControls(p: TrainPanels, s: TrainSettings, t: T, a: WiringActions): void {
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
  // A value the menu lacks: typed beside it, then selected in it (the engine checks its range).
  for (const [name, menu, typed] of [['lr', b.lr, b.lrTyped], ['l2', b.l2, b.l2Typed]] as const) {
    typed.addEventListener('change', () => {
      if (typed.value.trim() === '') return;
      const v = parseNumber(typed.value);
      if (v === null) a.setError(name, t('train.error.number'));
      else if (a.live(name, v)) {
        selectValue(menu, v, p.decimalComma);
        typed.value = '';
      }
    });
  }
  b.optimizer.addEventListener('change', () => a.changeNet(() => (s.optimizer = b.optimizer.value)));
  b.init.addEventListener('change', () => a.changeNet(() => (s.init = b.init.value)));
  const stop = () => {
    // Read as a link reads them (settings/table.ts): empty is off, and the table's ranges apply.
    const loss = settingNamed('stopLoss').kind;
    const epoch = settingNamed('stopEpoch').kind;
    s.stopLoss = (loss.read(typedNumber(b.stopLoss.value))?.value ?? null) as number | null;
    s.stopEpoch = (epoch.read(b.stopEpoch.value)?.value ?? null) as number | null;
    const bad = loss.check(s.stopLoss) ?? epoch.check(s.stopEpoch);
    a.setError('stop', bad ? t('train.error.stop') : '');
    a.viewChanged('stop');
  };
  b.stopLoss.addEventListener('change', stop);
  b.stopEpoch.addEventListener('change', stop);

  d.dataset.addEventListener('change', () => a.changeData(() => chooseDataset(s, d.dataset.value)));
  d.classes.addEventListener('change', () => a.changeData(() => chooseClasses(s, Number(d.classes.value)), !!s.edited));
  d.noise.addEventListener('input', () => setText(d.noiseOut, withDecimalComma(d.noise.value, p.decimalComma)));
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
