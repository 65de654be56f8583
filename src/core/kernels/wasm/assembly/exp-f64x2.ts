// exp, expm1, sigmoid and tanh on f64x2 lanes: range reduction by ln 2 and a Taylor polynomial, accurate to a few ulp
// of f64 (so a float32 result rounded from them almost always equals the correctly rounded one). NaN stays NaN.

const LOG2E: f64 = 1.4426950408889634;
/** ln 2 split so that n·LN2_HI is exact for |n| < 2^21 (fdlibm's constants). */
const LN2_HI: f64 = 6.93147180369123816490e-1;
const LN2_LO: f64 = 1.90821492927058770002e-10;

/** a + b·x on f64x2 lanes (a separate multiply and add: the same in the plain and the relaxed build). */
// @ts-ignore: decorator
@inline function mulAdd(a: v128, b: v128, x: v128): v128 {
  return f64x2.add(a, f64x2.mul(b, x));
}

/** The constant 1/k! on both lanes. */
// @ts-ignore: decorator
@inline function c(inverseFactorial: f64): v128 {
  return f64x2.splat(inverseFactorial);
}

/**
 * e^r − 1 for |r| ≤ ln2/2, as r·Q(r) with Q(r) = Σ_{k≤12} r^k/(k+1)!: the first left-out term is below 2e-17 relative.
 * Q is evaluated by Estrin's scheme (pairs, then powers r², r⁴, r⁸), a dependency chain of 8 operations instead of
 * Horner's 24, so that consecutive vectors overlap.
 */
// @ts-ignore: decorator
@inline function expm1Reduced(r: v128): v128 {
  const r2 = f64x2.mul(r, r);
  const r4 = f64x2.mul(r2, r2);
  const r8 = f64x2.mul(r4, r4);
  const p0 = mulAdd(c(1.0), c(1.0 / 2.0), r);
  const p2 = mulAdd(c(1.0 / 6.0), c(1.0 / 24.0), r);
  const p4 = mulAdd(c(1.0 / 120.0), c(1.0 / 720.0), r);
  const p6 = mulAdd(c(1.0 / 5040.0), c(1.0 / 40320.0), r);
  const p8 = mulAdd(c(1.0 / 362880.0), c(1.0 / 3628800.0), r);
  const p10 = mulAdd(c(1.0 / 39916800.0), c(1.0 / 479001600.0), r);
  const q0 = mulAdd(p0, p2, r2);
  const q4 = mulAdd(p4, p6, r2);
  const q8 = mulAdd(p8, p10, r2);
  const s0 = mulAdd(q0, q4, r4);
  const s8 = mulAdd(q8, c(1.0 / 6227020800.0), r4);
  return f64x2.mul(r, mulAdd(s0, s8, r8));
}

/** 1.5·2^52: adding it rounds an f64 to an integer and leaves that integer in the low bits of the sum. */
const ROUNDER: f64 = 6755399441055744.0;

/** v rounded to the nearest integer (|v| < 2^51), as f64 lanes. */
// @ts-ignore: decorator
@inline function roundToInteger(v: v128): v128 {
  return f64x2.sub(f64x2.add(v, f64x2.splat(ROUNDER)), f64x2.splat(ROUNDER));
}

/** n = round(t / ln 2) (integral f64 lanes), the exponent of the reduction t = n·ln 2 + r. */
// @ts-ignore: decorator
@inline function exponentOf(t: v128): v128 {
  return roundToInteger(f64x2.mul(t, f64x2.splat(LOG2E)));
}

/** r = t − n·ln 2 in two steps (Cody–Waite), |r| ≤ ln2/2. */
// @ts-ignore: decorator
@inline function remainderOf(t: v128, n: v128): v128 {
  return f64x2.sub(f64x2.sub(t, f64x2.mul(n, f64x2.splat(LN2_HI))), f64x2.mul(n, f64x2.splat(LN2_LO)));
}

/**
 * 2^n for integral lanes n in [-1022, 1023], built in the exponent bits: n + ROUNDER holds n in its low bits, and
 * shifting (n + ROUNDER's bits + 1023) left by 52 keeps only n + 1023 (ROUNDER's own bits shift out).
 */
// @ts-ignore: decorator
@inline function pow2(n: v128): v128 {
  return i64x2.shl(i64x2.add(f64x2.add(n, f64x2.splat(ROUNDER)), i64x2.splat(1023)), 52);
}

/**
 * e^t; t is clamped to [−746, 710] first (0 below, Infinity above, as exp gives; pmax/pmin with t first keep a NaN),
 * and 2^n applied in two halves so that every factor is a normal number.
 */
// @ts-ignore: decorator
@inline export function expF64x2(t: v128): v128 {
  const tc = f64x2.pmin(f64x2.pmax(t, f64x2.splat(-746.0)), f64x2.splat(710.0));
  const n = exponentOf(tc);
  const p = f64x2.add(f64x2.splat(1.0), expm1Reduced(remainderOf(tc, n)));
  const half = roundToInteger(f64x2.mul(n, f64x2.splat(0.5)));
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
  const a = f64x2.pmin(f64x2.abs(x), f64x2.splat(22.0)); // pmin with |x| first keeps a NaN
  const e = expm1Positive(f64x2.add(a, a));
  return v128.or(f64x2.div(e, f64x2.add(e, f64x2.splat(2.0))), sign);
}
