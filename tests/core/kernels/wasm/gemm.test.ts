/** The wasm GEMM against the reference kernels: every transposition, accumulate on/off, float32 and float64, odd shapes. */
import { describe, expect, it } from 'vitest';
import { referenceKernels } from '../../../../src/core/kernels/reference';
import { DTYPES, dotTolerance, maxAbsDiff, plainCopy, plainWasmKernels, randomArray } from './fixtures';

const wasm = plainWasmKernels();

/** m×n×k: 1×1, primes, tile multiples and non-multiples (MR 4, NR 8/4), block edges (KC 256, MC 128, NC 1024), the MLP shapes. */
const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [1, 7, 1],
  [7, 1, 3],
  [2, 3, 5],
  [4, 8, 16],
  [5, 9, 17],
  [13, 11, 7],
  [31, 37, 41],
  [3, 5, 256],
  [3, 5, 257],
  [129, 6, 2],
  [128, 8, 512],
  [2, 1031, 3],
  [100, 50, 784],
  [100, 10, 50],
];

describe('WasmKernels.gemm', () => {
  for (const dtype of DTYPES) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const accumulate of [false, true]) {
          it(`matches the reference for ${dtype}, transA=${transA}, transB=${transB}, accumulate=${accumulate} on every shape`, () => {
            let seed = 1;
            for (const [m, n, k] of SHAPES) {
              const a = randomArray(wasm, dtype, m * k, seed++);
              const b = randomArray(wasm, dtype, k * n, seed++);
              const c = randomArray(wasm, dtype, m * n, seed++);
              const expected = plainCopy(c);
              referenceKernels.gemm(a, b, expected, m, n, k, transA, transB, accumulate);
              wasm.gemm(a, b, c, m, n, k, transA, transB, accumulate);
              expect(maxAbsDiff(c, expected), `${m}×${n}×${k}`).toBeLessThanOrEqual(dotTolerance(dtype, k));
            }
          });
        }
      }
    }
  }

  it('gives the same result for plain typed arrays (staged through scratch) as for its own buffers', () => {
    for (const dtype of DTYPES) {
      const [m, n, k] = [37, 19, 300];
      const a = randomArray(null, dtype, m * k, 11);
      const b = randomArray(null, dtype, n * k, 12);
      const c = randomArray(null, dtype, m * n, 13);
      const [aIn, bIn, cIn] = [wasm.allocate(dtype, m * k), wasm.allocate(dtype, n * k), wasm.allocate(dtype, m * n)];
      aIn.set(a);
      bIn.set(b);
      cIn.set(c);
      wasm.gemm(a, b, c, m, n, k, false, true, true);
      wasm.gemm(aIn, bIn, cIn, m, n, k, false, true, true);
      expect(wasm.owns(c)).toBe(false);
      expect(maxAbsDiff(c, cIn)).toBe(0);
    }
  });

  it('leaves A and B unchanged and writes nothing past the m×n block of C', () => {
    const [m, n, k] = [9, 11, 13];
    const a = randomArray(wasm, 'float32', m * k, 21);
    const b = randomArray(wasm, 'float32', k * n, 22);
    const c = wasm.allocate('float32', m * n + 5).fill(7);
    const [a0, b0] = [plainCopy(a), plainCopy(b)];
    wasm.gemm(a, b, c, m, n, k, false, false, false);
    expect(maxAbsDiff(a, a0)).toBe(0);
    expect(maxAbsDiff(b, b0)).toBe(0);
    expect(Array.from(c.subarray(m * n))).toEqual([7, 7, 7, 7, 7]);
  });

  it('propagates NaN and Infinity only into the rows and columns of C they touch (IEEE arithmetic, nothing hidden)', () => {
    for (const dtype of DTYPES) {
      const [m, n, k] = [6, 10, 9];
      const a = randomArray(wasm, dtype, m * k, 41);
      const b = randomArray(wasm, dtype, k * n, 42);
      a[2 * k + 4] = NaN; // op(A)[2, 4]: poisons row 2 of C
      b[3 * n + 7] = Infinity; // B[3, 7]: column 7 of C becomes ±Infinity (or NaN in row 2)
      const c = wasm.allocate(dtype, m * n);
      wasm.gemm(a, b, c, m, n, k, false, false, false);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          const v = c[i * n + j];
          const expected = i === 2 ? 'NaN' : j === 7 ? 'infinite' : 'finite';
          const found = Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? 'finite' : 'infinite';
          expect(found, `${dtype} C[${i}, ${j}]`).toBe(expected);
        }
      }
    }
  });

  it('sets C to zero when k = 0 and keeps it when accumulating', () => {
    const c = wasm.allocate('float64', 6).fill(3);
    wasm.gemm(new Float64Array(0), new Float64Array(0), c, 2, 3, 0, false, false, true);
    expect(Array.from(c)).toEqual([3, 3, 3, 3, 3, 3]);
    wasm.gemm(new Float64Array(0), new Float64Array(0), c, 2, 3, 0, false, false, false);
    expect(Array.from(c)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('falls back to the reference when foreign operands do not fit in the free memory', () => {
    const small = plainWasmKernels(4 * 1024 * 1024); // the static pack buffers already use ~2.4 MB
    const [m, n, k] = [300, 300, 300]; // 3 × 360 kB f32 operands staged per call
    const a = randomArray(null, 'float32', m * k, 31);
    const b = randomArray(null, 'float32', k * n, 32);
    while (small.freeBytes > 400_000) small.allocate('float32', 100_000);
    const c = new Float32Array(m * n);
    const expected = new Float32Array(m * n);
    small.gemm(a, b, c, m, n, k, true, false, false);
    referenceKernels.gemm(a, b, expected, m, n, k, true, false, false);
    expect(maxAbsDiff(c, expected)).toBe(0);
  });
});
