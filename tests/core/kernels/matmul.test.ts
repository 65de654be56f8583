import { describe, expect, it } from 'vitest';
import { TRANS_A, TRANS_B, matmulOn } from '../../../src/core/kernels/matmul';
import { referenceKernels } from '../../../src/core/kernels/reference';
import { matrix, zeros, type Matrix } from '../../../src/core/matrix';

const matmul = matmulOn(referenceKernels);
const m = (rows: number, cols: number, values: number[]): Matrix => matrix(rows, cols, Float64Array.from(values));
const transpose = (x: Matrix): Matrix => {
  const t = zeros('float64', x.cols, x.rows);
  for (let i = 0; i < x.rows; i++) for (let j = 0; j < x.cols; j++) t.data[j * x.rows + i] = x.data[i * x.cols + j];
  return t;
};

describe('matmul', () => {
  // x: 2×3, W: 3×2 — small enough to check by hand.
  const x = m(2, 3, [1, 2, 3, 4, 5, 6]);
  const W = m(3, 2, [1, -1, 0, 2, 0.5, 0]);

  it('computes x·W into out and returns out', () => {
    const out = zeros('float64', 2, 2);
    expect(matmul(x, W, out)).toBe(out);
    expect(Array.from(out.data)).toEqual([1 + 0 + 1.5, -1 + 4 + 0, 4 + 0 + 3, -4 + 10 + 0]);
  });

  it('computes dout·Wᵀ and xᵀ·dout with the stored (untransposed) operands, like Affine.backward', () => {
    const dout = m(2, 2, [1, 2, -1, 0.5]);
    const dx = matmul(dout, W, zeros('float64', 2, 3), TRANS_B);
    expect(Array.from(dx.data)).toEqual(Array.from(matmul(dout, transpose(W), zeros('float64', 2, 3)).data));
    const dW = matmul(x, dout, zeros('float64', 3, 2), TRANS_A);
    expect(Array.from(dW.data)).toEqual(Array.from(matmul(transpose(x), dout, zeros('float64', 3, 2)).data));
  });

  it('adds into out with accumulate', () => {
    const out = m(2, 2, [10, 10, 10, 10]);
    matmul(x, W, out, { accumulate: true });
    expect(Array.from(out.data)).toEqual([12.5, 13, 17, 16]);
  });

  it('names both shapes when they do not fit, and leaves out untouched', () => {
    const out = m(2, 2, [7, 7, 7, 7]);
    expect(() => matmul(x, x, out)).toThrow('matmul: 2×3 · 2×3 does not give 2×2 (inner sizes 3 and 2 differ)');
    expect(() => matmul(x, W, zeros('float64', 2, 3))).toThrow('matmul: 2×3 · 3×2 does not give 2×3 (it gives 2×2)');
    expect(() => matmul(x, W, out, TRANS_A)).toThrow('matmul: (2×3)ᵀ · 3×2 does not give 2×2 (inner sizes 2 and 3 differ)');
    expect(Array.from(out.data)).toEqual([7, 7, 7, 7]);
  });
});
