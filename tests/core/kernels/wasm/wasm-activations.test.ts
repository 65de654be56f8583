/** The wasm activation kernels and fused epilogues against the reference: both builds, f32/f64, odd sizes, NaN/±Infinity, own and plain arrays. */
import { describe, expect, it } from 'vitest';
import { referenceKernels } from '../../../../src/core/kernels/reference';
import type { ActivationKind, FloatArray, Kernels } from '../../../../src/core/kernels/kernels';
import { createWasmKernelsSync } from '../../../../src/core/kernels/wasm';
import { DTYPES, plainCopy, plainWasmKernels, randomArray } from './fixtures';
import type { Dtype } from './fixtures';

const plain = plainWasmKernels(64 << 20);
const relaxed = createWasmKernelsSync({ relaxed: true, capacityBytes: 64 << 20 });
const BACKENDS = [plain, ...(relaxed ? [relaxed] : [])];
const KINDS: ActivationKind[] = ['relu', 'sigmoid', 'tanh'];
/** rows×cols: tails of every length past the 4-lane (f32) and 2-lane (f64) vectors, and the book's layer widths. */
const SHAPES: [number, number][] = [
  [1, 1],
  [1, 3],
  [3, 5],
  [7, 6],
  [2, 9],
  [5, 50],
  [17, 13],
  [100, 256],
  [3, 10],
];
/** Values every kernel must carry through: NaN, ±Infinity, ±0, huge, tiny and subnormal, overflow of exp(−x). */
const SPECIAL = [Number.NaN, Infinity, -Infinity, 0, -0, 1e-310, -1e-310, 1e-30, 50, -50, 700, -720, 88, -104, 3.4e38, -3.4e38];

/** x with the special values written over its start (and scaled up so that sigmoid and tanh saturate somewhere). */
function inputs(kernels: Kernels | null, dtype: Dtype, n: number, seed: number): FloatArray {
  const x = randomArray(kernels, dtype, n, seed);
  for (let i = 0; i < n; i++) x[i] *= i % 3 === 0 ? 12 : 1;
  for (let i = 0; i < Math.min(n, SPECIAL.length); i++) x[(i * 7) % n] = SPECIAL[i];
  x[0] = Number.NaN;
  return x;
}

/** Same values bit for bit (NaN equal to NaN, +0 unlike −0). */
function expectIdentical(actual: FloatArray, expected: FloatArray, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) expect(`${what}[${i}] = ${actual[i]}`).toBe(`${what}[${i}] = ${expected[i]}`);
  }
}

/**
 * Same values within `ulps` units of the last place of f64 (relative), same NaNs and signs: the forward of Sigmoid and
 * Tanh, whose exp is a polynomial rather than V8's Math.exp. Float32 results are rounded from those f64 values, so
 * they equal the reference unless an f64 value falls within a few ulp of a float32 rounding boundary.
 */
function expectClose(actual: FloatArray, expected: FloatArray, ulps: number, what: string): void {
  for (let i = 0; i < expected.length; i++) {
    const [a, e] = [actual[i], expected[i]];
    if (Object.is(a, e)) continue;
    const ok = Number.isFinite(e) && Math.sign(a) === Math.sign(e) && Math.abs(a - e) <= ulps * 2 ** -52 * Math.abs(e) + 1e-320;
    if (!ok) expect(`${what}[${i}] = ${a}`).toBe(`${what}[${i}] = ${e}`);
  }
}

/** The reference's forward values match to 0 ulp for ReLU; Sigmoid/Tanh to 4 f64 ulp (f64) or 1 float32 ulp (f32). */
function expectForward(actual: FloatArray, expected: FloatArray, kind: ActivationKind, what: string): void {
  if (kind === 'relu') expectIdentical(actual, expected, what);
  else expectClose(actual, expected, actual instanceof Float64Array ? 4 : 2 ** 29, what);
}

describe('WasmKernels activations and fused epilogues', () => {
  for (const wasm of BACKENDS) {
    for (const dtype of DTYPES) {
      for (const owned of [true, false]) {
        const alloc = owned ? wasm : null;
        const where = `${wasm.name}, ${dtype}, ${owned ? 'its own buffers' : 'plain arrays'}`;
        for (const kind of KINDS) {
          it(`${kind} forward and backward match the reference, NaN staying NaN (${where})`, () => {
            let seed = 10;
            for (const [rows, cols] of SHAPES) {
              const n = rows * cols;
              const x = inputs(alloc, dtype, n, seed++);
              const dout = inputs(alloc, dtype, n, seed++);
              const x0 = plainCopy(x);
              const [y, expectedY] = [alloc ? wasm.allocate(dtype, n) : plainCopy(x).fill(7), plainCopy(x).fill(7)];
              wasm.activationForward(kind, x, y);
              referenceKernels.activationForward(kind, x, expectedY);
              expectForward(y, expectedY, kind, `${rows}×${cols} y`);
              expectIdentical(x, x0, 'x');
              // The backward from the same x and y (the wasm forward's), so any difference is the backward's own.
              const [dx, expectedDx] = [alloc ? wasm.allocate(dtype, n) : plainCopy(x), plainCopy(x)];
              wasm.activationBackward(kind, dout, x, y, dx);
              referenceKernels.activationBackward(kind, dout, x, y, expectedDx);
              expectIdentical(dx, expectedDx, `${rows}×${cols} dx`);
              expect(Number.isNaN(y[0]), 'f(NaN)').toBe(true);
            }
          });

          it(`${kind} fused epilogues equal the unfused kernels bit for bit (${where})`, () => {
            let seed = 50;
            for (const [rows, cols] of SHAPES) {
              const n = rows * cols;
              const z = inputs(alloc, dtype, n, seed++);
              const b = inputs(alloc, dtype, cols, seed++);
              const dout = inputs(alloc, dtype, n, seed++);
              const [z2, b0] = [plainCopy(z), plainCopy(b)];
              const y = alloc ? wasm.allocate(dtype, n) : plainCopy(z);
              wasm.biasActivationForward(kind, z, b, y, rows, cols);
              const y2 = plainCopy(z2);
              wasm.addRowVector(z2, b, rows, cols);
              wasm.activationForward(kind, z2, y2);
              expectIdentical(z, z2, `${rows}×${cols} z`);
              expectIdentical(y, y2, `${rows}×${cols} y`);
              expectIdentical(b, b0, 'b');
              const [dz, db] = [
                alloc ? wasm.allocate(dtype, n) : plainCopy(z),
                alloc ? wasm.allocate(dtype, cols) : plainCopy(b),
              ];
              wasm.activationBackwardSumRows(kind, dout, z, y, dz, db, rows, cols);
              const [dz2, db2] = [plainCopy(z), plainCopy(b)];
              wasm.activationBackward(kind, dout, z, y, dz2);
              wasm.sumRows(dz2, db2, rows, cols);
              expectIdentical(dz, dz2, `${rows}×${cols} dz`);
              expectIdentical(db, db2, `${rows}×${cols} db`);
              // And the reference's fused backward from the same z, y: bit for bit.
              const [dz3, db3] = [plainCopy(z), plainCopy(b)];
              referenceKernels.activationBackwardSumRows(kind, dout, z, y, dz3, db3, rows, cols);
              expectIdentical(dz, dz3, 'reference dz');
              expectIdentical(db, db3, 'reference db');
            }
          });
        }
      }
    }
  }

  it('falls back to the reference kernels, with their results, when scratch memory cannot stage plain arrays', () => {
    const small = plainWasmKernels(4 * 1024 * 1024);
    // 2.4 MB of float64 per matrix: they do not fit beside the pack buffers. float64, because there the WebAssembly
    // Sigmoid and Tanh differ from the reference in the last bits, so equal results show that the reference ran.
    const [rows, cols] = [1000, 300];
    const n = rows * cols;
    expect(small.freeBytes).toBeLessThan(2 * n * 8);
    for (const kind of KINDS) {
      const z = inputs(null, 'float64', n, 5);
      const b = inputs(null, 'float64', cols, 6);
      const dout = inputs(null, 'float64', n, 7);
      const [z2, y, y2] = [plainCopy(z), new Float64Array(n), new Float64Array(n)];
      small.biasActivationForward(kind, z, b, y, rows, cols);
      referenceKernels.biasActivationForward(kind, z2, b, y2, rows, cols);
      expectIdentical(y, y2, `${kind} y`);
      const [dz, db, dz2, db2] = [new Float64Array(n), new Float64Array(cols), new Float64Array(n), new Float64Array(cols)];
      small.activationBackwardSumRows(kind, dout, z, y, dz, db, rows, cols);
      referenceKernels.activationBackwardSumRows(kind, dout, z, y, dz2, db2, rows, cols);
      expectIdentical(dz, dz2, `${kind} dz`);
      expectIdentical(db, db2, `${kind} db`);
    }
  });

  it('rejects an unknown kind, mixed dtypes, short arrays and an output overlapping its input', () => {
    const x = plain.allocate('float32', 8);
    const y = plain.allocate('float32', 8);
    expect(() => plain.activationForward('gelu' as ActivationKind, x, y)).toThrow(
      /kind must be 'relu', 'sigmoid' or 'tanh', got "gelu"/,
    );
    expect(() => plain.activationForward('relu', x, new Float64Array(8))).toThrow(/one dtype/);
    expect(() => plain.activationForward('relu', x, y.subarray(0, 7))).toThrow(/y has 7 elements, expected at least 8/);
    expect(() => plain.activationForward('relu', x, x)).toThrow(/y and x overlap/);
    expect(() => plain.biasActivationForward('tanh', x, y.subarray(0, 3), y, 2, 4)).toThrow(
      /b has 3 elements, expected at least 4/,
    );
    expect(() => plain.activationBackwardSumRows('sigmoid', x, x, x, y, y.subarray(0, 4), 2, 4)).toThrow(/db and dz overlap/);
  });
});
