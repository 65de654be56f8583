/** The wasm hasNonFinite, scaleAdd and reduceSgdStep against the reference kernels: every length class of the SIMD loops, both builds, non-finite values at every position. */
import { describe, expect, it } from 'vitest';
import { referenceKernels } from '../../../../src/core/kernels/reference';
import { createWasmKernelsSync } from '../../../../src/core/kernels/wasm';
import { DTYPES, maxAbsDiff, plainCopy, plainWasmKernels, randomArray } from './fixtures';

const plain = plainWasmKernels();
const relaxed = createWasmKernelsSync({ relaxed: true, capacityBytes: 64 << 20 });
const BACKENDS = [plain, ...(relaxed ? [relaxed] : [])];
/** Below, at and past each unrolled block (16 f32 / 8 f64 per block of hasNonFinite), and a parameter-sized one. */
const LENGTHS = [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33, 1000, 200_704];
const BAD = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

describe('WasmKernels vector operations', () => {
  for (const wasm of BACKENDS) {
    for (const dtype of DTYPES) {
      for (const owned of [true, false]) {
        const where = `${wasm.name}, ${dtype}, ${owned ? 'its own buffers' : 'plain arrays'}`;

        it(`hasNonFinite finds NaN, +Infinity and -Infinity at every position and nothing in finite data (${where})`, () => {
          for (const n of LENGTHS.filter((l) => l <= 1000)) {
            const x = randomArray(owned ? wasm : null, dtype, n, n + 1);
            x[0] = dtype === 'float32' ? 3.4e38 : 1.7e308; // the largest finite values are still finite
            expect(wasm.hasNonFinite(x), `n=${n} finite`).toBe(false);
            for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 40))) {
              for (const bad of BAD) {
                const kept = x[i];
                x[i] = bad;
                expect(wasm.hasNonFinite(x), `n=${n} x[${i}]=${bad}`).toBe(true);
                expect(referenceKernels.hasNonFinite(x)).toBe(true);
                x[i] = kept;
              }
            }
          }
        });

        it(`scaleAdd computes a·y + b·x like the reference and leaves x unchanged (${where})`, () => {
          let seed = 300;
          for (const n of LENGTHS) {
            const y = randomArray(owned ? wasm : null, dtype, n, seed++);
            const x = randomArray(owned ? wasm : null, dtype, n, seed++);
            const [expected, x0] = [plainCopy(y), plainCopy(x)];
            expect(referenceKernels.scaleAdd(expected, 0.75, x, -0.3)).toBe(false);
            expect(wasm.scaleAdd(y, 0.75, x, -0.3), `n=${n}`).toBe(false);
            // float64: the same separate multiplies and add, bit for bit; float32: a and b rounded to float32 first.
            expect(maxAbsDiff(y, expected), `n=${n}`).toBeLessThanOrEqual(dtype === 'float64' ? 0 : 3e-7);
            expect(maxAbsDiff(x, x0)).toBe(0);
          }
        });

        it(`scaleAdd reports a non-finite result at every position, whether from x, from y or from overflow (${where})`, () => {
          for (const n of [1, 7, 9, 33]) {
            for (let i = 0; i < n; i++) {
              const y = randomArray(owned ? wasm : null, dtype, n, i);
              const x = randomArray(owned ? wasm : null, dtype, n, i + 50);
              x[i] = BAD[i % 3];
              expect(wasm.scaleAdd(y, 1, x, -0.1), `n=${n} x[${i}]`).toBe(true);
              const z = randomArray(owned ? wasm : null, dtype, n, i + 90);
              const big = randomArray(owned ? wasm : null, dtype, n, i + 95);
              big[i] = dtype === 'float32' ? 3e38 : 1.7e308;
              expect(wasm.scaleAdd(z, 1, big, 4), `n=${n} overflow at ${i}`).toBe(true);
            }
          }
        });

        it(`reduceSgdStep equals scaleAdd(g, a, x, b) then scaleAdd(w, 1, g, −lr), bit for bit, and reports a non-finite w (${where})`, () => {
          let seed = 700;
          for (const n of LENGTHS) {
            const [w, g, x] = [0, 1, 2].map(() => randomArray(owned ? wasm : null, dtype, n, seed++));
            const [w2, g2] = [plainCopy(w), plainCopy(g)];
            wasm.scaleAdd(g2, 0.5, x, 0.5);
            const expected = wasm.scaleAdd(w2, 1, g2, -0.1);
            expect(wasm.reduceSgdStep(w, g, 0.5, x, 0.5, 0.1), `n=${n}`).toBe(expected);
            expect(maxAbsDiff(g, g2), `n=${n} g`).toBe(0);
            expect(maxAbsDiff(w, w2), `n=${n} w`).toBe(0);
            // The reference kernels' fused loop equals their own two passes too.
            const [rw, rg, rw2, rg2] = [plainCopy(w), plainCopy(g), plainCopy(w), plainCopy(g)];
            referenceKernels.reduceSgdStep(rw, rg, 0.25, x, 0.75, 0.2);
            referenceKernels.scaleAdd(rg2, 0.25, x, 0.75);
            referenceKernels.scaleAdd(rw2, 1, rg2, -0.2);
            expect(maxAbsDiff(rw, rw2) + maxAbsDiff(rg, rg2), `n=${n} reference`).toBe(0);
          }
          for (const n of [1, 7, 9, 33]) {
            for (let i = 0; i < n; i++) {
              const [w, g, x] = [0, 1, 2].map((k) => randomArray(owned ? wasm : null, dtype, n, 3 * i + k));
              x[i] = BAD[i % 3];
              expect(wasm.reduceSgdStep(w, g, 0.5, x, 0.5, 0.1), `n=${n} x[${i}]`).toBe(true);
              expect(Number.isFinite(w[i])).toBe(false);
            }
          }
        });
      }
    }
  }

  it('scaleAdd rejects mixed dtypes, a short x and overlapping arrays, naming them', () => {
    const y = plain.allocate('float32', 8);
    expect(() => plain.scaleAdd(y, 1, new Float64Array(8), 1)).toThrow(/one dtype.*y: Float32Array, x: Float64Array/);
    expect(() => plain.scaleAdd(y, 1, new Float32Array(4), 1)).toThrow(/x has 4 elements, expected at least 8/);
    expect(() => plain.scaleAdd(y.subarray(0, 4), 1, y.subarray(2, 6), 1)).toThrow(/y and x overlap/);
  });
});
