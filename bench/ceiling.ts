/** The ceiling probe: the best sustained f32x4 multiply-add throughput of this runtime on one core, in GFLOP/s. */
import type { WasmKernels } from '../src/core/kernels/wasm';
import { now } from './clock';

/** Iterations per call: 96 flops each, a few milliseconds at tens of GFLOP/s (well above the clock's resolution). */
const ITERATIONS = 2_000_000;

/**
 * Best GFLOP/s of the f32x4 probe (or the f64x2 one) over `rounds` calls, timed with the benches' CPU clock (a
 * register-only loop: no memory).
 */
export function measureCeiling(wasm: WasmKernels, rounds = 60, dtype: 'float32' | 'float64' = 'float32'): number {
  const probe = (): number => (dtype === 'float64' ? wasm.ceilingProbeF64(ITERATIONS) : wasm.ceilingProbe(ITERATIONS));
  probe();
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = now();
    const flops = probe();
    const ms = now() - t0;
    if (ms > 0) best = Math.max(best, flops / ms / 1e6);
  }
  return best;
}

/** A figure as a percentage of the ceiling, one decimal. */
export const percentOf = (gflops: number, ceiling: number): number => Math.round((1000 * gflops) / ceiling) / 10;

/**
 * GEMM flops of one training sample of an MLP: forward x·W and backward dW = xᵀ·dout and dx = dout·Wᵀ, 2·D·M flops
 * each, except the first Affine's dx, which training never computes (Sequential.backward skips it).
 */
export function trainingFlopsPerSample(widths: number[]): number {
  let flops = 0;
  for (let i = 0; i + 1 < widths.length; i++) flops += (i === 0 ? 2 : 3) * 2 * widths[i] * widths[i + 1];
  return flops;
}
