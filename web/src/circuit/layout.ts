// Where each node of a circuit goes: each gate one column to the right of its deepest
// input, inputs and constants just left of the first gate that reads them; rows
// ordered by the mean row of a node's inputs so that wires cross little.
import type { Circuit } from '../../../bindings/wasm/engine.js';

export const circuitLayout = {
  columnGap: 150,
  rowGap: 84,
  margin: 76,
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
  // Inputs and constants sit one column left of their first reader, so that no wire runs
  // past a gate it does not enter.
  c.nodes.forEach((n, i) => {
    if ((n.kind !== 'constant' && n.kind !== 'input') || n.paths.length === 0) return;
    column[i] = Math.max(0, Math.min(...n.paths.map((p) => column[index.get(p.to) as number])) - 1);
  });
  const columns = Math.max(0, ...column) + 1;
  const row = new Array<number>(c.nodes.length).fill(0);
  const members: number[][] = Array.from({ length: columns }, () => []);
  c.nodes.forEach((_, i) => members[column[i]].push(i));
  const inputOrdinal = new Map<number, number>();
  c.nodes.forEach((n, i) => n.kind === 'input' && inputOrdinal.set(i, inputOrdinal.size));
  const mean = (ids: string[]) => ids.reduce((a, id) => a + row[index.get(id) as number], 0) / ids.length;
  // Two sweeps: the first in the program's order, the second with each input next to the
  // mean row of the gates that read it.
  for (let sweep = 0; sweep < 2; sweep++) {
    for (let col = 0; col < columns; col++) {
      const key = (i: number) => {
        const n = c.nodes[i];
        if (n.kind === 'input')
          return sweep === 0 || n.paths.length === 0 ? (inputOrdinal.get(i) as number) : mean(n.paths.map((p) => p.to));
        const near = n.kind === 'constant' ? n.paths.map((p) => p.to) : n.inputs;
        return near.length ? mean(near) : i;
      };
      const order = members[col].map((i) => ({ i, k: key(i) })).sort((a, b) => a.k - b.k || a.i - b.i);
      let next = -Infinity;
      for (const { i, k } of order) {
        row[i] = Math.max(Math.round(k), next + 1, 0);
        next = row[i];
      }
    }
  }
  const top = Math.min(...row);
  for (let i = 0; i < row.length; i++) row[i] -= top; // no empty rows above
  const rows = Math.max(0, ...row) + 1;
  const at = new Map<string, Placed>();
  c.nodes.forEach((n, i) =>
    at.set(n.id, { x: margin + column[i] * columnGap, y: margin + row[i] * rowGap, column: column[i] }),
  );
  return { at, width: margin * 2 + (columns - 1) * columnGap + tail, height: margin * 2 + (rows - 1) * rowGap };
}
