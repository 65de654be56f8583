import { describe, expect, it } from 'vitest';
import { LossCurve } from '../../../src/main/engine/loss-curve';

describe('LossCurve', () => {
  it('keeps one point per iteration until it is full', () => {
    const curve = new LossCurve(8);
    for (let i = 1; i <= 5; i++) curve.add(i, i * 10);
    expect(curve.all()).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
      [4, 40],
      [5, 50],
    ]);
    expect(curve.iterationsPerPoint).toBe(1);
  });

  it('merges neighbouring pairs into their mean when full, so it never exceeds the maximum', () => {
    const curve = new LossCurve(4);
    for (let i = 1; i <= 4; i++) curve.add(i, i);
    expect(curve.all()).toEqual([
      [2, 1.5],
      [4, 3.5],
    ]);
    expect(curve.iterationsPerPoint).toBe(2);
    for (let i = 5; i <= 1000; i++) curve.add(i, 1);
    expect(curve.all().length).toBeLessThan(4);
    expect(curve.all().at(-1)?.[0]).toBeLessThanOrEqual(1000);
  });

  it('averages new losses into buckets of the current stride', () => {
    const curve = new LossCurve(4);
    for (let i = 1; i <= 4; i++) curve.add(i, 0);
    curve.add(5, 2);
    expect(curve.all()).toHaveLength(2);
    curve.add(6, 4);
    expect(curve.all()).toEqual([
      [2, 0],
      [4, 0],
      [6, 3],
    ]);
  });

  it('returns only the new points from takeNew, or the whole series after a merge', () => {
    const curve = new LossCurve(4);
    curve.add(1, 1);
    curve.add(2, 2);
    expect(curve.takeNew()).toEqual({
      points: [
        [1, 1],
        [2, 2],
      ],
      reset: false,
    });
    curve.add(3, 3);
    expect(curve.takeNew()).toEqual({ points: [[3, 3]], reset: false });
    curve.add(4, 4);
    expect(curve.takeNew()).toEqual({
      points: [
        [2, 1.5],
        [4, 3.5],
      ],
      reset: true,
    });
    expect(curve.takeNew()).toEqual({ points: [], reset: false });
  });

  it('flush closes a partly filled bucket', () => {
    const curve = new LossCurve(4);
    for (let i = 1; i <= 5; i++) curve.add(i, i);
    curve.flush();
    expect(curve.all().at(-1)).toEqual([5, 5]);
  });

  it('rejects iterations that do not increase', () => {
    const curve = new LossCurve(4);
    curve.add(3, 1);
    expect(() => curve.add(3, 1)).toThrow(/iteration 3 does not follow 3/);
  });

  it('rejects an odd or tiny maximum', () => {
    expect(() => new LossCurve(3)).toThrow(/even integer/);
  });
});
