/** The relaxed-SIMD build (fused multiply-add), which Electron runs by default, checked in a Node that enables it. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../..');

describe('the relaxed-SIMD kernels', () => {
  it('are chosen when the engine validates relaxed SIMD, and match the reference within rounding', () => {
    const out = execFileSync(
      process.execPath,
      ['--experimental-wasm-relaxed-simd', '--import', 'tsx', 'tests/core/kernels/wasm/relaxed-check.ts'],
      { cwd: root, encoding: 'utf8' },
    );
    const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { name: string | null; worstErrorOverTolerance: number };
    expect(result.name).toBe('wasm-relaxed-simd');
    expect(result.worstErrorOverTolerance).toBeLessThanOrEqual(1);
  }, 180_000); // a child Node that compiles TypeScript with tsx: slow on a loaded machine
});
