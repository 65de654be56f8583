import { describe, expect, it } from 'vitest';
import { Dropout, createRng, referenceKernels } from '../../../src/core/index';
import { checkSpec } from '../fixtures';

const ones = (n: number) => ({ rows: 1, cols: n, data: new Float64Array(n).fill(1) });

describe('Dropout', () => {
  it('draws the same mask for the same seed and drops about `ratio` of the elements', () => {
    const a = new Dropout(1000, 0.3, createRng(5), referenceKernels, 'float64');
    const b = new Dropout(1000, 0.3, createRng(5), referenceKernels, 'float64');
    const ya = Array.from(a.forward(ones(1000), true).data);
    expect(Array.from(b.forward(ones(1000), true).data)).toEqual(ya);
    const dropped = ya.filter((v) => v === 0).length;
    expect(dropped).toBeGreaterThan(250);
    expect(dropped).toBeLessThan(350);
    expect(Array.from(a.backward(ones(1000)).data)).toEqual(ya);
  });

  it('scales by (1 − ratio) in inference mode', () => {
    const d = new Dropout(2, 0.25, createRng(1), referenceKernels, 'float64');
    expect(Array.from(d.forward(ones(2), false).data)).toEqual([0.75, 0.75]);
  });

  it('rejects a ratio outside [0, 1)', () => {
    expect(() => new Dropout(2, 1, createRng(1), referenceKernels, 'float64')).toThrow(/ratio must be in \[0, 1\)/);
  });

  it('passes a gradient check with its mask frozen', () => {
    const r = checkSpec({
      inputSize: 4,
      layers: [
        { type: 'Affine', units: 8 },
        { type: 'Dropout', ratio: 0.5 },
        { type: 'Affine', units: 3 },
        { type: 'SoftmaxWithLoss' },
      ],
    });
    expect(r.pass).toBe(true);
  });
});
