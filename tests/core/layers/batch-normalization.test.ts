import { describe, expect, it } from 'vitest';
import { BatchNormalization, referenceKernels } from '../../../src/core/index';
import { checkSpec, randomMatrix } from '../fixtures';

describe('BatchNormalization', () => {
  it('normalises each feature to mean 0 and variance ≈ 1 in training and updates the running statistics', () => {
    const bn = new BatchNormalization(3, 0.9, 1e-7, referenceKernels, 'float64', 'layers.0');
    const x = randomMatrix(1, 50, 3);
    for (let i = 0; i < x.data.length; i++) x.data[i] = 5 + 3 * x.data[i];
    const out = bn.forward(x, true);
    for (let j = 0; j < 3; j++) {
      const col = Array.from({ length: 50 }, (_, i) => out.data[i * 3 + j]);
      const mean = col.reduce((s, v) => s + v, 0) / 50;
      const variance = col.reduce((s, v) => s + (v - mean) ** 2, 0) / 50;
      expect(Math.abs(mean)).toBeLessThan(1e-12);
      expect(variance).toBeCloseTo(1, 5);
      expect(bn.runningMean[j]).toBeGreaterThan(0.3); // 0.1 · ≈5
    }
  });

  it('uses the running statistics at inference', () => {
    const bn = new BatchNormalization(1, 0.9, 0, referenceKernels, 'float64', 'layers.0');
    bn.runningMean[0] = 2;
    bn.runningVar[0] = 4;
    expect(Array.from(bn.forward({ rows: 2, cols: 1, data: Float64Array.from([2, 6]) }, false).data)).toEqual([0, 2]);
  });

  it('passes a gradient check for gamma, beta and the layers around it', () => {
    const r = checkSpec(
      {
        inputSize: 3,
        layers: [
          { type: 'Affine', units: 4 },
          { type: 'BatchNormalization' },
          { type: 'Tanh' },
          { type: 'Affine', units: 3 },
          { type: 'SoftmaxWithLoss' },
        ],
      },
      2,
      6,
    );
    expect(r.params.map((p) => p.name)).toContain('layers.1.gamma');
    expect(r.pass).toBe(true);
  });
});
