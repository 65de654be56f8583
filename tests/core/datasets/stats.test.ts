import { describe, expect, it } from 'vitest';
import { ColumnAccumulator, DISTINCT_CAP, classBalance, datasetColumnStats } from '../../../src/core/datasets/stats';
import type { Dataset } from '../../../src/core/datasets/dataset';

describe('ColumnAccumulator', () => {
  it('gives min, max, mean, population std and distinct of a numeric column', () => {
    const acc = new ColumnAccumulator('a', 0, 'numeric', 'feature');
    [2, 4, 4, 4, 5, 5, 7, 9, -1.5].forEach((v) => acc.addNumber(v));
    const s = acc.result();
    const values = [2, 4, 4, 4, 5, 5, 7, 9, -1.5];
    const mean = values.reduce((a, b) => a + b) / values.length;
    const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect([s.min, s.max, s.distinct]).toEqual([-1.5, 9, 6]);
    expect(s.mean).toBeCloseTo(mean, 12);
    expect(s.std).toBeCloseTo(std, 12);
  });

  it('caps the distinct count and says so', () => {
    const acc = new ColumnAccumulator('a', 0, 'numeric', 'feature');
    for (let i = 0; i < DISTINCT_CAP + 10; i++) acc.addNumber(i * 0.5);
    expect(acc.result()).toMatchObject({ distinct: DISTINCT_CAP, distinctCapped: true });
  });

  it('counts distinct text values and has no numeric statistics for text', () => {
    const acc = new ColumnAccumulator('c', 2, 'text', 'label');
    ['x', 'y', 'x'].forEach((v) => acc.addText(v));
    expect(acc.result()).toMatchObject({ distinct: 2, min: null, mean: null, std: null, type: 'text', role: 'label' });
  });
});

describe('datasetColumnStats and classBalance', () => {
  const data: Dataset = {
    name: 'd',
    n: 4,
    d: 2,
    x: Float32Array.from([0, 1, 0, 3, 2, 1, 2, 3]),
    featureNames: ['a', 'b'],
    target: { kind: 'classes', classNames: ['p', 'q'], y: Int32Array.from([0, 1, 1, 1]) },
  };

  it('summarises every feature column of a dataset', () => {
    expect(datasetColumnStats(data).map((s) => [s.name, s.min, s.max, s.mean])).toEqual([
      ['a', 0, 2, 1],
      ['b', 1, 3, 2],
    ]);
  });

  it('counts rows per class with fractions', () => {
    expect(classBalance(data.target)).toEqual([
      { className: 'p', count: 1, fraction: 0.25 },
      { className: 'q', count: 3, fraction: 0.75 },
    ]);
  });

  it('has no class balance for a regression target', () => {
    expect(classBalance({ kind: 'regression', names: ['t'], y: new Float32Array(2) })).toEqual([]);
  });
});
