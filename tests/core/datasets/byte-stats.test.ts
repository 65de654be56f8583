import { describe, expect, it } from 'vitest';
import { byteColumnStats } from '../../../src/core/datasets/byte-stats';
import { ColumnAccumulator } from '../../../src/core/datasets/stats';

describe('byteColumnStats', () => {
  it('matches the streaming accumulator on the scaled values', () => {
    const n = 50;
    const d = 3;
    const data = Uint8Array.from({ length: n * d }, (_, i) => (i * 37 + (i >> 3)) % 256);
    const stats = byteColumnStats(data, n, d, ['a', 'b', 'c'], 1 / 255);
    for (let j = 0; j < d; j++) {
      const acc = new ColumnAccumulator('x', j, 'numeric', 'feature');
      for (let i = 0; i < n; i++) acc.addNumber(data[i * d + j] / 255);
      const want = acc.result();
      expect(stats[j].min).toBeCloseTo(want.min ?? NaN, 12);
      expect(stats[j].max).toBeCloseTo(want.max ?? NaN, 12);
      expect(stats[j].mean).toBeCloseTo(want.mean ?? NaN, 12);
      expect(stats[j].std).toBeCloseTo(want.std ?? NaN, 12);
      expect(stats[j].distinct).toBe(want.distinct);
    }
  });

  it('rejects data shorter than n×d', () => {
    expect(() => byteColumnStats(new Uint8Array(5), 2, 3, ['a', 'b', 'c'], 1)).toThrow(
      'byteColumnStats: 5 bytes, expected n×d = 2×3',
    );
  });
});
