/** The dense row-major matrix every layer computes on: a typed array with an explicit rows×cols shape. */
import type { FloatArray, Kernels } from './kernels/kernels';

export type { FloatArray } from './kernels/kernels';

/** A row-major rows×cols matrix; element (i, j) is data[i * cols + j]. */
export type Matrix = { rows: number; cols: number; data: FloatArray };

export type Dtype = 'float32' | 'float64';

/** The dtype of a typed array. */
export function dtypeOf(data: FloatArray): Dtype {
  return data instanceof Float64Array ? 'float64' : 'float32';
}

/**
 * Wrap `data` as a rows×cols matrix (no copy).
 * Throws when the sizes are not non-negative integers or data.length ≠ rows·cols.
 */
export function matrix(rows: number, cols: number, data: FloatArray): Matrix {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw new Error(`matrix: rows and cols must be non-negative integers, got ${rows}×${cols}`);
  }
  if (data.length !== rows * cols) {
    throw new Error(`matrix: data has ${data.length} elements but a ${rows}×${cols} matrix needs ${rows * cols}`);
  }
  return { rows, cols, data };
}

/** A zeroed rows×cols matrix of `dtype`, allocated through `kernels` when given. */
export function zeros(dtype: Dtype, rows: number, cols: number, kernels?: Kernels): Matrix {
  const length = rows * cols;
  if (!Number.isInteger(length) || length < 0) {
    throw new Error(`zeros: rows and cols must be non-negative integers, got ${rows}×${cols}`);
  }
  const data = kernels
    ? kernels.allocate(dtype, length)
    : dtype === 'float64'
      ? new Float64Array(length)
      : new Float32Array(length);
  return { rows, cols, data };
}

/** A deep copy of `m` (plain typed array of the same dtype). */
export function cloneMatrix(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: m.data.slice() };
}
