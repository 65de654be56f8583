/**
 * The ceiling probes: loops of 12 independent multiply-add chains held in registers (fused in the relaxed build), so
 * they run at the core's peak 128-bit SIMD throughput. Timed by the bench, they give the ceiling every kernel and
 * training figure is compared with.
 */
import type { KernelExports } from './exports';

/** Flops of one probe iteration: 12 accumulators × lanes (4 f32, 2 f64) × (multiply + add). */
const FLOPS_PER_ITERATION = { float32: 12 * 4 * 2, float64: 12 * 2 * 2 } as const;

/** Runs `iterations` of the f32x4 or f64x2 probe and returns the flops done. */
export function runCeilingProbe(fns: KernelExports, dtype: 'float32' | 'float64', iterations: number): number {
  const checksum = dtype === 'float64' ? fns.ceilingF64(iterations) : fns.ceilingF32(iterations);
  if (!Number.isFinite(checksum)) throw new Error(`wasm kernels: the ${dtype} ceiling probe returned a non-finite checksum`);
  return iterations * FLOPS_PER_ITERATION[dtype];
}
