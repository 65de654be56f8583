import { describe, expect, it } from 'vitest';
import { histogram, l2Norm } from '../../../../src/main/services/insight/histogram';

describe('histogram', () => {
  it('bins finite values between min and max and reports mean and std', () => {
    const h = histogram([0, 1, 2, 3], 2);
    expect(h.counts).toEqual([2, 2]);
    expect([h.min, h.max, h.mean]).toEqual([0, 3, 1.5]);
    expect(h.std).toBeCloseTo(Math.sqrt(1.25), 12);
  });

  it('counts NaN and Infinity apart instead of binning them as numbers', () => {
    const h = histogram([1, NaN, Infinity, 2], 4);
    expect(h.nonFinite).toBe(2);
    expect(h.count).toBe(2);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('rejects a bin count that is not a positive integer', () => {
    expect(() => histogram([1], 0)).toThrow(/bins must be an integer ≥ 1, got 0/);
  });

  it('computes the L2 norm', () => {
    expect(l2Norm([3, 4])).toBe(5);
  });
});
