/** The wasm addRowVector and sumRows against the reference kernels, on own buffers and on plain arrays. */
import { describe, expect, it } from 'vitest';
import { referenceKernels } from '../../../../src/core/kernels/reference';
import { DTYPES, dotTolerance, maxAbsDiff, plainCopy, plainWasmKernels, randomArray } from './fixtures';

const wasm = plainWasmKernels();
const SHAPES: [number, number][] = [
  [1, 1],
  [1, 3],
  [3, 1],
  [5, 7],
  [100, 50],
  [17, 784],
  [2, 10],
];

describe('WasmKernels row operations', () => {
  for (const dtype of DTYPES) {
    for (const owned of [true, false]) {
      const where = owned ? 'its own buffers' : 'plain arrays';
      it(`addRowVector adds v to every row exactly like the reference (${dtype}, ${where})`, () => {
        let seed = 100;
        for (const [rows, cols] of SHAPES) {
          const x = randomArray(owned ? wasm : null, dtype, rows * cols, seed++);
          const v = randomArray(owned ? wasm : null, dtype, cols, seed++);
          const [expected, v0] = [plainCopy(x), plainCopy(v)];
          referenceKernels.addRowVector(expected, v, rows, cols);
          wasm.addRowVector(x, v, rows, cols);
          expect(maxAbsDiff(x, expected), `${rows}×${cols}`).toBe(0);
          expect(maxAbsDiff(v, v0)).toBe(0);
        }
      });

      it(`sumRows overwrites out with the column sums like the reference (${dtype}, ${where})`, () => {
        let seed = 200;
        for (const [rows, cols] of SHAPES) {
          const x = randomArray(owned ? wasm : null, dtype, rows * cols, seed++);
          const out = randomArray(owned ? wasm : null, dtype, cols, seed++);
          const expected = new (dtype === 'float64' ? Float64Array : Float32Array)(cols);
          referenceKernels.sumRows(x, expected, rows, cols);
          wasm.sumRows(x, out, rows, cols);
          expect(maxAbsDiff(out, expected), `${rows}×${cols}`).toBeLessThanOrEqual(dotTolerance(dtype, rows));
        }
      });
    }
  }
});
