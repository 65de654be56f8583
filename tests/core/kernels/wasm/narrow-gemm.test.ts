/**
 * The GEMM's narrow path (n ≤ 64 or k ≤ 16: A read in place, whole rows of C in registers, masked stores at the right
 * edge) and the packed path's masked edge tiles, against the reference kernels for float32 and float64.
 */
import { describe, expect, it } from 'vitest';
import { referenceKernels } from '../../../../src/core/kernels/reference';
import type { FloatArray } from '../../../../src/core/kernels/kernels';
import { DTYPES, dotTolerance, maxAbsDiff, plainCopy, plainWasmKernels, randomArray } from './fixtures';
import type { Dtype } from './fixtures';

const wasm = plainWasmKernels();
const OPS = [false, true].flatMap((transA) => [false, true].map((transB) => ({ transA, transB })));

/** Runs wasm and reference gemm on the same random operands; returns the worst difference and the tolerance. */
function compare(
  dtype: Dtype,
  m: number,
  n: number,
  k: number,
  transA: boolean,
  transB: boolean,
  accumulate: boolean,
  seed: number,
) {
  const a = randomArray(wasm, dtype, m * k, seed);
  const b = randomArray(wasm, dtype, k * n, seed + 1);
  const c = randomArray(wasm, dtype, m * n, seed + 2);
  const expected = plainCopy(c);
  referenceKernels.gemm(a, b, expected, m, n, k, transA, transB, accumulate);
  wasm.gemm(a, b, c, m, n, k, transA, transB, accumulate);
  return { diff: maxAbsDiff(c, expected), tolerance: dotTolerance(dtype, k) };
}

/** 'NaN', 'infinite' or 'finite'. */
const kindOf = (v: number): string => (Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? 'finite' : 'infinite');

describe('WasmKernels.gemm on narrow outputs and tiny depths', () => {
  for (const dtype of DTYPES) {
    for (const { transA, transB } of OPS) {
      for (const accumulate of [false, true]) {
        it(`matches the reference for ${dtype}, transA=${transA}, transB=${transB}, accumulate=${accumulate}, n = 1…17`, () => {
          let seed = 1;
          for (let n = 1; n <= 17; n++) {
            for (const [m, k] of [
              [1, 1],
              [3, 1],
              [7, 10],
              [13, 5],
              [5, 33],
              [21, 16],
              [4, 17],
            ]) {
              const { diff, tolerance } = compare(dtype, m, n, k, transA, transB, accumulate, (seed += 3));
              expect(diff, `${m}×${n}×${k}`).toBeLessThanOrEqual(tolerance);
            }
          }
        });

        it(`matches the reference for ${dtype}, transA=${transA}, transB=${transB}, accumulate=${accumulate} on outputs up to 64 wide, wide outputs with k ≤ 16, and the packed path's edge tiles`, () => {
          let seed = 500;
          const shapes = [
            [9, 50, 10],
            [100, 50, 10],
            [5, 129, 1],
            [11, 37, 16],
            [3, 23, 17],
            [13, 50, 300],
            [6, 19, 40],
            [7, 64, 33], // the widest narrow output
            [6, 67, 40], // packed path, masked edge tile (67 = 8·8 + 3)
            [5, 130, 17], // packed path, edge tile of 2 columns
            [3, 60, 8300], // B too deep for the narrow pack buffer: packed path
            [9, 1030, 3],
          ];
          for (const [m, n, k] of shapes) {
            const { diff, tolerance } = compare(dtype, m, n, k, transA, transB, accumulate, (seed += 3));
            expect(diff, `${m}×${n}×${k}`).toBeLessThanOrEqual(tolerance);
          }
        });
      }
    }
  }

  it('writes nothing past the m×n block of C on any row width (masked stores, f32 and f64)', () => {
    for (const dtype of DTYPES) {
      for (const [m, n, k] of [
        [3, 1, 4],
        [5, 3, 7],
        [7, 10, 9],
        [2, 13, 3],
        [5, 50, 4],
        [9, 21, 40],
        [5, 67, 20],
        [6, 130, 17],
      ]) {
        const a = randomArray(wasm, dtype, m * k, 61);
        const b = randomArray(wasm, dtype, k * n, 62);
        const c = wasm.allocate(dtype, m * n + 7).fill(5);
        wasm.gemm(a, b, c, m, n, k, false, true, true);
        expect(Array.from(c.subarray(m * n)), `${dtype} ${m}×${n}×${k}`).toEqual([5, 5, 5, 5, 5, 5, 5]);
      }
    }
  });

  it('propagates NaN and Infinity only into the rows and columns of C they touch, on every new path', () => {
    for (const dtype of DTYPES) {
      for (const [m, n, k] of [
        [6, 10, 9],
        [5, 3, 40],
        [7, 50, 10],
        [9, 21, 40],
        [9, 67, 40],
      ]) {
        for (const { transA, transB } of OPS) {
          const a = randomArray(wasm, dtype, m * k, 71);
          const b = randomArray(wasm, dtype, k * n, 72);
          a[transA ? 4 * m + 2 : 2 * k + 4] = NaN; // op(A)[2, 4]: poisons row 2 of C
          b[transB ? (n - 1) * k + 3 : 3 * n + n - 1] = Infinity; // op(B)[3, n−1]: the last column becomes ±Infinity
          const c: FloatArray = wasm.allocate(dtype, m * n);
          c[n + 1] = NaN; // accumulated into: stays NaN, nothing else
          wasm.gemm(a, b, c, m, n, k, transA, transB, true);
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < n; j++) {
              const expected = i === 2 || (i === 1 && j === 1) ? 'NaN' : j === n - 1 ? 'infinite' : 'finite';
              expect(kindOf(c[i * n + j]), `${dtype} ${m}×${n}×${k} transA=${transA} transB=${transB} C[${i}, ${j}]`).toBe(
                expected,
              );
            }
          }
        }
      }
    }
  });

  it('reads B in place up to the last byte of the memory without reading past it (packs B there instead)', () => {
    for (const dtype of DTYPES) {
      const small = plainWasmKernels(4 * 1024 * 1024);
      const [m, n, k] = [7, 10, 32]; // B: 320 elements, a whole number of 64-byte blocks in f32 and f64
      const a = randomArray(small, dtype, m * k, 91);
      const c = small.allocate(dtype, m * n);
      const bytes = dtype === 'float64' ? 8 : 4;
      small.allocate(dtype, (small.freeBytes - k * n * bytes) / bytes);
      const b = randomArray(small, dtype, k * n, 92);
      expect(small.owns(b) && small.freeBytes === 0, 'B is the last block of the memory').toBe(true);
      const expected = plainCopy(c);
      referenceKernels.gemm(a, b, expected, m, n, k, false, false, false);
      small.gemm(a, b, c, m, n, k, false, false, false);
      expect(maxAbsDiff(c, expected), dtype).toBeLessThanOrEqual(dotTolerance(dtype, k));
    }
  });

  it('overwrites C when not accumulating, even where it held NaN', () => {
    for (const dtype of DTYPES) {
      const [m, n, k] = [5, 10, 3];
      const a = randomArray(wasm, dtype, m * k, 81);
      const b = randomArray(wasm, dtype, k * n, 82);
      const c = wasm.allocate(dtype, m * n).fill(NaN);
      wasm.gemm(a, b, c, m, n, k, false, false, false);
      expect(c.every((v) => Number.isFinite(v))).toBe(true);
    }
  });
});
