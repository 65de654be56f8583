/** The batch gather of the wasm backend (holdRows + gatherRows) against the reference TypedArray.set per row. */
import { describe, expect, it } from 'vitest';
import { referenceKernels } from '../../../../src/core/kernels/reference';
import { createRng } from '../../../../src/core/rng';
import { DTYPES, maxAbsDiff, plainWasmKernels } from './fixtures';

const wasm = plainWasmKernels(16 * 1024 * 1024);

/** n rows of d seeded values on a SharedArrayBuffer, like the engine's training set. */
function sharedRows(n: number, d: number, seed: number): Float32Array {
  const x = new Float32Array(new SharedArrayBuffer(n * d * 4));
  const rng = createRng(seed);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  return x;
}

function shuffled(n: number, seed: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  createRng(seed).shuffle(order);
  return order;
}

describe('WasmKernels.gatherRows', () => {
  for (const dtype of DTYPES) {
    for (const d of [1, 3, 17, 784]) {
      it(`copies the shuffled rows of a held copy exactly like the reference (${dtype}, d = ${d})`, () => {
        const n = 61;
        const source = sharedRows(n, d, d);
        const held = wasm.holdRows(source, dtype);
        if (!held) throw new Error('expected the rows to be held');
        expect(wasm.owns(held)).toBe(true);
        expect(maxAbsDiff(held, source)).toBe(0);
        const order = shuffled(n, 5).subarray(3, 3 + 37);
        const dst = wasm.allocate(dtype, 37 * d);
        const expected = dtype === 'float64' ? new Float64Array(37 * d) : new Float32Array(37 * d);
        wasm.gatherRows(held, d, order, 37, dst);
        referenceKernels.gatherRows(source, d, order, 37, expected);
        expect(maxAbsDiff(dst, expected)).toBe(0);
      });
    }

    it(`falls back to TypedArray.set for rows outside its memory or of another dtype (${dtype})`, () => {
      const source = sharedRows(20, 5, 9);
      const order = shuffled(20, 2);
      const dst = wasm.allocate(dtype, 20 * 5);
      const expected = dtype === 'float64' ? new Float64Array(100) : new Float32Array(100);
      wasm.gatherRows(source, 5, order, 20, dst);
      referenceKernels.gatherRows(source, 5, order, 20, expected);
      expect(maxAbsDiff(dst, expected)).toBe(0);
    });
  }

  it('holds one copy per source and dtype, and none that would take over half of the free memory', () => {
    const source = sharedRows(10, 4, 1);
    const first = wasm.holdRows(source, 'float32');
    expect(wasm.holdRows(source, 'float32')).toBe(first);
    expect(wasm.holdRows(source, 'float64')).not.toBe(first);
    const free = wasm.freeBytes;
    expect(wasm.holdRows(new Float32Array(Math.ceil(free / 8) + 16), 'float32')).toBeNull();
    expect(wasm.freeBytes).toBe(free);
    expect(referenceKernels.holdRows(source, 'float32')).toBeNull();
  });

  it('refuses a row index outside the source and a destination too short, naming them', () => {
    const source = wasm.allocate('float32', 12);
    const dst = wasm.allocate('float32', 6);
    expect(() => wasm.gatherRows(source, 3, Int32Array.of(0, 4), 2, dst)).toThrow(/row 4 at position 1 is outside \[0, 4\)/);
    expect(() => wasm.gatherRows(source, 3, Int32Array.of(0, 1, 2), 3, dst)).toThrow(/dst has 6 elements, expected at least 9/);
  });
});
