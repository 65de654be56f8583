// Softmax with cross-entropy fused per row: the probabilities, the row's loss (x_j − logsumexp, never log 0) and
// dx = scale·(y − t), for class-index labels or a label matrix; f32 exp in SIMD (4 lanes), f64 exp scalar (libm).

/** Labels passed to softmaxLoss: none (softmax only), N class indices (i32), or an N×C matrix of T. */
export const LABELS_NONE: i32 = 0;
export const LABELS_CLASSES: i32 = 1;
export const LABELS_MATRIX: i32 = 2;

/** Below this, exp(x) in f32 is subnormal or 0: returned as 0 (the loss never reads it: it uses x_j − lse). */
const EXP_F32_MIN: f64 = -87.33654;

/**
 * e^(x − max) for four f32 lanes of x: the difference and the reduction x − max = n·ln2 + r (|r| ≤ ln2/2) are done
 * in f64, exactly as the reference's f64 subtraction, then e^r by Cephes expf's degree-7 polynomial in f32 and 2^n in
 * the exponent bits; within 2 ulp of the f64 result rounded to f32 for x − max ≥ −87.3, 0 below, NaN for NaN.
 */
// @ts-ignore: decorator
@inline function expDiffF32x4(x: v128, max: f32): v128 {
  const m = f64x2.splat(<f64>max);
  const dLo = f64x2.sub(f64x2.promote_low_f32x4(x), m);
  const dHi = f64x2.sub(f64x2.promote_low_f32x4(v128.shuffle<i32>(x, x, 2, 3, 0, 1)), m);
  const log2e = f64x2.splat(1.4426950408889634);
  const ln2 = f64x2.splat(0.6931471805599453);
  const nLo = f64x2.nearest(f64x2.mul(dLo, log2e));
  const nHi = f64x2.nearest(f64x2.mul(dHi, log2e));
  const rLo = f32x4.demote_f64x2_zero(f64x2.sub(dLo, f64x2.mul(nLo, ln2)));
  const rHi = f32x4.demote_f64x2_zero(f64x2.sub(dHi, f64x2.mul(nHi, ln2)));
  const r = v128.shuffle<i32>(rLo, rHi, 0, 1, 4, 5);
  const n = v128.shuffle<i32>(i32x4.trunc_sat_f64x2_s_zero(nLo), i32x4.trunc_sat_f64x2_s_zero(nHi), 0, 1, 4, 5);
  let p = f32x4.splat(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  p = f32x4.add(f32x4.add(f32x4.mul(f32x4.mul(p, r), r), r), f32x4.splat(1.0));
  // 2^n: n + 127 in the exponent field (n ≥ −126 here, since smaller x − max is masked to 0 below)
  const e = f32x4.mul(p, i32x4.shl(i32x4.add(n, i32x4.splat(127)), 23));
  const under = v128.shuffle<i32>(f64x2.lt(dLo, f64x2.splat(EXP_F32_MIN)), f64x2.lt(dHi, f64x2.splat(EXP_F32_MIN)), 0, 2, 4, 6);
  return v128.andnot(e, under);
}

/** max_j x[j] over a row of `cols` (NaN entries are skipped here and propagate through exp). */
// @ts-ignore: decorator
@inline function rowMax<T>(row: usize, cols: i32): T {
  let max = <T>-Infinity;
  for (let j = 0; j < cols; j++) {
    const v = load<T>(row + (<usize>j << alignof<T>()));
    if (v > max) max = v;
  }
  return max;
}

/** y[j] = exp(x[j] − max) for a row; returns Σ_j y[j] (f32 rows: SIMD, the tail one lane at a time). */
function expRow<T>(x: usize, y: usize, cols: i32, max: T): f64 {
  if (sizeof<T>() == 4) {
    let s = f32x4.splat(0);
    let j = 0;
    for (; j + 4 <= cols; j += 4) {
      const off = <usize>j << 2;
      const e = expDiffF32x4(v128.load(x + off), <f32>max);
      v128.store(y + off, e);
      s = f32x4.add(s, e);
    }
    let sum = <f64>f32x4.extract_lane(s, 0) + <f64>f32x4.extract_lane(s, 1);
    sum += <f64>f32x4.extract_lane(s, 2) + <f64>f32x4.extract_lane(s, 3);
    for (; j < cols; j++) {
      const off = <usize>j << 2;
      const e = f32x4.extract_lane(expDiffF32x4(f32x4.splat(load<f32>(x + off)), <f32>max), 0);
      store<f32>(y + off, e);
      sum += <f64>e;
    }
    return sum;
  }
  let sum = 0.0;
  for (let j = 0; j < cols; j++) {
    const off = <usize>j << 3;
    const e = Math.exp(load<f64>(x + off) - <f64>max);
    store<f64>(y + off, e);
    sum += e;
  }
  return sum;
}

/** y[j] ← y[j] · (1 / sum) over a row. */
function scaleRow<T>(y: usize, cols: i32, sum: f64): void {
  const inv = 1.0 / sum;
  if (sizeof<T>() == 4) {
    const v = f32x4.splat(<f32>inv);
    let j = 0;
    for (; j + 4 <= cols; j += 4) v128.store(y + (<usize>j << 2), f32x4.mul(v128.load(y + (<usize>j << 2)), v));
    for (; j < cols; j++) store<f32>(y + (<usize>j << 2), load<f32>(y + (<usize>j << 2)) * <f32>inv);
    return;
  }
  for (let j = 0; j < cols; j++) store<f64>(y + (<usize>j << 3), load<f64>(y + (<usize>j << 3)) * inv);
}

/**
 * Row i's loss and dx with class index c: loss = lse − x[c]; dx[j] = scale·(y[j] − [j = c]), each product rounded
 * from f64 (as the TypeScript reference does with its f64 scale).
 */
function classRow<T>(x: usize, y: usize, dx: usize, cols: i32, c: i32, lse: f64, scale: f64): f64 {
  if (dx != 0) {
    for (let j = 0; j < cols; j++) {
      const off = <usize>j << alignof<T>();
      const yj = load<T>(y + off);
      store<T>(dx + off, <T>(<f64>(j == c ? yj - <T>1 : yj) * scale));
    }
  }
  return lse - <f64>load<T>(x + (<usize>c << alignof<T>()));
}

/** total + Σ_j t_j·(lse − x_j) over the nonzero t_j (added one term at a time), and dx[j] = scale·(y[j] − t[j]). */
function matrixRow<T>(x: usize, y: usize, t: usize, dx: usize, cols: i32, lse: f64, scale: f64, total: f64): f64 {
  let loss = total;
  for (let j = 0; j < cols; j++) {
    const off = <usize>j << alignof<T>();
    const tj = load<T>(t + off);
    if (tj != <T>0) loss += <f64>tj * (lse - <f64>load<T>(x + off));
    if (dx != 0) store<T>(dx + off, <T>(<f64>(load<T>(y + off) - tj) * scale));
  }
  return loss;
}

/**
 * For each row i of x (rows×cols): y[i, :] = softmax(x[i, :]); with labels, the row's cross-entropy
 * lse_i − x[i, t_i] (classes) or Σ_j t_ij·(lse_i − x_ij) (matrix, zero t_ij skipped), where lse_i = max + log Σ exp;
 * and when dx ≠ 0, dx[i, :] = scale·(y[i, :] − t[i, :]). Returns Σ_i loss_i (0 without labels). y, dx: rows×cols.
 */
export function softmaxLoss<T>(
  x: usize,
  y: usize,
  rows: i32,
  cols: i32,
  labels: usize,
  kind: i32,
  dx: usize,
  scale: f64,
): f64 {
  const rowBytes = <usize>cols << alignof<T>();
  let total = 0.0;
  for (let i = 0; i < rows; i++) {
    const o = <usize>i * rowBytes;
    const max = rowMax<T>(x + o, cols);
    const sum = expRow<T>(x + o, y + o, cols, max);
    scaleRow<T>(y + o, cols, sum);
    if (kind == LABELS_NONE) continue;
    const lse = <f64>max + Math.log(sum);
    const d: usize = dx == 0 ? 0 : dx + o;
    if (kind == LABELS_CLASSES) total += classRow<T>(x + o, y + o, d, cols, load<i32>(labels + (<usize>i << 2)), lse, scale);
    else total = matrixRow<T>(x + o, y + o, labels + o, d, cols, lse, scale, total);
  }
  return total;
}
