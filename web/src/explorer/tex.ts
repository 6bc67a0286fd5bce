// LaTeX for matrices and shapes, from engine values (display only).
import type { T } from '../i18n/index';
import type { Matrix } from '../engine';
import { catalog } from '../catalog';
import { texNum } from '../format';
import { texWords } from '../tex-fill';

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

/** g(Z) in LaTeX for an activation name: the engine's (catalogue `tex`), as its walkthrough writes it. */
export function gTex(act: string): string {
  return activationOf(act)?.tex ?? `\\operatorname{${act}}`;
}

/**
 * The definition of an activation and of its derivative (catalogue `texG`, `texPrime`), the
 * words of its TeX (\\text{ if }, \\text{ else }) in the page's language.
 */
export function gDefinition(act: string, t: T): { g: string; dg: string } {
  const a = activationOf(act);
  return { g: a?.texG ?? act, dg: texWords(a?.texPrime ?? '', t) };
}

function activationOf(name: string) {
  return catalog().activations.find((a) => a.name === name);
}
