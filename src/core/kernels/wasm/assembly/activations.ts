// Activation forward/backward (ReLU, Sigmoid, Tanh) and the fused Affine epilogues: bias add + f(z) in one pass over
// x·W, and f'(z) + the bias gradient (Σ over rows) in one pass over dout. Sigmoid and Tanh compute in f64 lanes (a
// float32 vector is split in two halves) with the TypeScript reference's operations in the same order, so that the
// backward equals it bit for bit and the forward differs only by the exp polynomial's few f64 ulp.
import { sigmoidF64x2, tanhF64x2 } from './exp-f64x2';

/** Elements of T in one v128 (4 for f32, 2 for f64). */
// @ts-ignore: decorator
@inline function lanes<T>(): i32 {
  return 16 / <i32>sizeof<T>();
}

/** Activation codes shared with the TypeScript backend (wasm-kernels.ts). */
export const RELU: i32 = 0;
export const SIGMOID: i32 = 1;

/** Sigmoid (kind 1) or Tanh (kind 2) of f64 lanes. */
// @ts-ignore: decorator
@inline function smooth(kind: i32, x: v128): v128 {
  return kind == SIGMOID ? sigmoidF64x2(x) : tanhF64x2(x);
}

/** Their derivative from y = f(x), in the reference's order: dout·(1 − y)·y, or dout·(1 − y·y). */
// @ts-ignore: decorator
@inline function smoothGrad(kind: i32, dout: v128, y: v128): v128 {
  const one = f64x2.splat(1.0);
  return kind == SIGMOID
    ? f64x2.mul(f64x2.mul(dout, f64x2.sub(one, y)), y)
    : f64x2.mul(dout, f64x2.sub(one, f64x2.mul(y, y)));
}

/** The high two f32 lanes of v as f64x2 (the low two are f64x2.promote_low_f32x4). */
// @ts-ignore: decorator
@inline function promoteHigh(v: v128): v128 {
  return f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1));
}

/** Two f64x2 rounded to one f32x4 (low lanes first), as a Float32Array store rounds. */
// @ts-ignore: decorator
@inline function demote2(lo: v128, hi: v128): v128 {
  return i32x4.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
}

/** f(z) for one vector of T. ReLU: z < 0 ? 0 : z (NaN stays NaN, as z < 0 is false for it). */
// @ts-ignore: decorator
@inline function forwardVec<T>(kind: i32, z: v128): v128 {
  if (kind == RELU) return v128.bitselect(v128.splat<T>(<T>0), z, v128.lt<T>(z, v128.splat<T>(<T>0)));
  if (sizeof<T>() == 8) return smooth(kind, z);
  return demote2(smooth(kind, f64x2.promote_low_f32x4(z)), smooth(kind, promoteHigh(z)));
}

/** dout ⊙ f'(z) for one vector of T. ReLU: z > 0 ? dout : 0 (NaN z gives 0, like the reference). */
// @ts-ignore: decorator
@inline function backwardVec<T>(kind: i32, dout: v128, z: v128, y: v128): v128 {
  if (kind == RELU) return v128.and(dout, v128.gt<T>(z, v128.splat<T>(<T>0)));
  if (sizeof<T>() == 8) return smoothGrad(kind, dout, y);
  const lo = smoothGrad(kind, f64x2.promote_low_f32x4(dout), f64x2.promote_low_f32x4(y));
  const hi = smoothGrad(kind, promoteHigh(dout), promoteHigh(y));
  return demote2(lo, hi);
}

/**
 * y = f(z + b) row by row; with `addBias` z[i, :] += b is also stored back (the Affine's output, completed in place).
 * Without it b is unused and z is only read. z, y: rows×cols; b: cols. Tail elements run through the same vector code.
 */
export function biasActivation<T>(kind: i32, z: usize, b: usize, y: usize, rows: i32, cols: i32, addBias: bool): void {
  const S = <usize>sizeof<T>();
  const L = lanes<T>();
  const simdCols = cols - cols % L;
  for (let i = 0; i < rows; i++) {
    const row = <usize>i * <usize>cols * S;
    let j = 0;
    for (; j < simdCols; j += L) {
      const off = <usize>j * S;
      let v = v128.load(z + row + off);
      if (addBias) {
        v = v128.add<T>(v, v128.load(b + off));
        v128.store(z + row + off, v);
      }
      v128.store(y + row + off, forwardVec<T>(kind, v));
    }
    for (; j < cols; j++) {
      const off = <usize>j * S;
      let s = load<T>(z + row + off);
      if (addBias) {
        s += load<T>(b + off);
        store<T>(z + row + off, s);
      }
      store<T>(y + row + off, v128.extract_lane<T>(forwardVec<T>(kind, v128.splat<T>(s)), 0));
    }
  }
}

/**
 * dz = dout ⊙ f'(z) (z the pre-activation, y = f(z)), row by row; with `sumBias` also db[j] = Σ_i dz[i, j] in row
 * order, like sumRows. dout, z, y, dz: rows×cols; db: cols (overwritten).
 */
export function activationGrad<T>(kind: i32, dout: usize, z: usize, y: usize, dz: usize, db: usize, rows: i32, cols: i32, sumBias: bool): void {
  const S = <usize>sizeof<T>();
  const L = lanes<T>();
  const simdCols = cols - cols % L;
  if (sumBias) memory.fill(db, 0, <usize>cols * S);
  for (let i = 0; i < rows; i++) {
    const row = <usize>i * <usize>cols * S;
    let j = 0;
    for (; j < simdCols; j += L) {
      const p = row + <usize>j * S;
      const g = backwardVec<T>(kind, v128.load(dout + p), v128.load(z + p), v128.load(y + p));
      v128.store(dz + p, g);
      if (sumBias) {
        const q = db + <usize>j * S;
        v128.store(q, v128.add<T>(v128.load(q), g));
      }
    }
    for (; j < cols; j++) {
      const p = row + <usize>j * S;
      const g = v128.extract_lane<T>(
        backwardVec<T>(kind, v128.splat<T>(load<T>(dout + p)), v128.splat<T>(load<T>(z + p)), v128.splat<T>(load<T>(y + p))),
        0,
      );
      store<T>(dz + p, g);
      if (sumBias) {
        const q = db + <usize>j * S;
        store<T>(q, load<T>(q) + g);
      }
    }
  }
}
