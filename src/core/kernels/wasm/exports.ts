/** The exports of the compiled kernels module, checked once at instantiation so calls need no further checks. */
import type { WasmMemory, WebAssemblyApi } from './wasm-api';

type GemmFn = (
  a: number,
  b: number,
  c: number,
  m: number,
  n: number,
  k: number,
  transA: number,
  transB: number,
  accumulate: number,
) => void;
type RowFn = (x: number, v: number, rows: number, cols: number) => void;
/** Returns 1 when some element is non-finite, else 0. */
type ScanFn = (x: number, n: number) => number;
type ScaleAddFn = (y: number, a: number, x: number, b: number, n: number) => number;
type ReduceSgdFn = (w: number, g: number, a: number, x: number, b: number, lr: number, n: number) => number;
type MomentumFn = (w: number, g: number, v: number, momentum: number, lr: number, n: number) => void;
type AdaptiveFn = (w: number, g: number, h: number, rho: number, lr: number, decay: number, n: number) => void;
type AdamFn = (w: number, g: number, m: number, v: number, beta1: number, beta2: number, lrT: number, n: number) => void;

/** Pointers are byte offsets into `memory`; booleans are passed as 0/1. */
export interface KernelExports {
  readonly memory: WasmMemory;
  heapBase(): number;
  /** Bytes of an instance's own GEMM pack buffers (ownPackBuffers). */
  packBytes(): number;
  /** Pack into [at, at + packBytes()) instead of the static buffers, which the instances of a shared memory have in common. */
  ownPackBuffers(at: number): void;
  gemmF32: GemmFn;
  gemmF64: GemmFn;
  addRowVectorF32: RowFn;
  addRowVectorF64: RowFn;
  sumRowsF32: RowFn;
  sumRowsF64: RowFn;
  hasNonFiniteF32: ScanFn;
  hasNonFiniteF64: ScanFn;
  scaleAddF32: ScaleAddFn;
  scaleAddF64: ScaleAddFn;
  reduceSgdF32: ReduceSgdFn;
  reduceSgdF64: ReduceSgdFn;
  momentumF32: MomentumFn;
  momentumF64: MomentumFn;
  adamF32: AdamFn;
  adamF64: AdamFn;
  nesterovF32: MomentumFn;
  nesterovF64: MomentumFn;
  adaptiveF32: AdaptiveFn;
  adaptiveF64: AdaptiveFn;
  /** The ceiling probe: `iterations` rounds of 96 register-only flops (12 f32x4 multiply-adds); returns a checksum. */
  ceilingF32(iterations: number): number;
  // Softmax with cross-entropy, fused (issue 18 point 3).
  softmaxLossF32: SoftmaxLossFn;
  softmaxLossF64: SoftmaxLossFn;
  // The batch gather (issue 18 point 3).
  gatherRowsBytes(dst: number, src: number, order: number, count: number, rowBytes: number): void;
  /** The float64 ceiling probe: `iterations` rounds of 48 register-only flops (12 f64x2 multiply-adds); returns a checksum. */
  ceilingF64(iterations: number): number;

  // Activations and the fused Affine epilogues (issue 18 point 3).
  activationForwardF32: ActivationForwardFn;
  activationForwardF64: ActivationForwardFn;
  biasActivationF32: BiasActivationFn;
  biasActivationF64: BiasActivationFn;
  activationBackwardF32: ActivationBackwardFn;
  activationBackwardF64: ActivationBackwardFn;
  activationBackwardSumRowsF32: ActivationBackwardSumRowsFn;
  activationBackwardSumRowsF64: ActivationBackwardSumRowsFn;
}

const FUNCTIONS = [
  'heapBase',
  'packBytes',
  'ownPackBuffers',
  'gemmF32',
  'gemmF64',
  'addRowVectorF32',
  'addRowVectorF64',
  'sumRowsF32',
  'sumRowsF64',
  'hasNonFiniteF32',
  'hasNonFiniteF64',
  'scaleAddF32',
  'scaleAddF64',
  'reduceSgdF32',
  'reduceSgdF64',
  'momentumF32',
  'momentumF64',
  'adamF32',
  'adamF64',
  'nesterovF32',
  'nesterovF64',
  'adaptiveF32',
  'adaptiveF64',
  'ceilingF32',
  // Softmax with cross-entropy, fused (issue 18 point 3).
  'softmaxLossF32',
  'softmaxLossF64',
  // The batch gather (issue 18 point 3).
  'gatherRowsBytes',
  'ceilingF64',

  // Activations and the fused Affine epilogues (issue 18 point 3).
  'activationForwardF32',
  'activationForwardF64',
  'biasActivationF32',
  'biasActivationF64',
  'activationBackwardF32',
  'activationBackwardF64',
  'activationBackwardSumRowsF32',
  'activationBackwardSumRowsF64',
] as const;

/** Checks that an instance exports the memory and every kernel function; throws naming the first one missing. */
export function readExports(exports: Record<string, unknown>, api: WebAssemblyApi): KernelExports {
  if (!(exports.memory instanceof api.Memory)) throw new Error('wasm kernels: the module does not export its memory as "memory"');
  for (const name of FUNCTIONS) {
    if (typeof exports[name] !== 'function') throw new Error(`wasm kernels: the module does not export the function "${name}"`);
  }
  return exports as unknown as KernelExports;
}

// Softmax with cross-entropy, fused (issue 18 point 3).
/** kind: 0 no labels, 1 class indices (i32), 2 label matrix; dx 0: no gradient. Returns the summed loss. */
type SoftmaxLossFn = (
  x: number,
  y: number,
  rows: number,
  cols: number,
  labels: number,
  kind: number,
  dx: number,
  scale: number,
) => number;

// Activations and the fused Affine epilogues (issue 18 point 3); kind: 0 ReLU, 1 Sigmoid, 2 Tanh.
type ActivationForwardFn = (kind: number, x: number, y: number, n: number) => void;
type BiasActivationFn = (kind: number, z: number, b: number, y: number, rows: number, cols: number) => void;
type ActivationBackwardFn = (kind: number, dout: number, x: number, y: number, dx: number, n: number) => void;
type ActivationBackwardSumRowsFn = (
  kind: number,
  dout: number,
  z: number,
  y: number,
  dz: number,
  db: number,
  rows: number,
  cols: number,
) => void;
