/** Chart preparation: EMA smoothing, min–max downsampling, log-scale filtering, run colours. */
import { describe, expect, it } from 'vitest';
import { downsample, forScale, runColor, smooth, type Point } from '../../../src/renderer/src/lib/chart-data';

const line = (ys: number[]): Point[] => ys.map((y, x) => ({ x, y }));

describe('smooth', () => {
  it('returns the points unchanged for weight 0', () => {
    expect(smooth(line([3, 1, 2]), 0)).toEqual(line([3, 1, 2]));
  });

  it('is debiased: a constant series stays constant from the first point', () => {
    for (const p of smooth(line([5, 5, 5, 5]), 0.9)) expect(p.y).toBeCloseTo(5, 12);
  });

  it('computes the debiased EMA by hand for two points', () => {
    const [a, b] = smooth(line([1, 3]), 0.5);
    expect(a.y).toBeCloseTo(1, 12);
    // s1 = 0.5, s2 = 0.25 + 1.5 = 1.75, debiased by 1 - 0.25 → 7/3
    expect(b.y).toBeCloseTo(7 / 3, 12);
  });

  it('passes NaN through without poisoning later values', () => {
    const out = smooth(line([1, NaN, 1]), 0.5);
    expect(out[1].y).toBeNaN();
    expect(out[2].y).toBeCloseTo(1, 12);
  });

  it('rejects a weight outside [0, 1)', () => {
    expect(() => smooth([], 1)).toThrow(/\[0, 1\)/);
    expect(() => smooth([], -0.1)).toThrow(/got -0.1/);
  });
});

describe('downsample', () => {
  it('keeps short series as they are', () => {
    expect(downsample(line([1, 2, 3]), 10)).toEqual(line([1, 2, 3]));
  });

  it('keeps at most the budget, the first and last point, and x order', () => {
    const points = line(Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 50)));
    const out = downsample(points, 500);
    expect(out.length).toBeLessThanOrEqual(500);
    expect(out[0]).toEqual(points[0]);
    expect(out.at(-1)).toEqual(points.at(-1));
    for (let i = 1; i < out.length; i++) expect(out[i].x).toBeGreaterThan(out[i - 1].x);
  });

  it('keeps a single spike visible', () => {
    const ys = new Array<number>(5000).fill(0);
    ys[2345] = 100;
    expect(downsample(line(ys), 100).some((p) => p.y === 100)).toBe(true);
  });

  it('rejects a budget below 4', () => {
    expect(() => downsample([], 3)).toThrow(/≥ 4/);
  });
});

describe('forScale and runColor', () => {
  it('drops non-positive values on a log scale only', () => {
    expect(forScale(line([0, 1, -2, 3]), true).map((p) => p.y)).toEqual([1, 3]);
    expect(forScale(line([0, 1]), false)).toHaveLength(2);
  });

  it('gives neighbouring runs distinct colours', () => {
    const colours = new Set(Array.from({ length: 8 }, (_, i) => runColor(i)));
    expect(colours.size).toBe(8);
  });
});
