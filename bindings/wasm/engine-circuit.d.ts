// Types of circuit mode: any program of scalar operations as a graph of gates. Re-exported
// by engine.d.ts; guide: docs/circuit.md and docs/js-api.md.

// ---------------------------------------------------------------------------------------
// Circuit mode
// ---------------------------------------------------------------------------------------

export interface CircuitOptions {
  /** Values of inputs, overriding the program's: `{ x: 1, 'w[0]': 2 }`; free names need one. */
  set?: Record<string, number>;
  /** The name differentiated (default: the last name assigned, or the lone expression `f`). */
  output?: string;
  /** sigmoid as neg -> exp -> +1 -> 1/x and tanh as (e^2x - 1)/(e^2x + 1) (default false). */
  expanded?: boolean;
}

export interface CircuitPath {
  /** The gate this wire goes into, and which of its inputs it is. */
  to: string;
  slot: number;
  /** The gradient arriving along this wire: the gate's gradient times its local gradient. */
  grad: number;
}

export interface CircuitNode {
  id: string;
  /** The variable's name (a repeated one as `x#2`), `w[0]`, a constant's text, or `t1`, `t2`, ... */
  label: string;
  /** input, const, add, sub, mul, div, neg, pow, exp, log, sqrt, tanh, sigmoid, relu, abs,
   *  max, min; expanded gates add_const, scale, inv. */
  op: string;
  kind: 'input' | 'constant' | 'gate' | 'output';
  inputs: string[];
  value: number;
  /** d output / d this node: the sum of `paths`. */
  grad: number;
  /** d this / d input, per input. */
  local: number[];
  paths: CircuitPath[];
  /** The gate written with its inputs' labels: `x + y`, `exp(t1)`. */
  formula: string;
  /** The formula with the inputs' values (6 significant digits): `(-2) + 5`. */
  calculation: string;
  constant?: number;
  /** For the gates of an expanded sigmoid or tanh: which composite they belong to. */
  group?: { name: 'sigmoid' | 'tanh'; id: number };
  pattern?: 'distributes' | 'swaps' | 'routes';
  /** How this gate passes its gradient back, with its numbers. */
  note?: string;
  line: number;
  column: number;
}

export interface CircuitInput {
  value: number;
  grad: number;
  /** Central finite difference (f(x + h) - f(x - h)) / 2h; null where it cannot be evaluated. */
  numeric: number | null;
  step: number;
}

export interface Circuit {
  output: { name: string; value: number; node: string };
  inputs: Record<string, CircuitInput>;
  expanded: boolean;
  /** Topological order: what the output depends on, and every input. */
  nodes: CircuitNode[];
  /** The ids of the gates in the order they fire. */
  forward: string[];
}

export interface CircuitPreset {
  id: string;
  title: string;
  program: string;
  expanded: boolean;
  /** The id of a preset to show beside this one, or ''. */
  compare: string;
  about: string;
}

export interface CircuitCatalogue {
  presets: CircuitPreset[];
  functions: { name: string; arity: number }[];
  limits: { programBytes: number; lines: number; lineLength: number; nesting: number;
    nodes: number; arrayLength: number; nameLength: number };
}
