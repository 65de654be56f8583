/** The wasm optimizer steps (momentum, Nesterov, AdaGrad, RMSprop, Adam) against the reference kernels: bit for bit (the same f64 operations), both dtypes, odd lengths, owned and plain arrays. */
import { describe, expect, it } from 'vitest';
import { referenceKernels } from '../../../../src/core/kernels/reference';
import type { WasmKernels } from '../../../../src/core/kernels/wasm';
import { createWasmKernelsSync } from '../../../../src/core/kernels/wasm';
import type { FloatArray } from '../../../../src/core/kernels/kernels';
import { DTYPES, plainCopy, plainWasmKernels, randomArray } from './fixtures';

const plain = plainWasmKernels();
const relaxed = createWasmKernelsSync({ relaxed: true, capacityBytes: 64 << 20 });
const BACKENDS = [plain, ...(relaxed ? [relaxed] : [])];
const LENGTHS = [0, 1, 2, 3, 5, 64, 1001];

/** A float64 state slot with values in [0, 1) (second moments must not be negative), owned by `kernels` or plain. */
function state(kernels: WasmKernels | null, n: number, seed: number): Float64Array {
  const s = randomArray(kernels, 'float64', n, seed) as Float64Array;
  for (let i = 0; i < n; i++) s[i] = Math.abs(s[i]);
  return s;
}

describe('WasmKernels optimizer steps', () => {
  for (const wasm of BACKENDS) {
    for (const dtype of DTYPES) {
      for (const owned of [true, false]) {
        const where = `${wasm.name}, ${dtype}, ${owned ? 'its own buffers' : 'plain arrays'}`;
        const own = owned ? wasm : null;

        it(`momentumStep updates v and W exactly like the reference over several steps (${where})`, () => {
          for (const n of LENGTHS) {
            const w = randomArray(own, dtype, n, n);
            const v = state(own, n, n + 1);
            const [w0, v0] = [plainCopy(w), Float64Array.from(v)];
            for (let step = 0; step < 3; step++) {
              const g = randomArray(own, dtype, n, 100 * step + n);
              const g0 = plainCopy(g);
              referenceKernels.momentumStep(w0, g, v0, 0.9, 0.05);
              wasm.momentumStep(w, g, v, 0.9, 0.05);
              expect([...g], 'dW unchanged').toEqual([...g0]);
            }
            expect([...w], `W, n=${n}`).toEqual([...w0]);
            expect([...v], `v, n=${n}`).toEqual([...v0]);
          }
        });

        it(`nesterovStep, AdaGrad's and RMSprop's adaptiveStep update their state and W exactly like the reference (${where})`, () => {
          const steps = {
            nesterov: (k: typeof referenceKernels, w: FloatArray, g: FloatArray, s: Float64Array) =>
              k.nesterovStep(w, g, s, 0.9, 0.05),
            adagrad: (k: typeof referenceKernels, w: FloatArray, g: FloatArray, s: Float64Array) =>
              k.adaptiveStep(w, g, s, null, 0.05),
            rmsprop: (k: typeof referenceKernels, w: FloatArray, g: FloatArray, s: Float64Array) =>
              k.adaptiveStep(w, g, s, 0.99, 0.05),
          };
          for (const [name, step] of Object.entries(steps)) {
            for (const n of LENGTHS) {
              const w = randomArray(own, dtype, n, n);
              const h = state(own, n, n + 1);
              const [w0, h0] = [plainCopy(w), Float64Array.from(h)];
              for (let k = 0; k < 3; k++) {
                const g = randomArray(own, dtype, n, 100 * k + n);
                step(referenceKernels, w0, g, h0);
                step(wasm, w, g, h);
              }
              expect([...w], `${name} W, n=${n}`).toEqual([...w0]);
              expect([...h], `${name} state, n=${n}`).toEqual([...h0]);
            }
          }
        });

        it(`adamStep updates m, v and W exactly like the reference over several steps (${where})`, () => {
          for (const n of LENGTHS) {
            const w = randomArray(own, dtype, n, n);
            const [m, v] = [randomArray(own, 'float64', n, n + 1) as Float64Array, state(own, n, n + 2)];
            const [w0, m0, v0] = [plainCopy(w), Float64Array.from(m), Float64Array.from(v)];
            for (let step = 1; step <= 3; step++) {
              const g = randomArray(own, dtype, n, 100 * step + n);
              const lrT = (0.01 * Math.sqrt(1 - 0.999 ** step)) / (1 - 0.9 ** step);
              referenceKernels.adamStep(w0, g, m0, v0, 0.9, 0.999, lrT);
              wasm.adamStep(w, g, m, v, 0.9, 0.999, lrT);
            }
            expect([...w], `W, n=${n}`).toEqual([...w0]);
            expect([...m], `m, n=${n}`).toEqual([...m0]);
            expect([...v], `v, n=${n}`).toEqual([...v0]);
          }
        });
      }
    }
  }

  it('rejects state that is not a Float64Array of the weights length, and mixed dtypes', () => {
    const w = plain.allocate('float32', 4);
    expect(() => plain.momentumStep(w, new Float32Array(4), new Float64Array(3), 0.9, 0.1)).toThrow(
      /momentumStep: each state slot must be a Float64Array of 4 elements/,
    );
    expect(() => plain.adamStep(w, new Float64Array(4), new Float64Array(4), new Float64Array(4), 0.9, 0.999, 0.1)).toThrow(
      /adamStep: all arrays must share one dtype, got w: Float32Array, dW: Float64Array/,
    );
  });
});
