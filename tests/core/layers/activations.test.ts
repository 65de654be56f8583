import { describe, expect, it } from 'vitest';
import { Relu, Sigmoid, Tanh, referenceKernels } from '../../../src/core/index';
import { checkSpec } from '../fixtures';

const m = (data: number[]) => ({ rows: 1, cols: data.length, data: Float64Array.from(data) });

describe('activations', () => {
  it('Relu passes positives and blocks the gradient where x ≤ 0', () => {
    const r = new Relu(3, referenceKernels, 'float64');
    expect(Array.from(r.forward(m([-1, 0, 2])).data)).toEqual([0, 0, 2]);
    expect(Array.from(r.backward(m([5, 5, 5])).data)).toEqual([0, 0, 5]);
  });

  it('Sigmoid stays finite at ±1000 and has derivative y(1 − y)', () => {
    const s = new Sigmoid(3, referenceKernels, 'float32');
    const y = s.forward({ rows: 1, cols: 3, data: Float32Array.from([-1000, 0, 1000]) });
    expect(Array.from(y.data)).toEqual([0, 0.5, 1]);
    expect(Array.from(s.backward({ rows: 1, cols: 3, data: Float32Array.from([1, 1, 1]) }).data)).toEqual([0, 0.25, 0]);
  });

  it('Tanh has derivative 1 − y²', () => {
    const t = new Tanh(1, referenceKernels, 'float64');
    const y = t.forward(m([0.5])).data[0];
    expect(t.backward(m([2])).data[0]).toBeCloseTo(2 * (1 - y * y), 15);
  });

  for (const type of ['Relu', 'Sigmoid', 'Tanh'] as const) {
    it(`${type} passes a gradient check inside a two-layer network`, () => {
      const r = checkSpec(
        {
          inputSize: 4,
          layers: [{ type: 'Affine', units: 6 }, { type }, { type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }],
        },
        3,
      );
      expect(r.pass).toBe(true);
      expect(r.params).toHaveLength(4);
    });
  }
});
