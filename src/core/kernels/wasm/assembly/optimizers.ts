// Optimizer updates of float32 or float64 weights with float64 state, in f64 arithmetic with the reference loops'
// operations in the same order: the results equal the TypeScript optimizers bit for bit. Two elements per f64x2.

/** Two elements of T at p as an f64x2 (float32 widened exactly). */
// @ts-ignore: decorator
@inline function load2<T>(p: usize): v128 {
  if (sizeof<T>() == 8) return v128.load(p);
  return f64x2.promote_low_f32x4(v128.load64_zero(p));
}

/** Stores an f64x2 as two elements of T at p (float32 rounded to nearest, like a Float32Array store). */
// @ts-ignore: decorator
@inline function store2<T>(p: usize, x: v128): void {
  if (sizeof<T>() == 8) v128.store(p, x);
  else v128.store64_lane(p, f32x4.demote_f64x2_zero(x), 0);
}

/** Momentum: v ← μ·v − lr·g; w ← w + v.  w, g: n elements of T; v: n f64. */
export function momentum<T>(w: usize, g: usize, v: usize, mu: f64, lr: f64, n: i32): void {
  const S = <usize>sizeof<T>();
  const vmu = f64x2.splat(mu);
  const vlr = f64x2.splat(lr);
  const pairs = n & ~1;
  let i = 0;
  for (; i < pairs; i += 2) {
    const pv = v + <usize>i * 8;
    const pw = w + <usize>i * S;
    const nv = f64x2.sub(f64x2.mul(vmu, v128.load(pv)), f64x2.mul(vlr, load2<T>(g + <usize>i * S)));
    v128.store(pv, nv);
    store2<T>(pw, f64x2.add(load2<T>(pw), nv));
  }
  for (; i < n; i++) {
    const pv = v + <usize>i * 8;
    const pw = w + <usize>i * S;
    const nv = mu * load<f64>(pv) - lr * <f64>load<T>(g + <usize>i * S);
    store<f64>(pv, nv);
    store<T>(pw, <T>(<f64>load<T>(pw) + nv));
  }
}

/**
 * Adam: m ← m + (1 − β1)(g − m); v ← v + (1 − β2)(g² − v); w ← w − lrT·m / (√v + 1e-7).
 * w, g: n elements of T; m, v: n f64; lrT the bias-corrected rate of this step.
 */
export function adam<T>(w: usize, g: usize, m: usize, v: usize, beta1: f64, beta2: f64, lrT: f64, n: i32): void {
  const S = <usize>sizeof<T>();
  const c1 = 1 - beta1;
  const c2 = 1 - beta2;
  const vc1 = f64x2.splat(c1);
  const vc2 = f64x2.splat(c2);
  const vlr = f64x2.splat(lrT);
  const eps = f64x2.splat(1e-7);
  const pairs = n & ~1;
  let i = 0;
  for (; i < pairs; i += 2) {
    const pm = m + <usize>i * 8;
    const pv = v + <usize>i * 8;
    const pw = w + <usize>i * S;
    const gi = load2<T>(g + <usize>i * S);
    const mi = v128.load(pm);
    const vi = v128.load(pv);
    const nm = f64x2.add(mi, f64x2.mul(vc1, f64x2.sub(gi, mi)));
    const nv = f64x2.add(vi, f64x2.mul(vc2, f64x2.sub(f64x2.mul(gi, gi), vi)));
    v128.store(pm, nm);
    v128.store(pv, nv);
    const step = f64x2.div(f64x2.mul(vlr, nm), f64x2.add(f64x2.sqrt(nv), eps));
    store2<T>(pw, f64x2.sub(load2<T>(pw), step));
  }
  for (; i < n; i++) {
    const pm = m + <usize>i * 8;
    const pv = v + <usize>i * 8;
    const pw = w + <usize>i * S;
    const gi = <f64>load<T>(g + <usize>i * S);
    const nm = load<f64>(pm) + c1 * (gi - load<f64>(pm));
    const nv = load<f64>(pv) + c2 * (gi * gi - load<f64>(pv));
    store<f64>(pm, nm);
    store<f64>(pv, nv);
    store<T>(pw, <T>(<f64>load<T>(pw) - (lrT * nm) / (Math.sqrt(nv) + 1e-7)));
  }
}

/** Nesterov (the book's form): v ← μ·v − lr·g; w ← w + μ²·v − (1 + μ)·lr·g.  w, g: n elements of T; v: n f64. */
export function nesterov<T>(w: usize, g: usize, v: usize, mu: f64, lr: f64, n: i32): void {
  const S = <usize>sizeof<T>();
  const mu2 = mu * mu;
  const c = (1 + mu) * lr;
  const vmu = f64x2.splat(mu);
  const vlr = f64x2.splat(lr);
  const vmu2 = f64x2.splat(mu2);
  const vc = f64x2.splat(c);
  const pairs = n & ~1;
  let i = 0;
  for (; i < pairs; i += 2) {
    const pv = v + <usize>i * 8;
    const pw = w + <usize>i * S;
    const gi = load2<T>(g + <usize>i * S);
    const nv = f64x2.sub(f64x2.mul(vmu, v128.load(pv)), f64x2.mul(vlr, gi));
    v128.store(pv, nv);
    store2<T>(pw, f64x2.add(load2<T>(pw), f64x2.sub(f64x2.mul(vmu2, nv), f64x2.mul(vc, gi))));
  }
  for (; i < n; i++) {
    const pv = v + <usize>i * 8;
    const pw = w + <usize>i * S;
    const gi = <f64>load<T>(g + <usize>i * S);
    const nv = mu * load<f64>(pv) - lr * gi;
    store<f64>(pv, nv);
    store<T>(pw, <T>(<f64>load<T>(pw) + (mu2 * nv - c * gi)));
  }
}

/**
 * AdaGrad (decay false): h ← h + g·g; RMSprop (decay true): h ← ρ·h + ((1 − ρ)·g)·g; then w ← w − lr·g / (√h + 1e-7).
 * w, g: n elements of T; h: n f64.
 */
export function adaptive<T>(w: usize, g: usize, h: usize, rho: f64, lr: f64, decay: bool, n: i32): void {
  const S = <usize>sizeof<T>();
  const c = 1 - rho;
  const vrho = f64x2.splat(rho);
  const vc = f64x2.splat(c);
  const vlr = f64x2.splat(lr);
  const eps = f64x2.splat(1e-7);
  const pairs = n & ~1;
  let i = 0;
  for (; i < pairs; i += 2) {
    const ph = h + <usize>i * 8;
    const pw = w + <usize>i * S;
    const gi = load2<T>(g + <usize>i * S);
    const hi = v128.load(ph);
    const nh = decay ? f64x2.add(f64x2.mul(vrho, hi), f64x2.mul(f64x2.mul(vc, gi), gi)) : f64x2.add(hi, f64x2.mul(gi, gi));
    v128.store(ph, nh);
    store2<T>(pw, f64x2.sub(load2<T>(pw), f64x2.div(f64x2.mul(vlr, gi), f64x2.add(f64x2.sqrt(nh), eps))));
  }
  for (; i < n; i++) {
    const ph = h + <usize>i * 8;
    const pw = w + <usize>i * S;
    const gi = <f64>load<T>(g + <usize>i * S);
    const nh = decay ? rho * load<f64>(ph) + c * gi * gi : load<f64>(ph) + gi * gi;
    store<f64>(ph, nh);
    store<T>(pw, <T>(<f64>load<T>(pw) - (lr * gi) / (Math.sqrt(nh) + 1e-7)));
  }
}
