/**
 * The activation kernels of the WebAssembly backend (ReLU, Sigmoid, Tanh and the fused Affine epilogues): argument
 * checks, the f32/f64 export, and the reference kernels as the fallback when scratch memory is full. Sigmoid and Tanh
 * compute in f64 lanes: the backward equals the reference bit for bit, the forward differs from Math.exp/Math.tanh
 * by a few f64 ulp.
 */
import type { ActivationKind, FloatArray } from '../kernels';
import { referenceKernels } from '../reference';
import { checkActivation, checkEpilogue } from './check-args';
import type { KernelExports } from './exports';

/**
 * Runs a kernel on xs[i]'s first lengths[i] elements at their offsets in the backend's memory, staging foreign arrays
 * (mode letter 'i' read, 'o' written, 'b' both); false when scratch had no room and nothing ran.
 */
export type Stager = (xs: FloatArray[], lengths: number[], modes: string, run: (ptrs: number[]) => void) => boolean;

/** y = f(x) over x.length elements. */
export function activationForward(fns: KernelExports, staged: Stager, kind: ActivationKind, x: FloatArray, y: FloatArray): void {
  const n = x.length;
  const code = checkActivation('activationForward', kind, n, x, y);
  const fn = y instanceof Float64Array ? fns.activationForwardF64 : fns.activationForwardF32;
  if (!staged([x, y], [n, n], 'io', ([px, py]) => fn(code, px, py, n))) referenceKernels.activationForward(kind, x, y);
}

/** dx = dout ⊙ f'(x) over dout.length elements, from x and y = f(x). */
export function activationBackward(
  fns: KernelExports,
  staged: Stager,
  kind: ActivationKind,
  dout: FloatArray,
  x: FloatArray,
  y: FloatArray,
  dx: FloatArray,
): void {
  const n = dout.length;
  const code = checkActivation('activationBackward', kind, n, x, y, dout, dx);
  const fn = dx instanceof Float64Array ? fns.activationBackwardF64 : fns.activationBackwardF32;
  if (!staged([dout, x, y, dx], [n, n, n, n], 'iiio', ([pd, px, py, pdx]) => fn(code, pd, px, py, pdx, n)))
    referenceKernels.activationBackward(kind, dout, x, y, dx);
}

/** The fused forward epilogue: z[i, :] += b, y = f(z) in one pass.  z, y: rows×cols; b: cols. */
export function biasActivationForward(
  fns: KernelExports,
  staged: Stager,
  kind: ActivationKind,
  z: FloatArray,
  b: FloatArray,
  y: FloatArray,
  rows: number,
  cols: number,
): void {
  const code = checkEpilogue('biasActivationForward', kind, rows, cols, z, y, b);
  const n = rows * cols;
  const fn = y instanceof Float64Array ? fns.biasActivationF64 : fns.biasActivationF32;
  if (!staged([z, b, y], [n, cols, n], 'bio', ([pz, pb, py]) => fn(code, pz, pb, py, rows, cols)))
    referenceKernels.biasActivationForward(kind, z, b, y, rows, cols);
}

/** The fused backward epilogue: dz = dout ⊙ f'(z) and db = Σ_rows dz in one pass.  dout, z, y, dz: rows×cols; db: cols. */
export function activationBackwardSumRows(
  fns: KernelExports,
  staged: Stager,
  kind: ActivationKind,
  dout: FloatArray,
  z: FloatArray,
  y: FloatArray,
  dz: FloatArray,
  db: FloatArray,
  rows: number,
  cols: number,
): void {
  const code = checkEpilogue('activationBackwardSumRows', kind, rows, cols, z, y, db, dout, dz);
  const n = rows * cols;
  const fn = dz instanceof Float64Array ? fns.activationBackwardSumRowsF64 : fns.activationBackwardSumRowsF32;
  const run = ([pd, pz, py, pdz, pdb]: number[]): void => fn(code, pd, pz, py, pdz, pdb, rows, cols);
  if (!staged([dout, z, y, dz, db], [n, n, n, n, cols], 'iiioo', run))
    referenceKernels.activationBackwardSumRows(kind, dout, z, y, dz, db, rows, cols);
}
