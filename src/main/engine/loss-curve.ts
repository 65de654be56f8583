/** A bounded per-iteration loss curve: averages losses into buckets and merges neighbouring pairs when full, so a long run stays small. */

import type { LossPoint } from '../../shared/runs';

/** What changed since the last `takeNew()`: new points to append, or (`reset`) the whole series to redraw. */
export interface LossCurveDelta {
  points: LossPoint[];
  reset: boolean;
}

export class LossCurve {
  /** Completed points, at most `maxPoints`. */
  private points: LossPoint[] = [];
  /** Iterations averaged per point; doubles at each merge. */
  private stride = 1;
  /** The bucket being filled: sum of losses and count, last iteration. */
  private bucketSum = 0;
  private bucketCount = 0;
  private bucketLast = 0;
  /** Index of the first point not yet returned by takeNew; -1 after a merge (everything is new). */
  private sentUpTo = 0;

  constructor(private readonly maxPoints = 2000) {
    if (!Number.isInteger(maxPoints) || maxPoints < 2 || maxPoints % 2 !== 0) {
      throw new Error(`LossCurve: maxPoints must be an even integer ≥ 2, got ${maxPoints}`);
    }
  }

  /** Add the loss of one iteration (iterations must increase). */
  add(iteration: number, loss: number): void {
    if (this.bucketCount > 0 ? iteration <= this.bucketLast : iteration <= this.lastIteration()) {
      throw new Error(`LossCurve.add: iteration ${iteration} does not follow ${Math.max(this.bucketLast, this.lastIteration())}`);
    }
    this.bucketSum += loss;
    this.bucketCount += 1;
    this.bucketLast = iteration;
    if (this.bucketCount === this.stride) this.closeBucket();
  }

  /** Close a partly filled bucket (at the end of a run) so its losses appear on the curve. */
  flush(): void {
    if (this.bucketCount > 0) this.closeBucket();
  }

  /** The points added since the previous call (or the whole series when it was merged meanwhile). */
  takeNew(): LossCurveDelta {
    const reset = this.sentUpTo < 0;
    const from = reset ? 0 : this.sentUpTo;
    this.sentUpTo = this.points.length;
    return { points: this.points.slice(from), reset };
  }

  /** A copy of the whole series. */
  all(): LossPoint[] {
    return this.points.map((p): LossPoint => [p[0], p[1]]);
  }

  /** Iterations averaged into each point. */
  get iterationsPerPoint(): number {
    return this.stride;
  }

  private lastIteration(): number {
    return this.points.length > 0 ? this.points[this.points.length - 1][0] : 0;
  }

  private closeBucket(): void {
    this.points.push([this.bucketLast, this.bucketSum / this.bucketCount]);
    this.bucketSum = 0;
    this.bucketCount = 0;
    if (this.points.length >= this.maxPoints) this.mergePairs();
  }

  /** Halve the series: each pair becomes one point at the later iteration with the mean loss. */
  private mergePairs(): void {
    const merged: LossPoint[] = [];
    for (let i = 0; i + 1 < this.points.length; i += 2) {
      merged.push([this.points[i + 1][0], (this.points[i][1] + this.points[i + 1][1]) / 2]);
    }
    this.points = merged;
    this.stride *= 2;
    this.sentUpTo = -1;
  }
}
