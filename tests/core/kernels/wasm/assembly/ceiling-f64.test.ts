/** The float64 ceiling probe of the WebAssembly kernels: register-only f64x2 multiply-adds whose flop count the bench divides by time. */
import { describe, expect, it } from 'vitest';
import { createWasmKernelsSync } from '../../../../../src/core/kernels/wasm';

describe('WasmKernels.ceilingProbeF64', () => {
  it('reports 48 flops per iteration (12 f64x2 multiply-adds) in both builds', () => {
    for (const relaxed of [false, true]) {
      const kernels = createWasmKernelsSync({ relaxed, capacityBytes: 1 << 20 });
      expect(kernels).not.toBeNull();
      expect(kernels?.ceilingProbeF64(1000)).toBe(48_000);
      expect(kernels?.ceilingProbeF64(0)).toBe(0);
    }
  });
});
