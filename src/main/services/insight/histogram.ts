/** Summary statistics and a linear-binned histogram of a set of values (what the insight views draw). */
import type { Histogram } from '../../../shared/insight';

/**
 * values (any length) → Histogram with `bins` equal-width bins over [min, max] of the finite values.
 * Non-finite values are counted in `nonFinite` only. All values equal: every count falls in the middle bin.
 */
export function histogram(values: ArrayLike<number>, bins = 24): Histogram {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`histogram: bins must be an integer ≥ 1, got ${bins}`);
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let nonFinite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      nonFinite++;
      continue;
    }
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const counts = new Array<number>(bins).fill(0);
  if (count === 0) return { count, min: 0, max: 0, mean: 0, std: 0, counts, nonFinite };
  const mean = sum / count;
  let squares = 0;
  const width = (max - min) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    squares += (v - mean) ** 2;
    const bin = width === 0 ? Math.floor(bins / 2) : Math.min(bins - 1, Math.floor((v - min) / width));
    counts[bin]++;
  }
  return { count, min, max, mean, std: Math.sqrt(squares / count), counts, nonFinite };
}

/** The L2 norm √Σv² of the values. */
export function l2Norm(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
  return Math.sqrt(sum);
}
