/**
 * The optimizer updates of the WebAssembly backend (Momentum, Nesterov, AdaGrad/RMSprop, Adam): argument checks, the
 * f32/f64 export, and the reference kernels as the fallback when scratch memory is full. The kernels compute in f64
 * like the reference, so both give the same weights bit for bit. Staged modes: W and the state slots are read and
 * written ('b'), dW only read ('i').
 */
import type { FloatArray } from '../kernels';
import { referenceKernels } from '../reference';
import { checkOptimizerStep, checkScaleAdd } from './check-args';
import type { KernelExports } from './exports';
import type { Stager } from './wasm-activations';

/** A tuple without its first element. */
type DropFirst<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never;

/**
 * The velocity updates: Momentum (v ← momentum·v − lr·dW; W ← W + v) and Nesterov in the book's form
 * (v ← momentum·v − lr·dW; W ← W + momentum²·v − (1 + momentum)·lr·dW). Same arguments, their own kernels.
 */
function velocityStep(
  kind: 'momentumStep' | 'nesterovStep',
  fns: KernelExports,
  staged: Stager,
  w: FloatArray,
  dW: FloatArray,
  v: Float64Array,
  momentum: number,
  lr: number,
): void {
  checkOptimizerStep(kind, w, dW, v);
  const n = w.length;
  const f64 = w instanceof Float64Array;
  const fn = kind === 'momentumStep' ? (f64 ? fns.momentumF64 : fns.momentumF32) : f64 ? fns.nesterovF64 : fns.nesterovF32;
  if (!staged([w, dW, v], [n, n, n], 'bib', ([pw, pg, pv]) => fn(pw, pg, pv, momentum, lr, n)))
    referenceKernels[kind](w, dW, v, momentum, lr);
}

/** Momentum: v ← momentum·v − lr·dW; W ← W + v. */
export const momentumStep = (...args: DropFirst<Parameters<typeof velocityStep>>): void => velocityStep('momentumStep', ...args);

/** Nesterov (the book's form): v ← momentum·v − lr·dW; W ← W + momentum²·v − (1 + momentum)·lr·dW. */
export const nesterovStep = (...args: DropFirst<Parameters<typeof velocityStep>>): void => velocityStep('nesterovStep', ...args);

/** AdaGrad (decayRate null: h ← h + dW²) or RMSprop (h ← ρ·h + (1 − ρ)·dW²), then W ← W − lr·dW / (√h + 1e-7). */
export function adaptiveStep(
  fns: KernelExports,
  staged: Stager,
  w: FloatArray,
  dW: FloatArray,
  h: Float64Array,
  decayRate: number | null,
  lr: number,
): void {
  checkOptimizerStep('adaptiveStep', w, dW, h);
  const n = w.length;
  const fn = w instanceof Float64Array ? fns.adaptiveF64 : fns.adaptiveF32;
  const [rho, decay] = decayRate === null ? [0, 0] : [decayRate, 1];
  if (!staged([w, dW, h], [n, n, n], 'bib', ([pw, pg, ph]) => fn(pw, pg, ph, rho, lr, decay, n)))
    referenceKernels.adaptiveStep(w, dW, h, decayRate, lr);
}

/** Adam: m ← m + (1 − β1)(dW − m); v ← v + (1 − β2)(dW² − v); W ← W − lrT·m / (√v + 1e-7). */
export function adamStep(
  fns: KernelExports,
  staged: Stager,
  w: FloatArray,
  dW: FloatArray,
  m: Float64Array,
  v: Float64Array,
  beta1: number,
  beta2: number,
  lrT: number,
): void {
  checkOptimizerStep('adamStep', w, dW, m, v);
  const n = w.length;
  const fn = w instanceof Float64Array ? fns.adamF64 : fns.adamF32;
  if (!staged([w, dW, m, v], [n, n, n, n], 'bibb', ([pw, pg, pm, pv]) => fn(pw, pg, pm, pv, beta1, beta2, lrT, n)))
    referenceKernels.adamStep(w, dW, m, v, beta1, beta2, lrT);
}

/** g ← a·g + b·x, then w ← w − lr·g: a split step's SGD range, one pass (see Kernels.reduceSgdStep). */
export function reduceSgdStep(
  fns: KernelExports,
  staged: Stager,
  w: FloatArray,
  g: FloatArray,
  a: number,
  x: FloatArray,
  b: number,
  lr: number,
): boolean {
  checkScaleAdd(g, x);
  checkScaleAdd(w, g);
  const n = w.length;
  const fn = w instanceof Float64Array ? fns.reduceSgdF64 : fns.reduceSgdF32;
  let found = 0;
  if (!staged([w, g, x], [n, n, n], 'bbi', ([pw, pg, px]) => (found = fn(pw, pg, a, px, b, lr, n))))
    return referenceKernels.reduceSgdStep(w, g, a, x, b, lr);
  return found !== 0;
}
