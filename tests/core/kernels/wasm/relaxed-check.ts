/**
 * Run by relaxed-simd.test.ts in a child Node with --experimental-wasm-relaxed-simd: prints, as JSON, the backend's
 * name and the worst rounding-scaled error of its gemm against the reference over every transposition and dtype.
 */
import { referenceKernels } from '../../../../src/core/kernels/reference';
import { createWasmKernelsSync } from '../../../../src/core/kernels/wasm';
import { DTYPES, dotTolerance, maxAbsDiff, plainCopy, randomArray } from './fixtures';

const kernels = createWasmKernelsSync({ relaxed: true });
let worst = 0;
let seed = 1;
for (const dtype of DTYPES) {
  for (const [m, n, k] of [
    [1, 1, 1],
    [5, 9, 17],
    [31, 37, 41],
    [100, 50, 784],
    [129, 6, 300],
    [13, 10, 50], // the narrow path (n ≤ 16)
    [7, 50, 10], // the narrow path (k ≤ 16) over 4 column chunks
    [9, 3, 1],
  ]) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const accumulate of [false, true]) {
          const a = randomArray(kernels, dtype, m * k, seed++);
          const b = randomArray(kernels, dtype, k * n, seed++);
          const c = randomArray(kernels, dtype, m * n, seed++);
          const expected = plainCopy(c);
          referenceKernels.gemm(a, b, expected, m, n, k, transA, transB, accumulate);
          kernels?.gemm(a, b, c, m, n, k, transA, transB, accumulate);
          worst = Math.max(worst, maxAbsDiff(c, expected) / dotTolerance(dtype, k));
        }
      }
    }
  }
}
console.log(JSON.stringify({ name: kernels?.name ?? null, worstErrorOverTolerance: worst }));
