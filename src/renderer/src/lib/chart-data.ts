/** Pure helpers that turn run curves into chart series: EMA smoothing, downsampling to a point budget, log-scale filtering. */

export interface Point {
  x: number;
  y: number;
}

/**
 * Exponential moving average with TensorBoard's debiasing: s_i = w·s_{i-1} + (1−w)·y_i, divided by 1 − w^i.
 * `weight` in [0, 1): 0 returns the points unchanged. Non-finite values pass through and do not poison the average.
 */
export function smooth(points: readonly Point[], weight: number): Point[] {
  if (!(weight >= 0 && weight < 1)) throw new Error(`smoothing weight must be in [0, 1), got ${weight}`);
  if (weight === 0) return points.slice();
  let last = 0;
  let count = 0;
  return points.map(({ x, y }) => {
    if (!Number.isFinite(y)) return { x, y };
    count++;
    last = last * weight + (1 - weight) * y;
    return { x, y: last / (1 - weight ** count) };
  });
}

/**
 * Keep at most `budget` points (budget ≥ 4) by min–max decimation: each bucket keeps its lowest and highest point,
 * in x order, so spikes stay visible. The first and last points are always kept. N points → ≤ budget points.
 */
export function downsample(points: readonly Point[], budget: number): Point[] {
  if (!(Number.isInteger(budget) && budget >= 4)) throw new Error(`downsample budget must be an integer ≥ 4, got ${budget}`);
  if (points.length <= budget) return points.slice();
  const buckets = Math.floor((budget - 2) / 2);
  const inner = points.length - 2;
  const out: Point[] = [points[0]];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    let lo = start;
    let hi = start;
    for (let i = start; i < end; i++) {
      if (points[i].y < points[lo].y) lo = i;
      if (points[i].y > points[hi].y) hi = i;
    }
    if (lo === hi) out.push(points[lo]);
    else out.push(points[Math.min(lo, hi)], points[Math.max(lo, hi)]);
  }
  out.push(points[points.length - 1]);
  return out;
}

/** A log axis cannot show y ≤ 0: drop those points when `logScale` is on. */
export function forScale(points: readonly Point[], logScale: boolean): Point[] {
  return logScale ? points.filter((p) => p.y > 0) : points.slice();
}

/** A distinct, colour-blind-friendly colour per run (Okabe–Ito / Tableau), cycling after eight. */
const PALETTE = ['#2f6fdb', '#e07b00', '#1b9e77', '#c2185b', '#7b5cd6', '#8c6d31', '#00a3b4', '#6b7280'];

export function runColor(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length];
}
