import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_CONFIG, learningRateAt } from '../../../src/core/index';

const base = { ...DEFAULT_TRAINING_CONFIG, learningRate: 0.1 };

describe('learningRateAt', () => {
  it('is constant, steps by gamma and follows a cosine to the minimum', () => {
    expect(learningRateAt(base, 1000)).toBe(0.1);
    const step = { ...base, schedule: { kind: 'step' as const, stepSize: 10, gamma: 0.5 } };
    expect([0, 9, 10, 25].map((i) => learningRateAt(step, i))).toEqual([0.1, 0.1, 0.05, 0.025]);
    const cos = { ...base, schedule: { kind: 'cosine' as const, totalIterations: 100, minLearningRate: 0.01 } };
    expect(learningRateAt(cos, 0)).toBeCloseTo(0.1, 15);
    expect(learningRateAt(cos, 50)).toBeCloseTo(0.055, 15);
    expect(learningRateAt(cos, 100)).toBeCloseTo(0.01, 15);
    expect(learningRateAt(cos, 500)).toBeCloseTo(0.01, 15);
  });

  it('rejects bad schedule parameters', () => {
    expect(() => learningRateAt({ ...base, schedule: { kind: 'step', stepSize: 0, gamma: 0.5 } }, 1)).toThrow(
      /stepSize must be a positive integer/,
    );
    expect(() => learningRateAt({ ...base, learningRate: -1 }, 1)).toThrow(/learningRate must be a positive/);
  });
});
