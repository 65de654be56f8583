// exp, expm1, sigmoid and tanh on f64x2 lanes: range reduction by ln 2 and a Taylor polynomial, accurate to a few ulp
// of f64 (so a float32 result rounded from them almost always equals the correctly rounded one). NaN stays NaN.

const LOG2E: f64 = 1.4426950408889634;
/** ln 2 split so that n·LN2_HI is exact for |n| < 2^21 (fdlibm's constants). */
const LN2_HI: f64 = 6.93147180369123816490e-1;
const LN2_LO: f64 = 1.90821492927058770002e-10;

/** e^r − 1 for |r| ≤ ln2/2, as r·Σ_{k≤12} r^k/(k+1)!: the first left-out term is below 2e-17 relative. */
// @ts-ignore: decorator
@inline function expm1Reduced(r: v128): v128 {
  let q = f64x2.splat(1.0 / 6227020800.0); // 1/13!
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(1.0 / 479001600.0));
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(1.0 / 39916800.0));
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(1.0 / 3628800.0));
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(1.0 / 362880.0));
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(1.0 / 40320.0));
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(1.0 / 5040.0));
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(1.0 / 720.0));
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(1.0 / 120.0));
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(1.0 / 24.0));
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(1.0 / 6.0));
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(0.5));
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(1.0));
  return f64x2.mul(r, q);
}

/** n = round(t / ln 2) (integral f64 lanes), the exponent of the reduction t = n·ln 2 + r. */
// @ts-ignore: decorator
@inline function exponentOf(t: v128): v128 {
  return f64x2.nearest(f64x2.mul(t, f64x2.splat(LOG2E)));
}

/** r = t − n·ln 2 in two steps (Cody–Waite), |r| ≤ ln2/2. */
// @ts-ignore: decorator
@inline function remainderOf(t: v128, n: v128): v128 {
  return f64x2.sub(f64x2.sub(t, f64x2.mul(n, f64x2.splat(LN2_HI))), f64x2.mul(n, f64x2.splat(LN2_LO)));
}

/** 2^n for integral lanes n in [-1022, 1023], built in the exponent bits. */
// @ts-ignore: decorator
@inline function pow2(n: v128): v128 {
  const ni = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(n));
  return i64x2.shl(i64x2.add(ni, i64x2.splat(1023)), 52);
}

/** e^t; t is clamped to [−746, 710] first (0 below, Infinity above, as exp gives), and 2^n applied in two halves. */
// @ts-ignore: decorator
@inline export function expF64x2(t: v128): v128 {
  const tc = f64x2.min(f64x2.max(t, f64x2.splat(-746.0)), f64x2.splat(710.0)); // min/max keep NaN
  const n = exponentOf(tc);
  const p = f64x2.add(f64x2.splat(1.0), expm1Reduced(remainderOf(tc, n)));
  const half = f64x2.nearest(f64x2.mul(n, f64x2.splat(0.5)));
  return f64x2.mul(f64x2.mul(p, pow2(half)), pow2(f64x2.sub(n, half)));
}

/** e^u − 1 for u in [0, 44]: 2^n·(e^r − 1) + (2^n − 1), no cancellation for small u. */
// @ts-ignore: decorator
@inline function expm1Positive(u: v128): v128 {
  const n = exponentOf(u);
  const s = pow2(n);
  return f64x2.add(f64x2.mul(s, expm1Reduced(remainderOf(u, n))), f64x2.sub(s, f64x2.splat(1.0)));
}

/** σ(x) = 1 / (1 + e^−x): 0 when e^−x overflows, 1 at +∞, NaN for NaN. */
// @ts-ignore: decorator
@inline export function sigmoidF64x2(x: v128): v128 {
  return f64x2.div(f64x2.splat(1.0), f64x2.add(f64x2.splat(1.0), expF64x2(f64x2.neg(x))));
}

/** tanh(x) = sign(x)·E/(E + 2) with E = e^{2|x|} − 1; |x| is clamped to 22, where tanh rounds to 1. tanh(−0) = −0. */
// @ts-ignore: decorator
@inline export function tanhF64x2(x: v128): v128 {
  const sign = v128.and(x, i64x2.splat(i64.MIN_VALUE));
  const a = f64x2.min(f64x2.abs(x), f64x2.splat(22.0));
  const e = expm1Positive(f64x2.add(a, a));
  return v128.or(f64x2.div(e, f64x2.add(e, f64x2.splat(2.0))), sign);
}
