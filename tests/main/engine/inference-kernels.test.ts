/** The thread's shared inference kernels: one WebAssembly instance reused while it has room, replaced when it runs short. */
import { describe, expect, it } from 'vitest';
import { referenceKernels } from '../../../src/core';
import { WasmKernels } from '../../../src/core/kernels/wasm';
import { inferenceKernels } from '../../../src/main/engine/inference-kernels';

describe('inferenceKernels', () => {
  it('hands out the same WebAssembly instance while it has twice the bytes asked for free', () => {
    const first = inferenceKernels(1024);
    expect(first).toBeInstanceOf(WasmKernels);
    first.allocate('float64', 1000);
    expect(inferenceKernels(1024)).toBe(first);
  });

  it('replaces the instance once fewer than twice the bytes asked for are free, with room for them', () => {
    const first = inferenceKernels(1024);
    if (!(first instanceof WasmKernels)) throw new Error('expected WebAssembly kernels');
    const need = Math.floor(first.freeBytes / 2) + 64;
    const next = inferenceKernels(need);
    expect(next).not.toBe(first);
    expect(next).toBeInstanceOf(WasmKernels);
    expect((next as WasmKernels).freeBytes).toBeGreaterThanOrEqual(2 * need);
  });

  it('gives the reference kernels when they are asked for', () => {
    expect(inferenceKernels(1024, 'reference')).toBe(referenceKernels);
  });
});
