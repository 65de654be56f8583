/** The feature-scale rule: numeric feature ranges more than 100× apart warn while normalization is None, and only then. */
import { describe, expect, it } from 'vitest';
import { scaleSpread, scaleWarning } from '../../../src/renderer/src/lib/scale-warning';
import type { ColumnStats } from '../../../src/shared/datasets';

function column(name: string, min: number | null, max: number | null, extra: Partial<ColumnStats> = {}): ColumnStats {
  return {
    name,
    index: 0,
    type: 'numeric',
    role: 'feature',
    min,
    max,
    mean: null,
    std: null,
    missing: 0,
    distinct: 2,
    distinctCapped: false,
    ...extra,
  };
}

/** Wine-like: proline spans ~1400, hue ~1.2. */
const wine = [column('alcohol', 11, 14.8), column('hue', 0.48, 1.71), column('proline', 278, 1680)];

describe('scaleWarning', () => {
  it('warns about wine-like ranges with normalization None, naming the widest and narrowest feature', () => {
    const spread = scaleWarning(wine, 'none');
    expect(spread?.wide.name).toBe('proline');
    expect(spread?.narrow.name).toBe('hue');
    expect(spread?.ratio).toBeCloseTo(1402 / 1.23, 6);
  });

  it.each(['zscore', 'minmax'] as const)('is silent once normalization is %s', (normalize) => {
    expect(scaleWarning(wine, normalize)).toBeNull();
  });

  it('is silent at exactly 100× and warns just above it', () => {
    expect(scaleWarning([column('a', 0, 1), column('b', 0, 100)], 'none')).toBeNull();
    expect(scaleWarning([column('a', 0, 1), column('b', 0, 100.5)], 'none')?.ratio).toBeCloseTo(100.5);
  });

  it('ignores labels, text and ignored columns, and constant or empty columns', () => {
    const columns = [
      column('x', 0, 1),
      column('label', 0, 1e6, { role: 'label' }),
      column('id', 0, 1e6, { role: 'ignored' }),
      column('city', null, null, { type: 'text' }),
      column('constant', 5, 5),
      column('empty', null, null),
    ];
    expect(scaleSpread(columns)).toBeNull();
    expect(scaleWarning([...columns, column('y', -500, 500)], 'none')?.wide.name).toBe('y');
  });
});
