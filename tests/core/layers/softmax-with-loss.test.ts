import { describe, expect, it } from 'vitest';
import { SoftmaxWithLoss, createRng, logSumExpRow, referenceKernels, softmaxInto } from '../../../src/core/index';
import type { Labels, Matrix } from '../../../src/core/index';
import { createWasmKernelsSync } from '../../../src/core/kernels/wasm';
import { checkSpec } from '../fixtures';

const m = (rows: number, data: number[]) => ({ rows, cols: data.length / rows, data: Float64Array.from(data) });

describe('SoftmaxWithLoss', () => {
  it('gives softmax([1000, 1000]) = [0.5, 0.5] without overflow', () => {
    const s = new SoftmaxWithLoss(2, referenceKernels, 'float64');
    expect(Array.from(s.predict(m(1, [1000, 1000])).data)).toEqual([0.5, 0.5]);
    expect(s.forward(m(1, [1000, 1000]), Int32Array.from([0]))).toBeCloseTo(Math.log(2), 12);
  });

  it('keeps the loss finite when the true class has probability 0', () => {
    const s = new SoftmaxWithLoss(2, referenceKernels, 'float32');
    const x = { rows: 1, cols: 2, data: Float32Array.from([0, -10000]) };
    const loss = s.forward(x, Int32Array.from([1]));
    expect(s.output().data[1]).toBe(0);
    expect(loss).toBe(10000);
  });

  it('gives the same loss for class indices and one-hot rows, and backward (y − t)/N', () => {
    const s = new SoftmaxWithLoss(3, referenceKernels, 'float64');
    const x = m(2, [1, 2, 3, 0, 0, 0]);
    const a = s.forward(x, Int32Array.from([2, 0]));
    const dx = Array.from(s.backward().data);
    const b = s.forward(x, m(2, [0, 0, 1, 1, 0, 0]));
    expect(b).toBeCloseTo(a, 14);
    const y = Array.from(s.output().data);
    const t = [0, 0, 1, 1, 0, 0];
    dx.forEach((v, i) => expect(v).toBeCloseTo((y[i] - t[i]) / 2, 15));
  });

  it('rejects labels out of range naming the row', () => {
    const s = new SoftmaxWithLoss(3, referenceKernels, 'float64');
    expect(() => s.forward(m(1, [1, 2, 3]), Int32Array.from([3]))).toThrow(/label 3 at row 0 is outside \[0, 3\)/);
  });

  it('passes a gradient check on one-hot-free random labels', () => {
    expect(checkSpec({ inputSize: 3, layers: [{ type: 'Affine', units: 4 }, { type: 'SoftmaxWithLoss' }] }, 7, 6).pass).toBe(
      true,
    );
  });

  /** The layer before the fused kernel: softmaxInto, a second logsumexp per row, backward from y and t. */
  function unfused(x: Matrix, t: Labels, dout: number): { loss: number; y: Float32Array; dx: Float32Array } {
    const y = { rows: x.rows, cols: x.cols, data: new Float32Array(x.data.length) };
    softmaxInto(x, y);
    let total = 0;
    for (let i = 0; i < x.rows; i++) {
      const lse = logSumExpRow(x, i);
      const o = i * x.cols;
      if (t instanceof Int32Array) total += lse - x.data[o + t[i]];
      else for (let j = 0; j < x.cols; j++) if (t.data[o + j] !== 0) total += t.data[o + j] * (lse - x.data[o + j]);
    }
    const dx = Float32Array.from(y.data);
    if (t instanceof Int32Array) for (let i = 0; i < x.rows; i++) dx[i * x.cols + t[i]] -= 1;
    else for (let i = 0; i < dx.length; i++) dx[i] -= t.data[i];
    for (let i = 0; i < dx.length; i++) dx[i] *= dout / x.rows;
    return { loss: total / x.rows, y: y.data, dx };
  }

  const rng = createRng(9);
  const x = { rows: 13, cols: 10, data: Float32Array.from({ length: 130 }, () => 12 * rng.next() - 6) };
  const classes = Int32Array.from({ length: 13 }, () => rng.int(10));
  const soft = { rows: 13, cols: 10, data: Float32Array.from({ length: 130 }, () => (rng.next() < 0.4 ? 0 : rng.next() / 6)) };

  for (const [kind, t] of [
    ['class indices', classes],
    ['soft labels', soft],
  ] as const) {
    it(`gives bit for bit the unfused loss, output and dx on the reference kernels (float32, ${kind})`, () => {
      const s = new SoftmaxWithLoss(10, referenceKernels, 'float32');
      const expected = unfused(x, t, 1);
      expect(s.forward(x, t)).toBe(expected.loss);
      expect(Array.from(s.output().data)).toEqual(Array.from(expected.y));
      expect(Array.from(s.backward().data)).toEqual(Array.from(expected.dx));
    });

    it(`matches the unfused layer within float32 rounding on the wasm kernels, and backward(dout) scales dx (${kind})`, () => {
      const wasm = createWasmKernelsSync({ relaxed: false });
      if (!wasm) throw new Error('this Node has no WebAssembly SIMD');
      const s = new SoftmaxWithLoss(10, wasm, 'float32');
      const expected = unfused(x, t, 1);
      expect(Math.abs(s.forward(x, t) - expected.loss)).toBeLessThan(2e-6);
      const dx = Float32Array.from(s.backward().data);
      dx.forEach((v, i) => expect(Math.abs(v - expected.dx[i]), `dx[${i}]`).toBeLessThan(2e-7));
      s.backward(2.5).data.forEach((v, i) => expect(v, `2.5·dx[${i}]`).toBe(Math.fround(2.5 * dx[i])));
      expect(Array.from(s.backward().data), 'backward(1) after backward(2.5)').toEqual(Array.from(dx));
    });
  }
});
