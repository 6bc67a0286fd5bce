// The packed matrices of RawSession::view() and advance() (session_view_wasm.cpp) back into
// {rows, cols, shape, data} matrices: one Float64Array and one Int32Array of shapes cross the
// boundary instead of a call per matrix. The order is the one session_view_wasm.cpp writes.

const PER_LAYER = ['W', 'b', 'Z', 'dZ', 'dW', 'db', 'gprime'];

function reader({ data, shapes }) {
  let at = 0;
  let k = 0;
  return () => {
    const rows = shapes[k++];
    const cols = shapes[k++];
    const m = { rows, cols, shape: [rows, cols], data: data.slice(at, at + rows * cols) };
    at += rows * cols;
    return m;
  };
}

const empty = () => ({ rows: 0, cols: 0, shape: [0, 0], data: new Float64Array(0) });

/** {state, W, b, Z, dZ, dW, db, gprime (1..L, empty at 0), A, dA (0..L), Y, losses}. */
export function unpackSnapshot(state, packed) {
  const L = state.layers.length - 1;
  const next = reader(packed);
  const out = { state };
  for (const name of PER_LAYER) out[name] = [empty()];
  for (let l = 1; l <= L; l++) for (const name of PER_LAYER) out[name].push(next());
  out.A = [];
  out.dA = [];
  for (let l = 0; l <= L; l++) out.A.push(next());
  for (let l = 0; l <= L; l++) out.dA.push(next());
  out.Y = next();
  out.losses = next();
  return out;
}

/** {W, b}, indexed 1..L (empty at 0). */
export function unpackParameters(L, packed) {
  const next = reader(packed);
  const W = [empty()];
  const b = [empty()];
  for (let l = 1; l <= L; l++) W.push(next());
  for (let l = 1; l <= L; l++) b.push(next());
  return { W, b };
}
