// Element-wise vector operations of the training step (reduction of shard gradients, SGD update, non-finite scan),
// each with the non-finite check folded in: v·0 is 0 for a finite v and NaN for NaN/±Infinity, and NaN survives a sum.
import { lanes } from './tiles';

/** True when some element of x[0..n) is NaN or ±Infinity. Four independent accumulators hide the add latency. */
export function hasNonFinite<T>(x: usize, n: i32): bool {
  const S = <usize>sizeof<T>();
  const L = lanes<T>();
  const zero = v128.splat<T>(<T>0);
  let s0 = zero, s1 = zero, s2 = zero, s3 = zero;
  const blocks = n - n % (4 * L);
  let i = 0;
  for (; i < blocks; i += 4 * L) {
    const p = x + <usize>i * S;
    s0 = v128.add<T>(s0, v128.mul<T>(v128.load(p), zero));
    s1 = v128.add<T>(s1, v128.mul<T>(v128.load(p, 16), zero));
    s2 = v128.add<T>(s2, v128.mul<T>(v128.load(p, 32), zero));
    s3 = v128.add<T>(s3, v128.mul<T>(v128.load(p, 48), zero));
  }
  const s = v128.add<T>(v128.add<T>(s0, s1), v128.add<T>(s2, s3));
  let tail: T = <T>0;
  for (; i < n; i++) tail += load<T>(x + <usize>i * S) * <T>0;
  // Any NaN lane (or a NaN tail) makes the vector unequal to itself.
  return v128.any_true(v128.ne<T>(s, s)) || tail != tail;
}

/**
 * y[i] ← a·y[i] + b·x[i] for i < n (a separate multiply and add, never fused, so that f64 results equal the
 * reference loop bit for bit); returns true when some new y[i] is NaN or ±Infinity.
 */
export function scaleAdd<T>(y: usize, a: T, x: usize, b: T, n: i32): bool {
  const S = <usize>sizeof<T>();
  const L = lanes<T>();
  const va = v128.splat<T>(a);
  const vb = v128.splat<T>(b);
  const zero = v128.splat<T>(<T>0);
  let s0 = zero, s1 = zero;
  const blocks = n - n % (2 * L);
  let i = 0;
  for (; i < blocks; i += 2 * L) {
    const py = y + <usize>i * S;
    const px = x + <usize>i * S;
    const r0 = v128.add<T>(v128.mul<T>(va, v128.load(py)), v128.mul<T>(vb, v128.load(px)));
    const r1 = v128.add<T>(v128.mul<T>(va, v128.load(py, 16)), v128.mul<T>(vb, v128.load(px, 16)));
    v128.store(py, r0);
    v128.store(py, r1, 16);
    s0 = v128.add<T>(s0, v128.mul<T>(r0, zero));
    s1 = v128.add<T>(s1, v128.mul<T>(r1, zero));
  }
  const s = v128.add<T>(s0, s1);
  let tail: T = <T>0;
  for (; i < n; i++) {
    const py = y + <usize>i * S;
    const r: T = a * load<T>(py) + b * load<T>(x + <usize>i * S);
    store<T>(py, r);
    tail += r * <T>0;
  }
  return v128.any_true(v128.ne<T>(s, s)) || tail != tail;
}

/**
 * The SGD update of one range of a split step, fused with its reduction: g[i] ← a·g[i] + b·x[i] (this thread's and
 * another thread's mean gradients), then w[i] ← w[i] − lr·g[i], each rounded exactly as scaleAdd(g, a, x, b) and then
 * scaleAdd(w, 1, g, −lr) would (1·w is exact); returns true when some new w[i] is NaN or ±Infinity.
 */
export function reduceSgd<T>(w: usize, g: usize, a: T, x: usize, b: T, lr: T, n: i32): bool {
  const S = <usize>sizeof<T>();
  const L = lanes<T>();
  const va = v128.splat<T>(a);
  const vb = v128.splat<T>(b);
  const vl = v128.splat<T>(-lr);
  const zero = v128.splat<T>(<T>0);
  let s0 = zero;
  const blocks = n - n % L;
  let i = 0;
  for (; i < blocks; i += L) {
    const pg = g + <usize>i * S;
    const pw = w + <usize>i * S;
    const r = v128.add<T>(v128.mul<T>(va, v128.load(pg)), v128.mul<T>(vb, v128.load(x + <usize>i * S)));
    const u = v128.add<T>(v128.load(pw), v128.mul<T>(vl, r));
    v128.store(pg, r);
    v128.store(pw, u);
    s0 = v128.add<T>(s0, v128.mul<T>(u, zero));
  }
  let tail: T = <T>0;
  for (; i < n; i++) {
    const pg = g + <usize>i * S;
    const pw = w + <usize>i * S;
    const r: T = a * load<T>(pg) + b * load<T>(x + <usize>i * S);
    const u: T = load<T>(pw) + -lr * r;
    store<T>(pg, r);
    store<T>(pw, u);
    tail += u * <T>0;
  }
  return v128.any_true(v128.ne<T>(s0, s0)) || tail != tail;
}
