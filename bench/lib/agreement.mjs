// Equal work: every contender computes the same thing from the same weights.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gridPoints, repoRoot, sessionSetup } from './contenders.mjs';
import { GRID } from './workloads.mjs';

export async function agreementCheck(engine, tf, haveTfWasm) {
  const out = {};
  const pg = await import('../peers/playground_style.mjs');
  const { makeTfContender } = await import('../peers/tfjs_mlp.mjs');
  const backends = haveTfWasm ? ['cpu', 'wasm'] : ['cpu'];
  for (const [specPath, withPeer] of [['bench/specs/frame1.json', true], ['bench/specs/mlp881.json', false]]) {
    const { spec, init, data } = sessionSetup(engine, { spec: specPath });
    const tag = path.basename(specPath, '.json');
    const m = 10;
    const sizes = spec.layers;
    const rows = (flat, l) => Array.from({ length: sizes[l + 1] }, (_, j) => Array.from(flat.subarray(j * sizes[l], (j + 1) * sizes[l])));
    const inputs = Array.from({ length: m }, (_, k) => [data.X[k], data.X[data.n + k]]);
    const targets = Array.from({ length: m }, (_, k) => [data.Y[k]]);
    const weights = init.W.map((W, l) => rows(W, l));
    const biases = init.b.map((b) => Array.from(b));
    const small = { ...spec, batch_size: m, init: { weights, biases }, data: { inputs, targets } };
    // One update on 10 points: the engine is the reference.
    const s = engine.session(small);
    s.train(1);
    const ref = Array.from({ length: s.L }, (_, l) => s.W(l + 1).data);
    s.delete();
    const maxDiff = (Ws, R = ref) => Math.max(...Ws.map((W, l) => Math.max(...Array.from(W, (v, i) => Math.abs(v - R[l][i])))));
    // The unit maps over the grid from the initial weights: the engine's float kernel is the reference.
    const full = engine.session(readFileSync(path.join(repoRoot, specPath), 'utf8'));
    const maps = full.predictGrid(GRID.nx, GRID.ny, GRID.lo, GRID.hi, GRID.lo, GRID.hi, { allUnits: true, precision: 'float' }).maps;
    full.delete();
    const gridDiff = (valueOf) => Math.max(...maps.map((mp, u) => Math.max(...Array.from(mp.values, (v, k) => Math.abs(v - valueOf(u, k))))));
    if (withPeer) {
      const net = pg.buildNetwork(sizes, { weights, biases });
      pg.trainEpoch(net, inputs.map(([x, y], k) => ({ x, y, label: targets[k][0] })), m, spec.optimizer.learning_rate);
      out[`${tag}: Playground-style JS engine, W after one update`] = maxDiff(net.slice(1).map((layer) => Float64Array.from(layer.flatMap((u) => u.inLinks.map((k) => k.weight)))));
      const fresh = pg.buildNetwork(sizes, { weights, biases });
      const pmaps = [...pg.unitMaps(fresh, GRID.nx, GRID.lo, GRID.hi).values()];
      out[`${tag}: Playground-style JS engine, unit maps`] = gridDiff((u, k) => pmaps[u][k]);
    }
    for (const backend of backends) {
      const sub = {
        X: Float64Array.from([...inputs.map((p) => p[0]), ...inputs.map((p) => p[1])]),
        Y: Float64Array.from(targets.map((t) => t[0])),
        XTest: new Float64Array(0),
        YTest: new Float64Array(0),
        n: m,
        nTest: 0,
      };
      const c = await makeTfContender(tf, backend, { spec: { ...spec, batch_size: m }, init, data: sub, grid: gridPoints() });
      const tmaps = c.grid(); // per layer: [cells, units]
      const unitOf = [];
      tmaps.forEach((t, l) => { for (let j = 0; j < sizes[l + 1]; j++) unitOf.push([l, j]); });
      out[`${tag}: TF.js ${backend}, unit maps`] = gridDiff((u, k) => {
        const [l, j] = unitOf[u];
        return tmaps[l][k * sizes[l + 1] + j];
      });
      c.step();
      out[`${tag}: TF.js ${backend}, W after one update`] = maxDiff(c.parameters().W);
      c.dispose();
    }
  }
  return out;
}

