/** The fused softmax + cross-entropy + (y − t)·scale kernel of the wasm backend against the reference kernel. */
import { describe, expect, it } from 'vitest';
import { referenceKernels } from '../../../../src/core/kernels/reference';
import type { FloatArray } from '../../../../src/core/kernels/kernels';
import { createRng } from '../../../../src/core/rng';
import { DTYPES, maxAbsDiff, plainWasmKernels, randomArray, type Dtype } from './fixtures';

const wasm = plainWasmKernels();
const COLS = [1, 2, 3, 10, 17];
const ROWS = 7;

/** Worst accepted |wasm − reference| of a probability or dx element, and relative error of a row loss. */
const PROB_TOL: Record<Dtype, number> = { float32: 4e-7, float64: 4e-16 };
/** Worst accepted relative error of a probability (f32: a few ulp, also for scores 40 apart). */
const REL_TOL: Record<Dtype, number> = { float32: 4e-7, float64: 1e-15 };
const LOSS_TOL: Record<Dtype, number> = { float32: 2e-6, float64: 1e-14 };

const make = (dtype: Dtype, length: number): FloatArray =>
  dtype === 'float64' ? new Float64Array(length) : new Float32Array(length);

/** Class indices in [0, cols) from `seed`. */
function classes(rows: number, cols: number, seed: number): Int32Array {
  const rng = createRng(seed);
  return Int32Array.from({ length: rows }, () => rng.int(cols));
}

/** A soft label matrix: each row non-negative, summing to 1, with some exact zeros. */
function softLabels(dtype: Dtype, rows: number, cols: number, seed: number): FloatArray {
  const rng = createRng(seed);
  const t = make(dtype, rows * cols);
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += t[i * cols + j] = rng.next() < 0.3 ? 0 : rng.next();
    if (sum === 0) t[i * cols] = sum = 1;
    for (let j = 0; j < cols; j++) t[i * cols + j] /= sum;
  }
  return t;
}

/** Runs both kernels on x and t (dx scale 1/rows) and returns their y, dx and loss. */
function both(dtype: Dtype, x: FloatArray, rows: number, cols: number, t: Int32Array | FloatArray | null) {
  const out = (owned: boolean) => (owned ? wasm.allocate(dtype, rows * cols) : make(dtype, rows * cols));
  const [y, dx, yRef, dxRef] = [out(true), out(false), out(false), out(false)];
  const loss = wasm.softmaxCrossEntropy(x, y, rows, cols, t, dx, 1 / rows);
  const lossRef = referenceKernels.softmaxCrossEntropy(x, yRef, rows, cols, t, dxRef, 1 / rows);
  return { y, dx, loss, yRef, dxRef, lossRef };
}

describe('WasmKernels.softmaxCrossEntropy', () => {
  for (const dtype of DTYPES) {
    for (const kind of ['class indices', 'soft label matrix'] as const) {
      it(`matches the reference in y, loss and dx for C = ${COLS.join(', ')} (${dtype}, ${kind})`, () => {
        let seed = 1;
        for (const cols of COLS) {
          const x = randomArray(null, dtype, ROWS * cols, seed++).map((v) => 20 * v);
          const t = kind === 'class indices' ? classes(ROWS, cols, seed++) : softLabels(dtype, ROWS, cols, seed++);
          const r = both(dtype, x, ROWS, cols, t);
          expect(maxAbsDiff(r.y, r.yRef), `y, C = ${cols}`).toBeLessThanOrEqual(PROB_TOL[dtype]);
          r.y.forEach((p, i) => {
            const q = r.yRef[i];
            if (q > 1e-30) expect(Math.abs(p - q) / q, `y[${i}], C = ${cols}`).toBeLessThanOrEqual(REL_TOL[dtype]);
          });
          expect(maxAbsDiff(r.dx, r.dxRef), `dx, C = ${cols}`).toBeLessThanOrEqual(PROB_TOL[dtype]);
          expect(Math.abs(r.loss - r.lossRef), `loss, C = ${cols}`).toBeLessThanOrEqual(LOSS_TOL[dtype] * (1 + r.lossRef));
          for (let i = 0; i < ROWS; i++) {
            let sum = 0;
            for (let j = 0; j < cols; j++) sum += r.y[i * cols + j];
            expect(Math.abs(sum - 1), `row ${i} sums to 1, C = ${cols}`).toBeLessThanOrEqual(cols * PROB_TOL[dtype]);
          }
        }
      });
    }

    it(`writes dx = (y − t)·scale rounded like the reference, from its own y (${dtype})`, () => {
      const cols = 10;
      const x = randomArray(null, dtype, ROWS * cols, 40);
      const t = classes(ROWS, cols, 41);
      const r = both(dtype, x, ROWS, cols, t);
      const expected = make(dtype, ROWS * cols);
      for (let i = 0; i < expected.length; i++) expected[i] = r.y[i] - (t[Math.floor(i / cols)] === i % cols ? 1 : 0);
      for (let i = 0; i < expected.length; i++) expected[i] *= 1 / ROWS;
      expect(maxAbsDiff(r.dx, expected)).toBe(0);
    });

    it(`stays finite for huge and tiny scores, and gives −log p from x_j − lse when p underflows (${dtype})`, () => {
      const big = dtype === 'float32' ? 3e38 : 1e300;
      for (const row of [
        [big, -big, 0],
        [-big, -big, -big],
        [1e4, 0, -1e4],
        [-1e-30, 1e-30, 0],
        [-200, -1e4, -5e3],
      ]) {
        const x = make(dtype, 3);
        x.set(row);
        for (let c = 0; c < 3; c++) {
          const r = both(dtype, x, 1, 3, Int32Array.of(c));
          expect(Number.isFinite(r.loss), `${row} label ${c}`).toBe(true);
          expect(Math.abs(r.loss - r.lossRef), `${row} label ${c}`).toBeLessThanOrEqual(
            LOSS_TOL[dtype] * Math.abs(r.lossRef) + 1e-6,
          );
          expect(r.y.every(Number.isFinite) && r.dx.every(Number.isFinite), `${row}`).toBe(true);
          expect(maxAbsDiff(r.y, r.yRef), `${row}`).toBeLessThanOrEqual(PROB_TOL[dtype]);
        }
      }
    });

    it(`propagates a NaN score to its row's probabilities, dx and the loss, not to other rows (${dtype})`, () => {
      const x = make(dtype, 2 * 4);
      x.set([0.5, NaN, -1, 2, 1, 2, 3, 4]);
      const r = both(dtype, x, 2, 4, Int32Array.of(0, 1));
      expect(Number.isNaN(r.loss)).toBe(true);
      expect(Array.from(r.y.subarray(0, 4)).every(Number.isNaN)).toBe(true);
      expect(Array.from(r.dx.subarray(0, 4)).every(Number.isNaN)).toBe(true);
      expect(maxAbsDiff(r.y.subarray(4), r.yRef.subarray(4))).toBeLessThanOrEqual(PROB_TOL[dtype]);
    });

    it(`gives softmax only, with no labels, and leaves x unchanged (${dtype})`, () => {
      const x = randomArray(wasm, dtype, 5 * 17, 50);
      const before = Float64Array.from(x);
      const y = make(dtype, 5 * 17);
      const yRef = make(dtype, 5 * 17);
      expect(wasm.softmaxCrossEntropy(x, y, 5, 17, null, null, 0)).toBe(0);
      referenceKernels.softmaxCrossEntropy(x, yRef, 5, 17, null, null, 0);
      expect(maxAbsDiff(y, yRef)).toBeLessThanOrEqual(PROB_TOL[dtype]);
      expect(maxAbsDiff(Float64Array.from(x), before)).toBe(0);
    });
  }

  it('refuses a class index out of range, a wrong dtype and overlapping outputs, naming them', () => {
    const x = new Float32Array(6);
    const y = new Float32Array(6);
    expect(() => wasm.softmaxCrossEntropy(x, y, 2, 3, Int32Array.of(0, 3), null, 1)).toThrow(
      /class index 3 at row 1 is outside \[0, 3\)/,
    );
    expect(() => wasm.softmaxCrossEntropy(x, new Float64Array(6), 2, 3, null, null, 1)).toThrow(/one dtype/);
    expect(() => wasm.softmaxCrossEntropy(x, y, 2, 3, new Float32Array(5), null, 1)).toThrow(/t has 5 elements/);
    expect(() => wasm.softmaxCrossEntropy(x, y, 2, 3, null, y, 1)).toThrow(/dx and y overlap/);
  });
});
