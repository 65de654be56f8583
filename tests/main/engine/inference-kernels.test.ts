/** The thread's shared inference kernels: one WebAssembly instance reused while it has room, replaced when it runs short. */
import { describe, expect, it } from 'vitest';
import { referenceKernels } from '../../../src/core';
import { WasmKernels } from '../../../src/core/kernels/wasm';
import { inferenceKernels, jobKernels } from '../../../src/main/engine/inference-kernels';

describe('inferenceKernels', () => {
  it('hands out the same WebAssembly instance while it has twice the bytes asked for free', () => {
    const first = inferenceKernels(1024);
    expect(first instanceof WasmKernels).toBe(true);
    first.allocate('float64', 1000);
    expect(inferenceKernels(1024) === first).toBe(true);
  });

  it('replaces the instance once fewer than twice the bytes asked for are free, with room for them', () => {
    const first = inferenceKernels(1024);
    if (!(first instanceof WasmKernels)) throw new Error('expected WebAssembly kernels');
    const need = Math.floor(first.freeBytes / 2) + 64;
    const next = inferenceKernels(need);
    expect(next === first).toBe(false);
    expect(next instanceof WasmKernels).toBe(true);
    expect((next as WasmKernels).freeBytes).toBeGreaterThanOrEqual(2 * need);
  });

  it('gives the reference kernels when they are asked for', () => {
    expect(inferenceKernels(1024, 'reference') === referenceKernels).toBe(true);
  });
});

describe('jobKernels', () => {
  it('creates an instance of its own that reserves 16 MiB for a small job (not the default 256 MiB)', () => {
    // Booleans, not the objects: a failing comparison of two instances would print their whole memory.
    const kernels = jobKernels(1000);
    expect(kernels instanceof WasmKernels).toBe(true);
    expect(kernels === jobKernels(1000)).toBe(false);
    expect((kernels as WasmKernels).capacityBytes).toBe(16 * 1024 * 1024);
    expect(jobKernels(1000, 'reference') === referenceKernels).toBe(true);
  });

  it('reserves four times what a larger job needs', () => {
    const kernels = jobKernels(10 * 1024 * 1024) as WasmKernels;
    expect(kernels.capacityBytes).toBe(40 * 1024 * 1024);
  });
});
