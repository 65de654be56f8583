/** Statistics of one layer's activations: histogram, mean, standard deviation and the fractions the init experiment tests. */
import type { FloatArray } from '../matrix';

export interface ActivationStats {
  mean: number;
  std: number;
  /** Fraction below 0.1 or above 0.9 (a saturated sigmoid: its gradient vanishes). */
  saturated: number;
  /** Fraction within 0.5 ± 0.05 (every unit says the same thing). */
  nearHalf: number;
}

/** `bins` equal-width counts over [lo, hi) (values outside are not counted); returns the left edges and counts. */
export function histogram(values: FloatArray, bins: number, lo: number, hi: number): { edges: number[]; counts: number[] } {
  const counts = new Array<number>(bins).fill(0);
  const width = (hi - lo) / bins;
  for (const v of values) {
    if (!(v >= lo && v <= hi)) continue;
    counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  }
  return { edges: Array.from({ length: bins }, (_, i) => lo + i * width), counts };
}

/** Mean, population standard deviation and the saturation fractions of `values`. */
export function activationStats(values: FloatArray): ActivationStats {
  const n = values.length;
  let sum = 0;
  let saturated = 0;
  let nearHalf = 0;
  for (const v of values) {
    sum += v;
    if (v < 0.1 || v > 0.9) saturated++;
    if (Math.abs(v - 0.5) <= 0.05) nearHalf++;
  }
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  return { mean, std: Math.sqrt(squares / n), saturated: saturated / n, nearHalf: nearHalf / n };
}
