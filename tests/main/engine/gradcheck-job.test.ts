/** The gradient-check job on the WebAssembly kernels gives the reference kernels' report, errors as small, on the kernels that pay. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRADCHECK_WASM_FLOPS, gradientCheckKernels } from '../../../src/main/engine/gradcheck-job';
import { forwardFlopsPerRow } from '../../../src/main/engine/inference-chunk';
import { ARCH, JOB, compareGradientChecks, type Comparison } from './gradcheck-compare';

const root = resolve(import.meta.dirname, '../../..');

/** The WebAssembly report against the reference one: same verdict and kinks, gradients within float64 rounding, errors as small. */
function expectSameReport(c: Comparison): void {
  expect(c.pass).toEqual({ reference: true, wasm: true });
  expect(c.sameNames).toBe(true);
  expect(c.sameKinks).toBe(true);
  // Backprop: the same float64 arithmetic summed in another order (and fused in the relaxed build).
  expect(c.analyticDiff).toBeLessThan(1e-12);
  // Central differences: (f₊ − f₋)/2h with h = 1e-5 amplify a loss's rounding (≈ 1e-16) by 1e5.
  expect(c.numericDiff).toBeLessThan(1e-9);
  for (const { maxAbs, meanAbs } of c.errors) {
    expect(maxAbs[1]).toBeLessThan(2 * maxAbs[0] + 1e-10);
    expect(meanAbs[1]).toBeLessThan(2 * meanAbs[0] + 1e-10);
  }
}

describe('runGradientCheckJob on the WebAssembly kernels', () => {
  it('gives the reference report within float64 rounding (plain SIMD build, this Node)', () => {
    expectSameReport(compareGradientChecks());
  });

  it('gives the reference report within float64 rounding in the relaxed-SIMD build (fused multiply-add)', () => {
    const out = execFileSync(
      process.execPath,
      ['--experimental-wasm-relaxed-simd', '--import', 'tsx', 'tests/main/engine/gradcheck-relaxed-check.ts'],
      { cwd: root, encoding: 'utf8' },
    );
    const comparison = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Comparison;
    expect(comparison.kernels).toBe('wasm-relaxed-simd');
    expectSameReport(comparison);
  }, 180_000); // a child Node that compiles TypeScript with tsx: slow on a loaded machine
});

describe('gradientCheckKernels', () => {
  it('takes the WebAssembly kernels from GRADCHECK_WASM_FLOPS flops per perturbed pass, the reference ones below', () => {
    const enough = Math.ceil(GRADCHECK_WASM_FLOPS / forwardFlopsPerRow(ARCH));
    expect(gradientCheckKernels(JOB, enough)).toBe('wasm');
    expect(gradientCheckKernels(JOB, enough - 1)).toBe('reference');
  });
});
