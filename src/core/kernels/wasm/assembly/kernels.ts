// Entry point of the WebAssembly kernels module: the f32 and f64 exports the TypeScript backend calls.
import { gemm } from './gemm';
import { madd } from './micro';
import { addRowVector, sumRows } from './rowops';
import { hasNonFinite, reduceSgd, scaleAdd } from './vecops';
import { adam, adaptive, momentum, nesterov } from './optimizers';
import { ceiling } from './ceiling';
import { activationGrad, biasActivation } from './activations';
import { PACK_A_BYTES, PACK_B_BYTES, usePackBuffers } from './tiles';

/** First free byte after the module's static data (pack buffers): the host's bump allocator starts here. */
export function heapBase(): usize {
  return __heap_base;
}

/** Bytes of this instance's own pack buffers (A then B, each 64-byte aligned) when it shares its memory with other threads'. */
export function packBytes(): i32 {
  return PACK_A_BYTES + PACK_B_BYTES;
}

/** Pack GEMM blocks into [at, at + packBytes()) instead of the static buffers, which every instance of a shared memory has in common. */
export function ownPackBuffers(at: usize): void {
  usePackBuffers(at, at + <usize>PACK_A_BYTES);
}

/** C (+)= op(A)·op(B) in f32.  op(A): m×k, op(B): k×n, C: m×n. */
export function gemmF32(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32, transA: bool, transB: bool, accumulate: bool): void {
  gemm<f32>(a, b, c, m, n, k, transA, transB, accumulate);
}

/** C (+)= op(A)·op(B) in f64.  op(A): m×k, op(B): k×n, C: m×n. */
export function gemmF64(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32, transA: bool, transB: bool, accumulate: bool): void {
  gemm<f64>(a, b, c, m, n, k, transA, transB, accumulate);
}

/** x[i, :] += v in f32.  x: rows×cols, v: cols. */
export function addRowVectorF32(x: usize, v: usize, rows: i32, cols: i32): void {
  addRowVector<f32>(x, v, rows, cols);
}

/** x[i, :] += v in f64.  x: rows×cols, v: cols. */
export function addRowVectorF64(x: usize, v: usize, rows: i32, cols: i32): void {
  addRowVector<f64>(x, v, rows, cols);
}

/** out = Σ_i x[i, :] in f32.  x: rows×cols, out: cols. */
export function sumRowsF32(x: usize, out: usize, rows: i32, cols: i32): void {
  sumRows<f32>(x, out, rows, cols);
}

/** out = Σ_i x[i, :] in f64.  x: rows×cols, out: cols. */
export function sumRowsF64(x: usize, out: usize, rows: i32, cols: i32): void {
  sumRows<f64>(x, out, rows, cols);
}

/** True when some element of x[0..n) (f32) is NaN or ±Infinity. */
export function hasNonFiniteF32(x: usize, n: i32): bool {
  return hasNonFinite<f32>(x, n);
}

/** True when some element of x[0..n) (f64) is NaN or ±Infinity. */
export function hasNonFiniteF64(x: usize, n: i32): bool {
  return hasNonFinite<f64>(x, n);
}

/** g ← a·g + b·x, then w ← w − lr·g in f32 over n elements (a split step's SGD range); true when some new w is non-finite. */
export function reduceSgdF32(w: usize, g: usize, a: f32, x: usize, b: f32, lr: f32, n: i32): bool {
  return reduceSgd<f32>(w, g, a, x, b, lr, n);
}

/** g ← a·g + b·x, then w ← w − lr·g in f64 over n elements; true when some new w is non-finite. */
export function reduceSgdF64(w: usize, g: usize, a: f64, x: usize, b: f64, lr: f64, n: i32): bool {
  return reduceSgd<f64>(w, g, a, x, b, lr, n);
}

/** y ← a·y + b·x in f32 over n elements; true when some new y is non-finite. */
export function scaleAddF32(y: usize, a: f32, x: usize, b: f32, n: i32): bool {
  return scaleAdd<f32>(y, a, x, b, n);
}

/** y ← a·y + b·x in f64 over n elements; true when some new y is non-finite. */
export function scaleAddF64(y: usize, a: f64, x: usize, b: f64, n: i32): bool {
  return scaleAdd<f64>(y, a, x, b, n);
}

/** Momentum step on f32 weights with f64 velocity. */
export function momentumF32(w: usize, g: usize, v: usize, mu: f64, lr: f64, n: i32): void {
  momentum<f32>(w, g, v, mu, lr, n);
}

/** Momentum step on f64 weights and velocity. */
export function momentumF64(w: usize, g: usize, v: usize, mu: f64, lr: f64, n: i32): void {
  momentum<f64>(w, g, v, mu, lr, n);
}

/** Adam step on f32 weights with f64 moments. */
export function adamF32(w: usize, g: usize, m: usize, v: usize, beta1: f64, beta2: f64, lrT: f64, n: i32): void {
  adam<f32>(w, g, m, v, beta1, beta2, lrT, n);
}

/** Adam step on f64 weights and moments. */
export function adamF64(w: usize, g: usize, m: usize, v: usize, beta1: f64, beta2: f64, lrT: f64, n: i32): void {
  adam<f64>(w, g, m, v, beta1, beta2, lrT, n);
}

/** Nesterov step on f32 weights with f64 velocity. */
export function nesterovF32(w: usize, g: usize, v: usize, mu: f64, lr: f64, n: i32): void {
  nesterov<f32>(w, g, v, mu, lr, n);
}

/** Nesterov step on f64 weights and velocity. */
export function nesterovF64(w: usize, g: usize, v: usize, mu: f64, lr: f64, n: i32): void {
  nesterov<f64>(w, g, v, mu, lr, n);
}

/** AdaGrad (decay false) or RMSprop (decay true) step on f32 weights with f64 state. */
export function adaptiveF32(w: usize, g: usize, h: usize, rho: f64, lr: f64, decay: bool, n: i32): void {
  adaptive<f32>(w, g, h, rho, lr, decay, n);
}

/** AdaGrad (decay false) or RMSprop (decay true) step on f64 weights and state. */
export function adaptiveF64(w: usize, g: usize, h: usize, rho: f64, lr: f64, decay: bool, n: i32): void {
  adaptive<f64>(w, g, h, rho, lr, decay, n);
}

/** The f32x4 ceiling probe (ceiling.ts): `iterations` rounds of 96 register-only flops; returns a checksum. */
export function ceilingF32(iterations: i32): f32 {
  return ceiling<f32>(iterations);
}

// Softmax with cross-entropy, fused (issue 18 point 3).
import { softmaxLoss } from './softmax-loss';

/** Row softmax of x (rows×cols, f32) into y; with labels (kind 1: i32 classes, 2: rows×cols matrix) returns Σ of the rows' cross-entropies and, when dx ≠ 0, writes dx = scale·(y − t). */
export function softmaxLossF32(x: usize, y: usize, rows: i32, cols: i32, labels: usize, kind: i32, dx: usize, scale: f64): f64 {
  return softmaxLoss<f32>(x, y, rows, cols, labels, kind, dx, scale);
}

/** softmaxLossF32 in f64 (exp and log from libm, one row element at a time). */
export function softmaxLossF64(x: usize, y: usize, rows: i32, cols: i32, labels: usize, kind: i32, dx: usize, scale: f64): f64 {
  return softmaxLoss<f64>(x, y, rows, cols, labels, kind, dx, scale);
}

// The batch gather (issue 18 point 3).
import { gatherRows } from './gather';

/** dst[k, :] = src[order[k], :] for k < count (rows of rowBytes bytes; src and dst in this memory). */
export function gatherRowsBytes(dst: usize, src: usize, order: usize, count: i32, rowBytes: usize): void {
  gatherRows(dst, src, order, count, rowBytes);
}

// --- float64 ceiling probe (issue 18 point 6) ---

/** The float64 ceiling probe: `iterations` rounds of 48 register-only flops (12 f64x2 multiply-adds); returns a checksum. */
export function ceilingF64(iterations: i32): f64 {
  return ceiling<f64>(iterations);
}

// Activations and the fused Affine epilogues (issue 18 point 3). kind: 0 ReLU, 1 Sigmoid, 2 Tanh.

/** y = f(x) over n f32 elements. */
export function activationForwardF32(kind: i32, x: usize, y: usize, n: i32): void {
  biasActivation<f32>(kind, x, 0, y, 1, n, false);
}

/** y = f(x) over n f64 elements. */
export function activationForwardF64(kind: i32, x: usize, y: usize, n: i32): void {
  biasActivation<f64>(kind, x, 0, y, 1, n, false);
}

/** The fused forward epilogue in f32: z[i, :] += b, y = f(z) in one pass.  z, y: rows×cols; b: cols. */
export function biasActivationF32(kind: i32, z: usize, b: usize, y: usize, rows: i32, cols: i32): void {
  biasActivation<f32>(kind, z, b, y, rows, cols, true);
}

/** The fused forward epilogue in f64: z[i, :] += b, y = f(z) in one pass.  z, y: rows×cols; b: cols. */
export function biasActivationF64(kind: i32, z: usize, b: usize, y: usize, rows: i32, cols: i32): void {
  biasActivation<f64>(kind, z, b, y, rows, cols, true);
}

/** dx = dout ⊙ f'(x) over n f32 elements (x the input, y = f(x)). */
export function activationBackwardF32(kind: i32, dout: usize, x: usize, y: usize, dx: usize, n: i32): void {
  activationGrad<f32>(kind, dout, x, y, dx, 0, 1, n, false);
}

/** dx = dout ⊙ f'(x) over n f64 elements (x the input, y = f(x)). */
export function activationBackwardF64(kind: i32, dout: usize, x: usize, y: usize, dx: usize, n: i32): void {
  activationGrad<f64>(kind, dout, x, y, dx, 0, 1, n, false);
}

/** The fused backward epilogue in f32: dz = dout ⊙ f'(z) and db = Σ_rows dz in one pass.  rows×cols; db: cols. */
export function activationBackwardSumRowsF32(kind: i32, dout: usize, z: usize, y: usize, dz: usize, db: usize, rows: i32, cols: i32): void {
  activationGrad<f32>(kind, dout, z, y, dz, db, rows, cols, true);
}

/** The fused backward epilogue in f64: dz = dout ⊙ f'(z) and db = Σ_rows dz in one pass.  rows×cols; db: cols. */
export function activationBackwardSumRowsF64(kind: i32, dout: usize, z: usize, y: usize, dz: usize, db: usize, rows: i32, cols: i32): void {
  activationGrad<f64>(kind, dout, z, y, dz, db, rows, cols, true);
}
