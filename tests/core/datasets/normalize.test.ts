import { describe, expect, it } from 'vitest';
import { applyNormalization, fitNormalization } from '../../../src/core/datasets/normalize';

// 3 rows × 2 columns; column 1 is constant.
const x = Float32Array.from([1, 5, 2, 5, 3, 5]);

describe('fitNormalization', () => {
  it('min-max: offset min, scale max − min, 1 for a constant column', () => {
    expect(fitNormalization(x, 3, 2, 'minmax')).toEqual({ kind: 'minmax', offset: [1, 5], scale: [2, 1] });
  });

  it('z-score: offset mean, scale population std, 1 for a constant column', () => {
    const n = fitNormalization(x, 3, 2, 'zscore');
    expect(n.offset).toEqual([2, 5]);
    expect(n.scale[0]).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(n.scale[1]).toBe(1);
  });

  it('none: offset 0 and scale 1 per column', () => {
    expect(fitNormalization(x, 3, 2, 'none')).toEqual({ kind: 'none', offset: [0, 0], scale: [1, 1] });
  });

  it('rejects x whose length is not n×d', () => {
    expect(() => fitNormalization(x, 4, 2, 'minmax')).toThrow(/expected n×d = 4×2/);
  });
});

describe('applyNormalization', () => {
  it('returns a new array (x − offset) / scale and leaves x untouched', () => {
    const norm = fitNormalization(x, 3, 2, 'minmax');
    const out = applyNormalization(x, 2, norm);
    expect(Array.from(out)).toEqual([0, 0, 0.5, 0, 1, 0]);
    expect(Array.from(x)).toEqual([1, 5, 2, 5, 3, 5]);
    expect(out).not.toBe(x);
  });

  it('z-scored training columns have mean 0 and std 1', () => {
    const data = Float32Array.from([3, 7, 1, 9, 4, 2, 8, 6]);
    const out = applyNormalization(data, 1, fitNormalization(data, 8, 1, 'zscore'));
    const mean = out.reduce((a, b) => a + b, 0) / 8;
    const std = Math.sqrt(out.reduce((a, b) => a + (b - mean) ** 2, 0) / 8);
    expect(mean).toBeCloseTo(0, 6);
    expect(std).toBeCloseTo(1, 6);
  });

  it('rejects a normalization of another width, naming both widths', () => {
    expect(() => applyNormalization(x, 2, { kind: 'zscore', offset: [0], scale: [1] })).toThrow(
      /1 offsets and 1 scales, expected 2/,
    );
  });

  it('rejects a zero or non-finite scale', () => {
    expect(() => applyNormalization(x, 2, { kind: 'zscore', offset: [0, 0], scale: [1, 0] })).toThrow(/scale\[1\] = 0/);
  });
});
