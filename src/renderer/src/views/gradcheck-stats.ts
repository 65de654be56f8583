/** What the gradient-check view derives from a parameter's per-element errors: log-spaced histogram and worst elements. */
import type { ParamCheckResult } from '../../../shared/runs';

export interface LogHistogram {
  /** Bin k spans [10^(lo+k), 10^(lo+k+1)). */
  lo: number;
  counts: number[];
  /** Elements whose error is exactly 0 (no bin on a log scale). */
  zeros: number;
}

/** One bin per decade from the smallest to the largest non-zero finite value; zeros counted apart. */
export function logHistogram(values: ArrayLike<number>): LogHistogram {
  let lo = Infinity;
  let hi = -Infinity;
  let zeros = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === 0) zeros++;
    else if (Number.isFinite(v) && v > 0) {
      const e = Math.floor(Math.log10(v));
      lo = Math.min(lo, e);
      hi = Math.max(hi, e);
    }
  }
  if (lo > hi) return { lo: 0, counts: [], zeros };
  const counts = new Array<number>(hi - lo + 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v) && v > 0) counts[Math.min(hi, Math.floor(Math.log10(v))) - lo]++;
  }
  return { lo, counts, zeros };
}

export interface WorstElement {
  index: number;
  /** "[i, j]" for a matrix, "[i]" for a vector. */
  position: string;
  analytic: number;
  numeric: number;
  relError: number;
  absDiff: number;
  kink: boolean;
}

/** The `k` elements of `p` with the largest relative error, worst first (kinks included and marked). */
export function worstElements(p: ParamCheckResult, k: number): WorstElement[] {
  const kinks = new Set(p.kinkIndices);
  const order = Array.from(p.relError.keys()).sort((a, b) => p.relError[b] - p.relError[a]);
  const cols = p.shape.length === 2 ? p.shape[1] : 0;
  return order.slice(0, k).map((i) => ({
    index: i,
    position: cols ? `[${Math.floor(i / cols)}, ${i % cols}]` : `[${i}]`,
    analytic: p.analytic[i],
    numeric: p.numeric[i],
    relError: p.relError[i],
    absDiff: p.absDiff[i],
    kink: kinks.has(i),
  }));
}
