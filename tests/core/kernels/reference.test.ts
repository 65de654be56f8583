import { describe, expect, it } from 'vitest';
import { referenceKernels as K } from '../../../src/core/kernels/reference';

/** Naive C = op(A)·op(B) by definition, as the oracle. */
function naive(a: number[], b: number[], m: number, n: number, k: number, ta: boolean, tb: boolean): number[] {
  const c: number[] = [];
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
      c.push(s);
    }
  return c;
}

describe('referenceKernels', () => {
  const m = 3,
    n = 5,
    k = 4;
  const a = Array.from({ length: m * k }, (_, i) => (i % 7) - 3 + 0.5);
  const b = Array.from({ length: k * n }, (_, i) => ((i * 5) % 11) - 5);
  for (const ta of [false, true])
    for (const tb of [false, true])
      it(`gemm matches the definition with transA=${ta} transB=${tb}, overwrite and accumulate`, () => {
        const c = new Float64Array(m * n).fill(7);
        K.gemm(Float64Array.from(a), Float64Array.from(b), c, m, n, k, ta, tb, false);
        const want = naive(a, b, m, n, k, ta, tb);
        expect(Array.from(c)).toEqual(want);
        K.gemm(Float64Array.from(a), Float64Array.from(b), c, m, n, k, ta, tb, true);
        expect(Array.from(c)).toEqual(want.map((v) => 2 * v));
      });

  it('adds a row vector to every row and sums over the batch axis', () => {
    const x = Float32Array.from([1, 2, 3, 4, 5, 6]);
    K.addRowVector(x, Float32Array.from([10, 20, 30]), 2, 3);
    expect(Array.from(x)).toEqual([11, 22, 33, 14, 25, 36]);
    const out = new Float32Array(3).fill(99);
    K.sumRows(x, out, 2, 3);
    expect(Array.from(out)).toEqual([25, 47, 69]);
  });

  it('allocates zeroed arrays of the requested dtype', () => {
    expect(K.allocate('float64', 4)).toBeInstanceOf(Float64Array);
    expect(Array.from(K.allocate('float32', 3))).toEqual([0, 0, 0]);
  });
});
