/** Per-parameter summary of a gradient check: differences, relative errors, worst element, kinks and pass/fail. */

export interface ParamCheck {
  name: string;
  shape: number[];
  /** Largest |analytic − numeric| over all elements. */
  maxAbs: number;
  /** Mean |analytic − numeric| over all elements (the book's figure). */
  meanAbs: number;
  /** Largest relative error over the elements that are not kinks. */
  maxRel: number;
  /** Index of the element with that relative error (−1 when every element is a kink). */
  worstIndex: number;
  pass: boolean;
  /** Elements whose ±h perturbation moved some ReLU input across 0: reported, never failures. */
  kinkCount: number;
  analytic: Float64Array;
  numeric: Float64Array;
  absDiff: Float64Array;
  /** |a − n| / max(|a|, |n|, 1e-12) per element. */
  relError: Float64Array;
  kink: Uint8Array;
}

/**
 * Summarise one parameter. An element fails when it is not a kink, its relative error exceeds `maxRelThreshold`
 * AND its absolute difference exceeds `meanAbsThreshold` (tiny gradients have meaningless relative errors);
 * the parameter passes when no element fails and the mean absolute difference over its non-kink elements is
 * ≤ `meanAbsThreshold` (the reported meanAbs, the book's figure, averages over every element).
 */
export function summarise(
  name: string,
  shape: number[],
  analytic: Float64Array,
  numeric: Float64Array,
  kink: Uint8Array,
  maxRelThreshold: number,
  meanAbsThreshold: number,
): ParamCheck {
  const n = analytic.length;
  const absDiff = new Float64Array(n);
  const relError = new Float64Array(n);
  let maxAbs = 0;
  let sumAbs = 0;
  let sumAbsSmooth = 0;
  let maxRel = 0;
  let worstIndex = -1;
  let failed = false;
  let kinkCount = 0;
  for (let i = 0; i < n; i++) {
    const a = analytic[i];
    const m = numeric[i];
    const d = Math.abs(a - m);
    const r = d / Math.max(Math.abs(a), Math.abs(m), 1e-12);
    absDiff[i] = d;
    relError[i] = r;
    sumAbs += d;
    if (!(d <= maxAbs)) maxAbs = d;
    if (kink[i]) {
      kinkCount++;
      continue;
    }
    sumAbsSmooth += d;
    if (worstIndex < 0 || !(r <= maxRel)) {
      maxRel = r;
      worstIndex = i;
    }
    if (!(r <= maxRelThreshold) && !(d <= meanAbsThreshold)) failed = true;
  }
  const meanAbs = n === 0 ? 0 : sumAbs / n;
  const smooth = n - kinkCount;
  const pass = !failed && (smooth === 0 ? 0 : sumAbsSmooth / smooth) <= meanAbsThreshold;
  return {
    name,
    shape: [...shape],
    maxAbs,
    meanAbs,
    maxRel,
    worstIndex,
    pass,
    kinkCount,
    analytic,
    numeric,
    absDiff,
    relError,
    kink,
  };
}
