import { describe, expect, it } from 'vitest';
import { IdentityWithLoss, referenceKernels } from '../../../src/core/index';
import { checkSpec } from '../fixtures';

const m = (rows: number, data: number[]) => ({ rows, cols: data.length / rows, data: Float64Array.from(data) });

describe('IdentityWithLoss', () => {
  it('computes ½·mean over rows of Σ(y − t)² and backward (y − t)/N', () => {
    const l = new IdentityWithLoss(2, referenceKernels, 'float64');
    expect(l.forward(m(2, [1, 2, 3, 4]), m(2, [0, 0, 3, 2]))).toBe((0.5 * (1 + 4 + 0 + 4)) / 2);
    expect(Array.from(l.backward().data)).toEqual([0.5, 1, 0, 1]);
  });

  it('rejects class indices', () => {
    const l = new IdentityWithLoss(1, referenceKernels, 'float64');
    expect(() => l.forward(m(1, [1]), Int32Array.from([0]))).toThrow(/regression targets/);
  });

  it('passes a gradient check in a regression network', () => {
    const r = checkSpec({
      inputSize: 3,
      layers: [{ type: 'Affine', units: 5 }, { type: 'Tanh' }, { type: 'Affine', units: 2 }, { type: 'IdentityWithLoss' }],
    });
    expect(r.pass).toBe(true);
  });
});
