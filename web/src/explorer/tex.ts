// LaTeX for matrices and shapes, from engine values (display only).
import type { T } from '../i18n/index';
import type { Matrix } from '../engine';
import { texNum } from '../format';

const MAX = 6;

function pick(n: number): (number | null)[] {
  if (n <= MAX) return Array.from({ length: n }, (_, i) => i);
  return [0, 1, 2, null, n - 2, n - 1];
}

/** A bmatrix of m (optionally transposed: rows and columns swapped for display). */
export function bmatrix(m: Matrix, digits: number, transpose = false): string {
  const rows = transpose ? m.cols : m.rows;
  const cols = transpose ? m.rows : m.cols;
  if (rows === 0 || cols === 0) return '\\begin{bmatrix}\\,\\end{bmatrix}';
  const get = (i: number, j: number) => (transpose ? m.data[j * m.cols + i] : m.data[i * m.cols + j]);
  const lines = pick(rows).map((i) =>
    pick(cols)
      .map((j) => (i === null ? (j === null ? '\\ddots' : '\\vdots') : j === null ? '\\cdots' : texNum(get(i, j), digits)))
      .join(' & '),
  );
  return `\\begin{bmatrix} ${lines.join(' \\\\ ')} \\end{bmatrix}`;
}

/** Shape as "r×c". */
export function shape(m: Matrix, transpose = false): string {
  return transpose ? `${m.cols}\\times ${m.rows}` : `${m.rows}\\times ${m.cols}`;
}

/** \underbrace{name}_{shape}. */
export function ub(name: string, shapeTex: string): string {
  return `\\underbrace{${name}}_{${shapeTex}}`;
}

export function sup(name: string, l: number | string): string {
  return `${name}^{[${l}]}`;
}

/** g(Z) in LaTeX for an activation name. */
export function gTex(act: string): string {
  switch (act) {
    case 'sigmoid':
      return '\\sigma';
    case 'tanh':
      return '\\tanh';
    case 'relu':
      return '\\operatorname{ReLU}';
    case 'leaky_relu':
      return '\\operatorname{LeakyReLU}';
    case 'linear':
      return '\\operatorname{id}';
    case 'softmax':
      return '\\operatorname{softmax}';
    default:
      return `\\operatorname{${act}}`;
  }
}

/** The definition of an activation and of its derivative. */
export function gDefinition(act: string, t: T): { g: string; dg: string } {
  switch (act) {
    case 'sigmoid':
      return { g: '\\sigma(z) = \\frac{1}{1 + e^{-z}}', dg: "\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))" };
    case 'tanh':
      return { g: '\\tanh(z) = \\frac{e^{2z} - 1}{e^{2z} + 1}', dg: "\\tanh'(z) = 1 - \\tanh^2(z)" };
    case 'relu':
      return { g: '\\operatorname{ReLU}(z) = \\max(0, z)', dg: "\\operatorname{ReLU}'(z) = [z > 0]" };
    case 'leaky_relu':
      return { g: '\\operatorname{LeakyReLU}(z) = \\max(\\alpha z, z)', dg: `\\operatorname{LeakyReLU}'(z) = 1 \\text{${t('math.if')}} z > 0 \\text{${t('math.else')}} \\alpha` };
    case 'linear':
      return { g: '\\operatorname{id}(z) = z', dg: "\\operatorname{id}'(z) = 1" };
    case 'softmax':
      return { g: '\\operatorname{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}', dg: '\\frac{\\partial a_i}{\\partial z_j} = a_i(\\delta_{ij} - a_j)' };
    default:
      return { g: act, dg: '' };
  }
}
