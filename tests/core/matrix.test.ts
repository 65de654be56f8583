import { describe, expect, it } from 'vitest';
import { matrix, referenceKernels, zeros } from '../../src/core/index';

describe('matrix helpers', () => {
  it('wraps data with its shape and rejects a length mismatch', () => {
    const m = matrix(2, 3, new Float32Array(6));
    expect([m.rows, m.cols, m.data.length]).toEqual([2, 3, 6]);
    expect(() => matrix(2, 3, new Float32Array(5))).toThrow(/5 elements but a 2×3 matrix needs 6/);
    expect(() => matrix(-1, 3, new Float32Array(0))).toThrow(/non-negative integers/);
  });

  it('allocates zeros of the requested dtype, through kernels when given', () => {
    expect(zeros('float64', 2, 2).data).toBeInstanceOf(Float64Array);
    const z = zeros('float32', 3, 1, referenceKernels);
    expect(z.data).toBeInstanceOf(Float32Array);
    expect(Array.from(z.data)).toEqual([0, 0, 0]);
  });
});
