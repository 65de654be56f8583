/** BatchLoader: shuffled batches gathered from the kernels' held copy equal the ones copied row by row. */
import { describe, expect, it } from 'vitest';
import { BatchLoader, createRng, referenceKernels } from '../../../src/core/index';
import type { Dataset, Kernels } from '../../../src/core/index';
import { createWasmKernelsSync } from '../../../src/core/kernels/wasm';

function dataset(n: number, d: number): Dataset {
  const x = new Float32Array(new SharedArrayBuffer(n * d * 4));
  const rng = createRng(4);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const y = Int32Array.from({ length: n }, (_, i) => i % 3);
  return { name: 'rows', n, d, x, featureNames: [], target: { kind: 'classes', classNames: ['a', 'b', 'c'], y } };
}

describe('BatchLoader', () => {
  const wasm = createWasmKernelsSync({ relaxed: false });
  if (!wasm) throw new Error('this Node has no WebAssembly SIMD');

  for (const dtype of ['float32', 'float64'] as const) {
    it(`gives the same shuffled batches from the wasm kernels' held copy as from the reference (${dtype})`, () => {
      const data = dataset(53, 19);
      const order = Int32Array.from({ length: 53 }, (_, i) => i);
      createRng(8).shuffle(order);
      const fast = new BatchLoader(10, 19, 1, dtype, wasm);
      const plain = new BatchLoader(10, 19, 1, dtype, referenceKernels);
      for (let start = 0; start < 53; start += 10) {
        const count = Math.min(10, 53 - start);
        const a = fast.load(data, order, start, count);
        const b = plain.load(data, order, start, count);
        expect(Array.from(a.x.data), `rows from ${start}`).toEqual(Array.from(b.x.data));
        expect(Array.from(a.t as Int32Array)).toEqual(Array.from(b.t as Int32Array));
      }
    });
  }

  it('asks the kernels to hold a dataset once, and never for loads in order (evaluation)', () => {
    const calls: number[] = [];
    const counting: Kernels = {
      ...referenceKernels,
      holdRows: (x, dtype) => {
        calls.push(x.length);
        return wasm.holdRows(x, dtype);
      },
    };
    const data = dataset(20, 4);
    const loader = new BatchLoader(5, 4, 1, 'float32', counting);
    loader.load(data, null, 0, 5);
    expect(calls).toEqual([]);
    const order = Int32Array.from({ length: 20 }, (_, i) => 19 - i);
    for (let start = 0; start < 20; start += 5) {
      const { x } = loader.load(data, order, start, 5);
      expect(Array.from(x.data.subarray(0, 4))).toEqual(Array.from(data.x.subarray((19 - start) * 4, (20 - start) * 4)));
    }
    expect(calls).toEqual([80]);
  });
});
