/** The wasm backend's buffers and argument checks: views on its memory, zeroed, stable, and clear errors on bad input. */
import { describe, expect, it } from 'vitest';
import { createWasmKernels, createWasmKernelsSync } from '../../../../src/core/kernels/wasm';
import { plainWasmKernels } from './fixtures';

const wasm = plainWasmKernels();

describe('WasmKernels.allocate', () => {
  it('hands out zeroed views on its memory, 64-byte aligned and non-overlapping', () => {
    const x = wasm.allocate('float32', 10);
    const y = wasm.allocate('float64', 3);
    expect(x).toBeInstanceOf(Float32Array);
    expect(y).toBeInstanceOf(Float64Array);
    expect([wasm.owns(x), wasm.owns(y), x.length, y.length]).toEqual([true, true, 10, 3]);
    expect(x.byteOffset % 64).toBe(0);
    expect(y.byteOffset % 64).toBe(0);
    expect(y.byteOffset).toBeGreaterThanOrEqual(x.byteOffset + 40);
    expect(Array.from(x).every((v) => v === 0)).toBe(true);
  });

  it('returns zeroed memory even where a staged copy wrote before', () => {
    const k = 100;
    const a = new Float32Array(k).fill(5);
    const c = new Float32Array(1);
    wasm.gemm(a, a, c, 1, 1, k, false, false, false); // stages a (twice) and c above the allocation top
    const fresh = wasm.allocate('float32', 2 * k);
    expect(Array.from(fresh).every((v) => v === 0)).toBe(true);
  });

  it('keeps earlier views attached after many allocations (memory is reserved up front, never grown)', () => {
    const first = wasm.allocate('float64', 4);
    first[3] = 1.5;
    for (let i = 0; i < 50; i++) wasm.allocate('float32', 100_000);
    expect(first.length).toBe(4);
    expect(first[3]).toBe(1.5);
  });

  it('falls back to ordinary typed arrays once its memory is full', () => {
    const small = plainWasmKernels(4 * 1024 * 1024);
    const big = small.allocate('float64', 1_000_000);
    expect(small.owns(big)).toBe(false);
    expect(big.length).toBe(1_000_000);
  });

  it('rejects a negative or fractional length and an unknown dtype', () => {
    expect(() => wasm.allocate('float32', -1)).toThrow(/allocate: length must be a non-negative integer, got -1/);
    expect(() => wasm.allocate('float32', 2.5)).toThrow(/got 2.5/);
    expect(() => wasm.allocate('float16' as 'float32', 2)).toThrow(/dtype must be 'float32' or 'float64'/);
  });
});

describe('WasmKernels argument checks', () => {
  const f32 = (n: number): Float32Array => new Float32Array(n);
  it('rejects mixed dtypes, naming each array', () => {
    expect(() => wasm.gemm(f32(4), new Float64Array(4), f32(4), 2, 2, 2, false, false, false)).toThrow(
      /gemm: all arrays must share one dtype, got A: Float32Array, B: Float64Array, C: Float32Array/,
    );
  });

  it('rejects arrays shorter than their shape, naming the shape', () => {
    expect(() => wasm.gemm(f32(5), f32(6), f32(6), 2, 3, 3, false, false, false)).toThrow(
      /A has 5 elements, expected at least 6 \(A: m×k = 2×3\)/,
    );
    expect(() => wasm.gemm(f32(6), f32(5), f32(6), 2, 3, 3, false, true, false)).toThrow(/B stored n×k = 3×3/);
    expect(() => wasm.addRowVector(f32(6), f32(2), 2, 3)).toThrow(/addRowVector: v has 2 elements, expected at least 3/);
    expect(() => wasm.sumRows(f32(5), f32(3), 2, 3)).toThrow(/sumRows: x has 5 elements/);
  });

  it('rejects non-integer or negative sizes', () => {
    expect(() => wasm.gemm(f32(4), f32(4), f32(4), 2, 2, 1.5, false, false, false)).toThrow(
      /gemm: k must be a non-negative integer, got 1.5/,
    );
    expect(() => wasm.sumRows(f32(4), f32(4), -1, 2)).toThrow(/sumRows: rows must be a non-negative integer/);
  });

  it('rejects C overlapping A or B', () => {
    const buf = wasm.allocate('float32', 16);
    expect(() => wasm.gemm(buf.subarray(0, 4), f32(4), buf.subarray(2, 6), 2, 2, 2, false, false, false)).toThrow(
      /gemm: C and A overlap/,
    );
  });
});

describe('createWasmKernels', () => {
  it('compiles asynchronously to a working SIMD backend', async () => {
    const kernels = await createWasmKernels();
    expect(kernels?.name).toMatch(/^wasm-(relaxed-)?simd$/);
    const c = new Float32Array(1);
    kernels?.gemm(Float32Array.of(1, 2), Float32Array.of(3, 4), c, 1, 1, 2, false, false, false);
    expect(c[0]).toBe(11);
  });

  it('uses the plain SIMD build when relaxed SIMD is not requested', () => {
    expect(createWasmKernelsSync({ relaxed: false })?.name).toBe('wasm-simd');
  });

  it('rejects a capacity that is not a positive integer within wasm32 limits', () => {
    expect(() => createWasmKernelsSync({ capacityBytes: 0 })).toThrow(
      /capacityBytes must be an integer in 1\.\.4294967296, got 0/,
    );
    expect(() => createWasmKernelsSync({ capacityBytes: 2 ** 33 })).toThrow(/capacityBytes/);
  });
});
