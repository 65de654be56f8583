/** Targets a loss layer compares against: class indices, one-hot rows or regression targets. */
import type { Matrix } from './matrix';

/** N class indices, or an N×C one-hot / N×T regression matrix. */
export type Labels = Int32Array /* N class indices */ | Matrix; /* N×C one-hot or N×T regression targets */

/** Number of rows described by `t`. */
export function labelRows(t: Labels): number {
  return t instanceof Int32Array ? t.length : t.rows;
}

/** The class of row i: the index itself, or the arg-max of a one-hot row. */
export function classOf(t: Labels, i: number): number {
  if (t instanceof Int32Array) return t[i];
  return argmaxRow(t, i);
}

/** Column index of the largest value in row i of `m` (first one on ties). */
export function argmaxRow(m: Matrix, i: number): number {
  const o = i * m.cols;
  let best = 0;
  for (let j = 1; j < m.cols; j++) if (m.data[o + j] > m.data[o + best]) best = j;
  return best;
}
