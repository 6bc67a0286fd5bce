// Type-check only (tests/wasm/types.test.mjs runs `tsc --noEmit -p tests/wasm`): the
// package imported by its name, every export and every method used with its declared
// types, and misuses that must not compile marked @ts-expect-error.
import { BpxError, Engine, Session, createEngine, createEngineWith } from 'backprop-explorer';
import type {
  SessionSnapshot, PhaseSnapshot,
  Divergence, ErrorCode, Evaluation, GridResult, Matrix, NeuronGraph, NormalizedSpec, Phase,
  PhaseResult, SessionData, SessionState, Spec, TraceEntry, TrainResult, ValidateResult,
} from 'backprop-explorer';
import type { CodeLang, CodeLine, PhaseCode } from 'backprop-explorer';

const spec: Spec = {
  layers: [2, 3, 1],
  activations: ['tanh', 'sigmoid'],
  loss: 'bce',
  optimizer: { type: 'adam', learning_rate: 0.01, beta1: 0.9 },
  batch_size: 4,
  seed: 7,
  init: { scheme: 'xavier', seed: 1, bias: 0 },
  data: { dataset: 'circle', points: 40, noise: 0.1, train_fraction: 0.8, seed: 2, features: ['x1', 'x2'] },
};
const explicit: Spec = {
  layers: [2, 1], activations: ['sigmoid'], loss: 'mse',
  init: { weights: [[[2, -3]]], biases: [[-3]] },
  data: { inputs: [[-1, -2]], targets: [[1]] },
};

export async function useEverything(): Promise<number> {
  const engine: Engine = await createEngine();
  await createEngine({ wasmBinary: new Uint8Array(0), locateFile: (path: string, dir: string) => dir + path });
  await createEngine({ locateFile: () => '/assets/bpx_wasm.wasm' });
  const other: Engine = await createEngineWith(async () => ({}), { wasmBinary: new ArrayBuffer(0) });
  void other;

  const s: Session = engine.session(spec);
  engine.session(JSON.stringify(explicit)).delete();
  const L: number = s.L;
  const layers: number[] = s.layers;
  const deleted: boolean = s.deleted;
  void [L, layers, deleted];

  const st: SessionState = s.state();
  const next: Phase = st.nextPhase;
  const loss: number | null = st.loss;
  void [next, loss, st.cursor, st.phases, st.lastPhase, st.batch, st.divergence, st.fused];

  const r: PhaseResult = s.nextPhase();
  const back: boolean = s.previousPhase();
  const d: Divergence | null = s.step();
  const t: TrainResult = s.train(10);
  const f: Divergence | null = s.forward();
  s.backward();
  s.update();
  s.reset();
  s.reset({ seed: 3 });
  s.setLearningRate(0.05);
  s.setWeightDecay(0.001);
  s.setBatchSize(2);
  s.replaceData({ points: [[0, 1], [1, 0]], labels: [0, 1], test_points: [[1, 1]], test_labels: [1] });
  s.setParameter('W', 1, 0, 0, 0.5);
  const view: SessionSnapshot = s.snapshot();
  const ran: PhaseSnapshot = s.nextPhaseSnapshot({ matrices: false });
  const oldW: Matrix[] | undefined = ran.before?.W;
  void [view.Z[1].rows, view.state.cursor, ran.snapshot?.dA[0], ran.state.step, oldW];
  void [r.phase, r.divergence, back, d?.message, t.steps, f];

  const m: Matrix = s.matrix('W', 1);
  const shape: [number, number] = m.shape;
  const values: Float64Array = m.data;
  void [shape, values, m.rows, m.cols];
  s.matrix('Y');
  s.matrix('losses');
  s.matrix('A', 0);
  for (const mat of [s.W(1), s.b(1), s.Z(1), s.A(0), s.dA(0), s.dZ(2), s.dW(2), s.db(2), s.gprime(1), s.Y()]) void mat.data;

  const history: Float64Array = s.lossHistory();
  const e: Evaluation = s.evaluate('test');
  const accuracy: number | null = e.accuracy;
  s.evaluate();
  const data: SessionData = s.data();
  const labels: Float64Array = data.labels;
  void [history, accuracy, labels, data.X, data.pointsTest];

  const grid: GridResult<Float64Array> = s.predictGrid(10, 10, -6, 6, -6, 6);
  const all: GridResult<Float64Array> = s.predictGrid(10, 10, -6, 6, -6, 6, { allUnits: true, precision: 'double' });
  const fast: GridResult<Float32Array> = s.predictGrid(10, 10, -6, 6, -6, 6, { precision: 'float', allUnits: true });
  const cell: number = grid.maps[0]!.values[0]!;
  void [all.maps[0]!.layer, fast.maps[0]!.values, cell];

  const g: NeuronGraph = s.graph(1, 0, { example: 0, expanded: false, root: 'activation' });
  const grad: number = g.nodes[g.z]!.grad;
  void [grad, g.links.inputs[0]?.w_new, g.note];

  const trace: TraceEntry[] = s.trace(2);
  const dW: number[][] = trace[0]!.backward[0]!.dW;
  const text: string = s.traceText();
  void [dW, text, trace[0]!.divergence];
  const md: string = s.walkthrough();
  const tex: string = s.walkthrough({ format: 'tex', digits: 17 });
  const normalized: NormalizedSpec = s.spec();
  void [md, tex, normalized.optimizer.learning_rate];
  const exported = s.specWithParameters();
  const firstWeight: number | undefined = exported.init.weights[0]?.[0]?.[0];
  const again: Session = engine.session(exported);
  again.delete();
  const points = engine.pointData({ layers: [2, 1], activations: ['sigmoid'], loss: 'bce', data: { inputs: [[0, 1]], targets: [[1]] } });
  const task: 'classification' | 'regression' = points.task;
  const xy: [number, number][] = points.points;
  void [firstWeight, task, xy, points.labels];

  const v: ValidateResult = engine.validate(JSON.parse('{}'));
  if (v.ok) {
    const full: NormalizedSpec = v.spec;
    void full;
  } else {
    const code: ErrorCode = v.error.code;
    const path: string = v.error.path;
    void [code, path];
  }

  const n: number = engine.withSession(spec, (session) => session.train(5).steps);
  const later: Promise<number> = engine.withSession(spec, async (session) => session.state().step);
  void later;
  {
    using scoped = engine.session(explicit);
    scoped.step();
  }
  s[Symbol.dispose]();
  s.delete();

  try {
    engine.session(spec).matrix('W', 99);
  } catch (err) {
    if (err instanceof BpxError) {
      const code: 'INVALID_SPEC' | 'INVALID_ARGUMENT' | 'WRONG_PHASE' | 'DELETED' | 'DIVERGED' | 'INVALID_PROGRAM' | 'OUT_OF_MEMORY' | 'ENGINE_LOST' =
        err.code;
      const lost: boolean = engine.lost;
      const message: string = err.message;
      const isError: Error = err;
      void [code, message, isError, lost];
    }
  }
  const made = new BpxError('INVALID_ARGUMENT', 'x: bad', 'x');
  void made;

  // Circuit mode.
  const c = engine.circuit('(x + y) * z', { set: { x: -2, y: 5, z: -4 }, expanded: false, output: 'f' });
  const dz: number = c.inputs.z.grad;
  const numeric: number | null = c.inputs.z.numeric;
  const first: string = c.nodes[0].label;
  const sent: number[] = c.nodes[0].paths.map((p) => p.grad);
  const presets: string[] = engine.circuitCatalogue().presets.map((p) => p.program);
  void [dz, numeric, first, sent, presets, c.output.value, c.forward.length];
  try {
    engine.circuit('y = (');
  } catch (err) {
    if (err instanceof BpxError && err.code === 'INVALID_PROGRAM') {
      const place: [number | undefined, number | undefined] = [err.line, err.column];
      void place;
    }
  }

  return n + engine.heapBytes() + engine.heapUsedBytes() + engine.handleCount();
}

export function misuses(engine: Engine, s: Session): void {
  // @ts-expect-error: a spec is an object or JSON text
  engine.session(42);
  // @ts-expect-error: a layer matrix needs its layer
  s.matrix('W');
  // @ts-expect-error: unknown matrix name
  s.matrix('Q', 1);
  // @ts-expect-error: float maps are Float32Array
  const wrong: GridResult<Float64Array> = s.predictGrid(2, 2, 0, 1, 0, 1, { precision: 'float' });
  void wrong;
  // @ts-expect-error: evaluate takes 'train' or 'test'
  s.evaluate('validation');
  // @ts-expect-error: graph roots are 'loss' and 'activation'
  s.graph(1, 0, { root: 'z' });
  // @ts-expect-error: walkthrough formats are 'md' and 'tex'
  s.walkthrough({ format: 'pdf' });
  // @ts-expect-error: sessions come from engine.session()
  new Session();
  // @ts-expect-error: not a code
  new BpxError('OOPS', 'x');
}

// --- Code view ---------------------------------------------------------------------------
export function codeView(engine: Engine, s: Session): string {
  const code: PhaseCode = engine.codeLines(s, { lang: 'pytorch', phase: 0 });
  const line: CodeLine = code.lines[0];
  const shown: Matrix | number | null = line.value;
  const lang: CodeLang = 'numpy';
  const max: number = engine.codeMaxSteps;
  void shown;
  // @ts-expect-error: languages are 'numpy' and 'pytorch'
  engine.codeLines(s, { lang: 'julia' });
  return `${code.phase} ${code.phaseIndex} ${code.current} ${line.text} ${line.quantity} ${line.layer} ` +
    `${line.shape.join('x')} ${line.notes.length} ${max}` + engine.codeScript(s, { lang, steps: 2 }) +
    engine.codeScript(spec) + engine.codeScript('{"layers": [1, 1]}', { steps: 1 });
}
