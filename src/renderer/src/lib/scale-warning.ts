/** The feature-scale rule: warn when the numeric features' ranges (max − min) differ by more than 100× and no normalization is chosen. */
import type { ColumnStats } from '../../../shared/datasets';

/** Ranges further apart than this (widest ÷ narrowest) make one learning rate unfit for some feature. */
export const SCALE_RATIO_LIMIT = 100;

/** The widest and the narrowest numeric feature, their ranges and the ratio between them. */
export interface ScaleSpread {
  wide: { name: string; range: number };
  narrow: { name: string; range: number };
  ratio: number;
}

/** The spread of the numeric feature columns' ranges; null with fewer than two non-constant numeric features (a constant column has no scale to compare). */
export function scaleSpread(columns: readonly ColumnStats[]): ScaleSpread | null {
  const ranges = columns
    .filter((c) => c.role === 'feature' && c.type === 'numeric' && c.min !== null && c.max !== null)
    .map((c) => ({ name: c.name, range: (c.max as number) - (c.min as number) }))
    .filter((c) => c.range > 0 && Number.isFinite(c.range));
  if (ranges.length < 2) return null;
  const wide = ranges.reduce((a, b) => (b.range > a.range ? b : a));
  const narrow = ranges.reduce((a, b) => (b.range < a.range ? b : a));
  return { wide, narrow, ratio: wide.range / narrow.range };
}

/** The spread to warn about, or null: only when the ratio passes SCALE_RATIO_LIMIT and normalization is 'none'. */
export function scaleWarning(columns: readonly ColumnStats[], normalize: 'none' | 'minmax' | 'zscore'): ScaleSpread | null {
  if (normalize !== 'none') return null;
  const spread = scaleSpread(columns);
  return spread && spread.ratio > SCALE_RATIO_LIMIT ? spread : null;
}
