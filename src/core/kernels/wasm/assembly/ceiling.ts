// The ceiling probe: the best sustained 128-bit multiply-add throughput of the runtime on one core, f32x4 or f64x2.
import { madd } from './micro';

/**
 * `iterations` rounds of 12 independent multiply-adds on v128 lanes of T (fused in the relaxed build), all in
 * registers, enough chains to hide the latency, so the loop runs at the core's peak 128-bit throughput: 96 flops a
 * round for f32 (12 × 4 lanes × 2), 48 for f64. Returns the sum of every lane so that nothing is optimised away.
 */
export function ceiling<T>(iterations: i32): T {
  const a = v128.splat<T>(<T>0.999999);
  const b = v128.splat<T>(<T>1e-7);
  let c0 = v128.splat<T>(<T>0), c1 = v128.splat<T>(<T>1), c2 = v128.splat<T>(<T>2), c3 = v128.splat<T>(<T>3);
  let c4 = v128.splat<T>(<T>4), c5 = v128.splat<T>(<T>5), c6 = v128.splat<T>(<T>6), c7 = v128.splat<T>(<T>7);
  let c8 = v128.splat<T>(<T>8), c9 = v128.splat<T>(<T>9), c10 = v128.splat<T>(<T>10), c11 = v128.splat<T>(<T>11);
  for (let i = 0; i < iterations; i++) {
    c0 = madd<T>(c0, a, b); c1 = madd<T>(c1, a, b); c2 = madd<T>(c2, a, b); c3 = madd<T>(c3, a, b);
    c4 = madd<T>(c4, a, b); c5 = madd<T>(c5, a, b); c6 = madd<T>(c6, a, b); c7 = madd<T>(c7, a, b);
    c8 = madd<T>(c8, a, b); c9 = madd<T>(c9, a, b); c10 = madd<T>(c10, a, b); c11 = madd<T>(c11, a, b);
  }
  const s0 = v128.add<T>(v128.add<T>(c0, c1), v128.add<T>(c2, c3));
  const s1 = v128.add<T>(v128.add<T>(c4, c5), v128.add<T>(c6, c7));
  const s2 = v128.add<T>(v128.add<T>(c8, c9), v128.add<T>(c10, c11));
  const s = v128.add<T>(v128.add<T>(s0, s1), s2);
  if (sizeof<T>() == 8) return <T>(v128.extract_lane<T>(s, 0) + v128.extract_lane<T>(s, 1));
  return <T>(v128.extract_lane<T>(s, 0) + v128.extract_lane<T>(s, 1) + v128.extract_lane<T>(s, 2) + v128.extract_lane<T>(s, 3));
}
