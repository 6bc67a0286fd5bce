// Where each node of a circuit goes: inputs in the first column, each gate one column to
// the right of its deepest input, a constant just left of the gate that reads it; rows
// ordered by the mean row of a node's inputs so that wires cross little.
import type { Circuit } from '../../../bindings/wasm/engine.js';

export const circuitLayout = {
  columnGap: 150,
  rowGap: 84,
  margin: 56,
  gateRadius: 21,
  /** Right of the output gate: room for the output wire and its labels. */
  tail: 120,
} as const;

export interface Placed {
  x: number;
  y: number;
  column: number;
}

export interface CircuitPlacement {
  at: Map<string, Placed>;
  width: number;
  height: number;
}

export function placeCircuit(c: Circuit): CircuitPlacement {
  const { columnGap, rowGap, margin, tail } = circuitLayout;
  const index = new Map(c.nodes.map((n, i) => [n.id, i] as const));
  const column = new Array<number>(c.nodes.length).fill(0);
  c.nodes.forEach((n, i) => {
    if (n.kind === 'gate' || n.kind === 'output')
      column[i] = 1 + Math.max(0, ...n.inputs.map((id) => column[index.get(id) as number]));
  });
  // A constant sits one column left of its first reader.
  c.nodes.forEach((n, i) => {
    if (n.kind !== 'constant' || n.paths.length === 0) return;
    column[i] = Math.max(0, column[index.get(n.paths[0].to) as number] - 1);
  });
  const columns = Math.max(0, ...column) + 1;
  const row = new Array<number>(c.nodes.length).fill(0);
  const members: number[][] = Array.from({ length: columns }, () => []);
  c.nodes.forEach((_, i) => members[column[i]].push(i));
  const inputOrdinal = new Map<number, number>();
  c.nodes.forEach((n, i) => n.kind === 'input' && inputOrdinal.set(i, inputOrdinal.size));
  for (let col = 0; col < columns; col++) {
    // Inputs keep the program's order; others follow the mean row of their neighbours.
    const key = (i: number) => {
      const n = c.nodes[i];
      if (n.kind === 'input') return inputOrdinal.get(i) as number;
      const near = n.kind === 'constant' ? n.paths.map((p) => p.to) : n.inputs;
      const rows = near.map((id) => row[index.get(id) as number]);
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : i;
    };
    const order = members[col].map((i) => ({ i, k: key(i) })).sort((a, b) => a.k - b.k || a.i - b.i);
    let next = -Infinity;
    for (const { i, k } of order) {
      row[i] = Math.max(Math.round(k), next + 1, 0);
      next = row[i];
    }
  }
  const rows = Math.max(0, ...row) + 1;
  const at = new Map<string, Placed>();
  c.nodes.forEach((n, i) =>
    at.set(n.id, { x: margin + column[i] * columnGap, y: margin + row[i] * rowGap, column: column[i] }),
  );
  return { at, width: margin * 2 + (columns - 1) * columnGap + tail, height: margin * 2 + (rows - 1) * rowGap };
}
