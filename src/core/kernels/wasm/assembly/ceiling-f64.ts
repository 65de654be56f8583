// The float64 ceiling probe: the best sustained f64x2 multiply-add throughput of the runtime on one core.
import { madd } from './micro';

/**
 * `iterations` rounds of 12 independent f64x2 multiply-adds (fused in the relaxed build), all in registers, enough
 * chains to hide the latency: 48 flops a round (12 × 2 lanes × multiply + add). Returns a sum so that nothing is
 * optimised away. The float64 figures of the bench are given as a percentage of its rate.
 */
export function ceilingF64Probe(iterations: i32): f64 {
  const a = f64x2.splat(0.999999);
  const b = f64x2.splat(1e-7);
  let c0 = f64x2.splat(0.0), c1 = f64x2.splat(1.0), c2 = f64x2.splat(2.0), c3 = f64x2.splat(3.0);
  let c4 = f64x2.splat(4.0), c5 = f64x2.splat(5.0), c6 = f64x2.splat(6.0), c7 = f64x2.splat(7.0);
  let c8 = f64x2.splat(8.0), c9 = f64x2.splat(9.0), c10 = f64x2.splat(10.0), c11 = f64x2.splat(11.0);
  for (let i = 0; i < iterations; i++) {
    c0 = madd<f64>(c0, a, b); c1 = madd<f64>(c1, a, b); c2 = madd<f64>(c2, a, b); c3 = madd<f64>(c3, a, b);
    c4 = madd<f64>(c4, a, b); c5 = madd<f64>(c5, a, b); c6 = madd<f64>(c6, a, b); c7 = madd<f64>(c7, a, b);
    c8 = madd<f64>(c8, a, b); c9 = madd<f64>(c9, a, b); c10 = madd<f64>(c10, a, b); c11 = madd<f64>(c11, a, b);
  }
  const s0 = v128.add<f64>(v128.add<f64>(c0, c1), v128.add<f64>(c2, c3));
  const s1 = v128.add<f64>(v128.add<f64>(c4, c5), v128.add<f64>(c6, c7));
  const s2 = v128.add<f64>(v128.add<f64>(c8, c9), v128.add<f64>(c10, c11));
  const s = v128.add<f64>(v128.add<f64>(s0, s1), s2);
  return f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
}
