import { describe, expect, it } from 'vitest';
import { SoftmaxWithLoss, referenceKernels } from '../../../src/core/index';
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
});
