/** The ceiling probe of the WebAssembly kernels: register-only multiply-adds whose flop count the bench divides by time. */
import { describe, expect, it } from 'vitest';
import { createWasmKernelsSync } from '../../../../src/core/kernels/wasm';

describe('WasmKernels.ceilingProbe', () => {
  it('reports 96 flops per iteration (12 f32x4 multiply-adds) in both builds', () => {
    for (const relaxed of [false, true]) {
      const kernels = createWasmKernelsSync({ relaxed, capacityBytes: 1 << 20 });
      expect(kernels).not.toBeNull();
      expect(kernels?.ceilingProbe(1000)).toBe(96_000);
      expect(kernels?.ceilingProbe(0)).toBe(0);
    }
  });
});
