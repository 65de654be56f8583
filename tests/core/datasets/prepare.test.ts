import { describe, expect, it } from 'vitest';
import { prepareSplits } from '../../../src/core/datasets/prepare';
import { applyNormalization } from '../../../src/core/datasets/normalize';
import type { Dataset } from '../../../src/core/datasets/dataset';

function dataset(n: number): Dataset {
  const x = Float32Array.from({ length: n * 2 }, (_, i) => (i % 2 === 0 ? i : 1000 + i * 3));
  return {
    name: 'toy',
    n,
    d: 2,
    x,
    featureNames: ['a', 'b'],
    target: { kind: 'classes', classNames: ['p', 'q'], y: Int32Array.from({ length: n }, (_, i) => i % 2) },
  };
}

describe('prepareSplits', () => {
  const options = { validation: 0.2, test: 0.2, normalize: 'zscore' as const, seed: 5, stratify: true };

  it('fits the normalization on the training split only', () => {
    const data = dataset(50);
    const p = prepareSplits(data, undefined, options);
    const raw = prepareSplits(data, undefined, { ...options, normalize: 'none' });
    const trainMean = raw.train.x.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0) / raw.train.n;
    const allMean = data.x.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0) / data.n;
    expect(p.normalization.offset[0]).toBeCloseTo(trainMean, 3);
    expect(p.normalization.offset[0]).not.toBeCloseTo(allMean, 3);
    expect([p.train.n, p.validation?.n, p.test?.n]).toEqual([30, 10, 10]);
  });

  it('does not modify the imported dataset', () => {
    const data = dataset(20);
    const before = Array.from(data.x);
    prepareSplits(data, undefined, options);
    expect(Array.from(data.x)).toEqual(before);
  });

  it('normalizes every split with the same parameters applyNormalization uses', () => {
    const data = dataset(30);
    const p = prepareSplits(data, undefined, { ...options, normalize: 'minmax' });
    const raw = prepareSplits(data, undefined, { ...options, normalize: 'none' });
    expect(Array.from(p.validation?.x ?? [])).toEqual(
      Array.from(applyNormalization(raw.validation?.x ?? new Float32Array(), 2, p.normalization)),
    );
  });

  it('uses a published test set as the test split and takes validation from the training data', () => {
    const p = prepareSplits(dataset(40), dataset(7), { ...options, normalize: 'none' });
    expect([p.train.n, p.validation?.n, p.test?.n]).toEqual([32, 8, 7]);
  });

  it('returns null for empty splits', () => {
    const p = prepareSplits(dataset(10), undefined, { ...options, validation: 0, test: 0 });
    expect([p.train.n, p.validation, p.test]).toEqual([10, null, null]);
  });
});
