/** Shared fixtures of the wasm kernel tests: one backend per test file, seeded random arrays, error measures. */
import { createRng } from '../../../../src/core/rng';
import type { FloatArray, Kernels } from '../../../../src/core/kernels/kernels';
import { createWasmKernelsSync } from '../../../../src/core/kernels/wasm';
import type { WasmKernels } from '../../../../src/core/kernels/wasm';

export type Dtype = 'float32' | 'float64';
export const DTYPES: Dtype[] = ['float32', 'float64'];

/** The plain-SIMD backend (the one Node 20 runs by default); fails the test run when WebAssembly SIMD is missing. */
export function plainWasmKernels(capacityBytes?: number): WasmKernels {
  const kernels = createWasmKernelsSync({ relaxed: false, capacityBytes });
  if (!kernels) throw new Error('this Node has no WebAssembly SIMD');
  return kernels;
}

/** `length` uniform values in [-1, 1) from `seed`, allocated by `kernels` (or as a plain typed array). */
export function randomArray(kernels: Kernels | null, dtype: Dtype, length: number, seed: number): FloatArray {
  const x = kernels ? kernels.allocate(dtype, length) : dtype === 'float64' ? new Float64Array(length) : new Float32Array(length);
  const rng = createRng(seed);
  for (let i = 0; i < length; i++) x[i] = 2 * rng.next() - 1;
  return x;
}

/** A plain (not backend-owned) copy of x. */
export function plainCopy(x: FloatArray): FloatArray {
  return x instanceof Float64Array ? Float64Array.from(x) : Float32Array.from(x);
}

/** max_i |x_i − y_i| over the first `length` elements; Infinity when a NaN appears. */
export function maxAbsDiff(x: FloatArray, y: FloatArray, length = x.length): number {
  let worst = 0;
  for (let i = 0; i < length; i++) {
    const d = Math.abs(x[i] - y[i]);
    if (!(d <= worst)) worst = Number.isNaN(d) ? Infinity : d;
  }
  return worst;
}

/** Rounding tolerance of a length-k dot product of values in [-1, 1], plus an accumulated C of size ≤ 1. */
export function dotTolerance(dtype: Dtype, k: number): number {
  return (dtype === 'float32' ? 2e-7 : 4e-16) * 4 * (k + 2);
}
