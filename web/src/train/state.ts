// The training view's settings and their URL form. Every setting lives in the query
// string under the "t." prefix (the step-through view owns the unprefixed names), next to
// mode=train, so a link reproduces the same run. Values are parsed leniently and passed
// on: the engine is the one validator, and its errors (BpxError.path) are shown next to
// the control that caused them.
//
//   t.data      circle | xor | gaussian | spiral | plane | multi_gaussian   (circle)
//   t.classes   2..8, gaussian and spiral only (2)
//   t.noise     0..0.5 (0)          t.points  10..2000 (500)    t.split  train share (0.5)
//   t.dseed     data seed (1)       t.features  x1,x2,x1_sq,x2_sq,x1_x2,sin_x1,sin_x2 (x1,x2)
//   t.hidden    units per hidden layer, e.g. 4,2 (empty: none)
//   t.act       activation per hidden layer (tanh)     t.out  output activation (tanh)
//   t.loss      mse | bce | cross_entropy (mse)        t.opt  sgd | momentum | adam (sgd)
//   t.lr        learning rate (0.03)   t.batch  batch size (10)   t.l2  weight decay (0)
//   t.init      xavier | he | lecun | uniform | zeros (xavier)   t.iseed  init seed (1)
//   t.seed      minibatch order seed (1)
//   t.speed     steps per frame: 1 | 5 | 25 | 100 | epoch | 5epochs (epoch)
//   t.stoploss, t.stopepoch   pause at a training loss or an epoch (off)
//   t.test=1    show test points     t.disc=1  discretize the output    t.edges=gradients
//   t.panels    panels shown: data,network,output,curves (all)
//   t.pts       the user's own points (added, removed or uploaded), encodePoints below
//   hide        read only: controls a teacher hides, e.g. hide=dataset,features. Ids:
//               data dataset classes noise points split regenerate test edit upload
//               features layers neurons activations output loss edges speed lr optimizer
//               batch l2 init stop reset play step epoch newweights discretize panels help
//               (a panel id hides that panel).

export const SPEEDS = [
  ['auto', 'As the frame allows'],
  ['1', '1 step'],
  ['5', '5 steps'],
  ['25', '25 steps'],
  ['100', '100 steps'],
  ['epoch', '1 epoch'],
  ['5epochs', '5 epochs'],
] as const;
/** Panels the user can show or hide ("which panels are shown" is part of the URL). */
export const PANELS = [
  ['data', 'Data'],
  ['network', 'Network'],
  ['output', 'Output'],
  ['curves', 'Loss curves'],
] as const;

export interface EditedData {
  /** x1, x2 interleaved (2 per point), rounded to 3 decimals. */
  xy: number[];
  /** Class index 0..C-1, or a regression value in [-1, 1]. */
  labels: number[];
  regression: boolean;
}

export interface TrainSettings {
  dataset: string;
  classes: number;
  noise: number;
  points: number;
  split: number;
  dataSeed: number;
  features: string[];
  hidden: number[];
  activations: string[];
  output: string;
  loss: string;
  optimizer: string;
  lr: number;
  batch: number;
  l2: number;
  init: string;
  initSeed: number;
  seed: number;
  speed: string;
  stopLoss: number | null;
  stopEpoch: number | null;
  showTest: boolean;
  discretize: boolean;
  edges: 'weights' | 'gradients';
  panels: string[];
  edited: EditedData | null;
}

export function defaultSettings(): TrainSettings {
  return {
    dataset: 'circle',
    classes: 2,
    noise: 0,
    points: 500,
    split: 0.5,
    dataSeed: 1,
    features: ['x1', 'x2'],
    hidden: [4, 2],
    activations: ['tanh', 'tanh'],
    output: 'tanh',
    loss: 'mse',
    optimizer: 'sgd',
    lr: 0.03,
    batch: 10,
    l2: 0,
    init: 'xavier',
    initSeed: 1,
    seed: 1,
    speed: 'auto',
    stopLoss: null,
    stopEpoch: null,
    showTest: false,
    discretize: false,
    edges: 'weights',
    panels: PANELS.map(([id]) => id),
    edited: null,
  };
}

export const P = 't.'; // prefix of every parameter this view writes

function num(v: string | null, fallback: number): number {
  if (v === null || v.trim() === '') return fallback;
  return Number(v); // NaN reaches the engine, which names the field
}

function list(v: string | null): string[] | null {
  if (v === null) return null;
  return v === '' ? [] : v.split(',').map((s) => s.trim());
}

/** Reads the settings from the query string; missing values take the defaults. */
export function readSettings(params: URLSearchParams): TrainSettings {
  const d = defaultSettings();
  const g = (k: string) => params.get(P + k);
  const s: TrainSettings = {
    ...d,
    dataset: g('data') ?? d.dataset,
    classes: num(g('classes'), d.classes),
    noise: num(g('noise'), d.noise),
    points: num(g('points'), d.points),
    split: num(g('split'), d.split),
    dataSeed: num(g('dseed'), d.dataSeed),
    features: list(g('features')) ?? d.features,
    hidden: list(g('hidden'))?.map((x) => num(x, NaN)) ?? d.hidden,
    output: g('out') ?? d.output,
    loss: g('loss') ?? d.loss,
    optimizer: g('opt') ?? d.optimizer,
    lr: num(g('lr'), d.lr),
    batch: num(g('batch'), d.batch),
    l2: num(g('l2'), d.l2),
    init: g('init') ?? d.init,
    initSeed: num(g('iseed'), d.initSeed),
    seed: num(g('seed'), d.seed),
    speed: g('speed') ?? d.speed,
    stopLoss: g('stoploss') ? num(g('stoploss'), NaN) : null,
    stopEpoch: g('stopepoch') ? num(g('stopepoch'), NaN) : null,
    showTest: g('test') === '1',
    discretize: g('disc') === '1',
    edges: g('edges') === 'gradients' ? 'gradients' : 'weights',
    panels: list(g('panels')) ?? d.panels,
    edited: decodePoints(g('pts')),
  };
  const acts = list(g('act')) ?? [];
  s.activations = s.hidden.map((_, i) => acts[i] ?? acts[acts.length - 1] ?? 'tanh');
  return s;
}

/** The hide flags (`hide=dataset,features`): controls a teacher removed from view. */
export function readHidden(params: URLSearchParams): Set<string> {
  const out = new Set<string>();
  for (const key of ['hide', P + 'hide']) {
    for (const x of list(params.get(key)) ?? []) if (x) out.add(x);
  }
  return out;
}

/** Writes the settings into params (in place), leaving every other parameter alone. */
export function writeSettings(params: URLSearchParams, s: TrainSettings): void {
  const set = (k: string, v: string | null) => {
    if (v === null) params.delete(P + k);
    else params.set(P + k, v);
  };
  const d = defaultSettings();
  set('data', s.dataset);
  set('classes', s.classes === 2 ? null : String(s.classes));
  set('noise', String(s.noise));
  set('points', String(s.points));
  set('split', String(s.split));
  set('dseed', String(s.dataSeed));
  set('features', s.features.join(','));
  set('hidden', s.hidden.join(','));
  set('act', s.activations.join(','));
  set('out', s.output);
  set('loss', s.loss);
  set('opt', s.optimizer);
  set('lr', String(s.lr));
  set('batch', String(s.batch));
  set('l2', String(s.l2));
  set('init', s.init);
  set('iseed', String(s.initSeed));
  set('seed', String(s.seed));
  set('speed', s.speed === d.speed ? null : s.speed);
  set('stoploss', s.stopLoss === null ? null : String(s.stopLoss));
  set('stopepoch', s.stopEpoch === null ? null : String(s.stopEpoch));
  set('test', s.showTest ? '1' : null);
  set('disc', s.discretize ? '1' : null);
  set('edges', s.edges === 'gradients' ? 'gradients' : null);
  set('panels', sameList(s.panels, d.panels) ? null : s.panels.join(','));
  set('pts', s.edited ? encodePoints(s.edited) : null);
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

// Edited points travel in the URL as base64url bytes: a version byte, a kind byte
// (0 classes, 1 regression), the count (uint16), then per point x1 and x2 as int16
// thousandths and the label (a uint8 class, or int16 thousandths for regression).
// Points are rounded to thousandths when edited, so sender and receiver train on the
// same numbers.

/** Rounds a coordinate the way the URL stores it. */
export function quantize(v: number): number {
  return Math.max(-32.767, Math.min(32.767, Math.round(v * 1000) / 1000));
}

export function encodePoints(e: EditedData): string {
  const n = e.labels.length;
  const labelBytes = e.regression ? 2 : 1;
  const buf = new DataView(new ArrayBuffer(4 + n * (4 + labelBytes)));
  buf.setUint8(0, 1);
  buf.setUint8(1, e.regression ? 1 : 0);
  buf.setUint16(2, n, true);
  let o = 4;
  for (let i = 0; i < n; i++) {
    buf.setInt16(o, Math.round(e.xy[2 * i] * 1000), true);
    buf.setInt16(o + 2, Math.round(e.xy[2 * i + 1] * 1000), true);
    o += 4;
    if (e.regression) buf.setInt16(o, Math.round(e.labels[i] * 1000), true);
    else buf.setUint8(o, e.labels[i]);
    o += labelBytes;
  }
  let bin = '';
  const bytes = new Uint8Array(buf.buffer);
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodePoints(text: string | null): EditedData | null {
  if (!text) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const buf = new DataView(bytes.buffer);
    if (buf.getUint8(0) !== 1) return null;
    const regression = buf.getUint8(1) === 1;
    const n = buf.getUint16(2, true);
    const labelBytes = regression ? 2 : 1;
    if (bytes.length !== 4 + n * (4 + labelBytes)) return null;
    const xy: number[] = [];
    const labels: number[] = [];
    let o = 4;
    for (let i = 0; i < n; i++) {
      xy.push(buf.getInt16(o, true) / 1000, buf.getInt16(o + 2, true) / 1000);
      o += 4;
      labels.push(regression ? buf.getInt16(o, true) / 1000 : buf.getUint8(o));
      o += labelBytes;
    }
    return { xy, labels, regression };
  } catch {
    return null;
  }
}
