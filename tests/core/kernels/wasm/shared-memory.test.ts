/** One shared WebAssembly memory for the threads of a data-parallel run: a region per thread, each instance packing and allocating only in its own. */
import { describe, expect, it } from 'vitest';
import { createRegionKernelsSync, createSharedRegions, REGIONS_START } from '../../../../src/core/kernels/wasm';
import type { SharedRegion, WasmKernels } from '../../../../src/core/kernels/wasm';
import { maxAbsDiff, plainWasmKernels, randomArray } from './fixtures';

const MIB = 1024 * 1024;

function regionKernels(region: SharedRegion): WasmKernels {
  const kernels = createRegionKernelsSync(region, false);
  if (!kernels) throw new Error('this Node cannot run the shared-memory kernels');
  return kernels;
}

/** A copy of the memory's bytes [from, to). */
const bytes = (region: SharedRegion, from: number, to: number): Buffer =>
  Buffer.from(new Uint8Array(region.memory.buffer, from, to - from));
/** Whether two byte copies are equal (compared whole: a per-element diff of megabytes would not end). */
const same = (x: Buffer, y: Buffer): boolean => x.equals(y);

describe('createSharedRegions', () => {
  it('lays out one shared memory as page-aligned, disjoint regions above the static data, with one id', () => {
    const regions = createSharedRegions(10 * MIB + 1, 3);
    expect(regions).not.toBeNull();
    const [a, b, c] = regions ?? [];
    expect(a.memory.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(new Set(regions?.map((r) => r.memory)).size).toBe(1);
    expect(new Set(regions?.map((r) => r.id)).size).toBe(1);
    expect(a.start).toBe(REGIONS_START);
    for (const r of [a, b, c]) {
      expect(r.start % 65536).toBe(0);
      expect(r.end - r.start).toBe(Math.ceil((10 * MIB + 1) / 65536) * 65536);
    }
    expect([b.start, c.start]).toEqual([a.end, b.end]);
    expect(a.memory.buffer.byteLength).toBe(c.end);
    expect(createSharedRegions(MIB, 2)?.[0].id).not.toBe(a.id);
  });

  it('is null when the regions do not fit in the 4 GiB of a wasm32 memory', () => {
    expect(createSharedRegions(3 * 1024 * MIB, 2)).toBeNull();
  });
});

describe('kernels on regions of one shared memory', () => {
  const regions = createSharedRegions(16 * MIB, 2) ?? [];
  const [a, b] = regions.map(regionKernels);

  it('allocate within their own region', () => {
    const x = a.allocate('float32', 1000);
    const y = b.allocate('float64', 1000);
    expect(x.byteOffset).toBeGreaterThanOrEqual(regions[0].start);
    expect(x.byteOffset + x.byteLength).toBeLessThanOrEqual(regions[0].end);
    expect(y.byteOffset).toBeGreaterThanOrEqual(regions[1].start);
    expect(y.byteOffset + y.byteLength).toBeLessThanOrEqual(regions[1].end);
  });

  it('compute the GEMM of the plain kernels, bit for bit, packing in their own region: nothing else in the memory changes', () => {
    const plain = plainWasmKernels();
    // 100×256·256×784: the packed path (both pack buffers used), float32 and float64.
    for (const dtype of ['float32', 'float64'] as const) {
      const [m, n, k] = [100, 256, 784];
      const inputs = (kernels: WasmKernels | null): ReturnType<typeof randomArray>[] => [
        randomArray(kernels, dtype, m * k, 1),
        randomArray(kernels, dtype, k * n, 2),
      ];
      const [pa, pb] = inputs(plain);
      const pc = plain.allocate(dtype, m * n);
      plain.gemm(pa, pb, pc, m, n, k, false, false, false);
      const [aa, ab] = inputs(a);
      const ac = a.allocate(dtype, m * n);
      const staticBefore = bytes(regions[0], 0, REGIONS_START);
      const [ba, bb] = inputs(b);
      const bc = b.allocate(dtype, m * n);
      const regionABeforeB = bytes(regions[0], regions[0].start, regions[0].end);
      b.gemm(ba, bb, bc, m, n, k, false, false, false);
      expect(same(bytes(regions[0], regions[0].start, regions[0].end), regionABeforeB)).toBe(true);
      a.gemm(aa, ab, ac, m, n, k, false, false, false);
      expect(maxAbsDiff(ac, pc)).toBe(0);
      expect(maxAbsDiff(bc, pc)).toBe(0);
      expect(same(bytes(regions[0], 0, REGIONS_START), staticBefore)).toBe(true);
    }
  });

  it('see each other’s buffers in place: a view of another region is owned (no staging copy)', () => {
    const y = b.allocate('float32', 8).fill(2.5);
    const seen = a.view('float32', y.byteOffset, y.length);
    expect(a.owns(seen)).toBe(true);
    expect([...seen]).toEqual(new Array<number>(8).fill(2.5));
    const z = a.allocate('float32', 8).fill(1);
    expect(a.scaleAdd(z, 1, seen, 2)).toBe(false);
    expect([...z]).toEqual(new Array<number>(8).fill(6));
  });
});
