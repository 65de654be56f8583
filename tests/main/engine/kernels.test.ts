/** A thread's kernels reused from job to job (KernelCache): the same instance while it is large enough, emptied and zeroed; on a shared memory for split runs. */
import { describe, expect, it } from 'vitest';
import { chooseRunKernels, KernelCache } from '../../../src/main/engine/kernels';
import { referenceKernels } from '../../../src/core/index';

describe('KernelCache', () => {
  it('hands the same wasm kernels to the next job, with every buffer released and fresh ones zeroed', () => {
    const cache = new KernelCache();
    const first = cache.take('wasm', 1000);
    if (!first.name.startsWith('wasm')) return; // no WebAssembly SIMD here: nothing is cached
    const a = first.allocate('float32', 1000);
    a.fill(7);
    const held = first.holdRows(Float32Array.from([1, 2, 3, 4]), 'float32');
    const freeDuringJob = (first as unknown as { freeBytes: number }).freeBytes;
    const second = cache.take('wasm', 1000);
    expect(second).toBe(first);
    expect((second as unknown as { freeBytes: number }).freeBytes).toBeGreaterThan(freeDuringJob);
    const b = second.allocate('float32', 1000);
    expect(b.byteOffset).toBe(a.byteOffset); // the memory of the last job, again from the bottom
    expect(b.every((v) => v === 0)).toBe(true);
    // A held copy is made again, not found: the old one's bytes now belong to b.
    const x = Float32Array.from([5, 6, 7, 8]);
    const again = second.holdRows(x, 'float32');
    expect(again).not.toBe(held);
    expect([...(again ?? [])]).toEqual([5, 6, 7, 8]);
  });

  it('creates new kernels when a job needs more memory than the cached ones reserve', () => {
    const cache = new KernelCache();
    const small = cache.take('wasm', 1000);
    if (!small.name.startsWith('wasm')) return;
    const capacity = (small as unknown as { capacityBytes: number }).capacityBytes;
    const large = cache.take('wasm', capacity);
    expect(large).not.toBe(small);
    expect(cache.take('wasm', 1000)).toBe(large);
  });

  it('a split run gets kernels on one shared memory with a region per thread, kept for the next split and one-thread runs', () => {
    const cache = new KernelCache();
    const split = cache.takeRun('wasm', 1000, 2);
    if (!split.kernels.name.startsWith('wasm')) return;
    expect(split.regions).toHaveLength(2);
    expect(split.kernels.allocate('float32', 4).buffer).toBe(split.regions?.[0].memory.buffer);
    const again = cache.takeRun('wasm', 1000, 2);
    expect(again.kernels).toBe(split.kernels);
    expect(again.regions).toBe(split.regions);
    expect(cache.takeRun('wasm', 1000, 1)).toEqual({ kernels: split.kernels, regions: null });
    // More threads than regions: a new shared memory.
    const three = cache.takeRun('wasm', 1000, 3);
    expect(three.regions).toHaveLength(3);
    expect(three.kernels).not.toBe(split.kernels);
  });

  it('a helper keeps its kernels while it is given the same region of the same memory, and makes new ones otherwise', () => {
    const { regions } = chooseRunKernels('wasm', 1000, 2);
    if (!regions) return; // no shared WebAssembly memory here
    const helper = new KernelCache();
    const first = helper.takeRegion(regions[1]);
    expect(first.allocate('float32', 4).byteOffset).toBeGreaterThanOrEqual(regions[1].start);
    // The region as another thread receives it: a posted memory is a new object with the same id.
    expect(helper.takeRegion({ ...regions[1] })).toBe(first);
    const other = chooseRunKernels('wasm', 1000, 2).regions ?? [];
    expect(helper.takeRegion(other[1])).not.toBe(first);
  });

  it('the reference choice is the reference kernels, never cached', () => {
    const cache = new KernelCache();
    expect(cache.take('reference', 1000)).toBe(referenceKernels);
  });
});
