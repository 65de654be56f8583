/** Which plane a boundary request draws, fitted on the run's (normalized) training split, and how its axes are shown. */
import type { Dataset, Normalization } from '../../../core/datasets/dataset';
import { featurePlane, pcaPlane, type Plane } from '../../../core/projection/plane';
import { INSIGHT_LIMITS, type BoundaryPlane, type BoundaryResult } from '../../../shared/insight';
import type { AxisUnits } from './boundary';

export interface FittedPlane {
  plane: Plane;
  units: AxisUnits;
  info: BoundaryResult['plane'];
  names: [string, string];
}

/** Every k-th row of `data` (k = ⌈N / max⌉) so that at most `max` rows spread over the whole split: rows: n×D. */
export function sampleRows(data: Dataset, max: number): { rows: Float32Array; n: number } {
  if (data.n <= max) return { rows: data.x, n: data.n };
  const stride = Math.ceil(data.n / max);
  const n = Math.ceil(data.n / stride);
  const rows = new Float32Array(n * data.d);
  for (let i = 0; i < n; i++) rows.set(data.x.subarray(i * stride * data.d, (i * stride + 1) * data.d), i * data.d);
  return { rows, n };
}

/** The name of the feature weighing most in `direction` (by magnitude). */
function heaviest(direction: Float64Array, names: string[]): string {
  let best = 0;
  direction.forEach((w, j) => {
    if (Math.abs(w) > Math.abs(direction[best])) best = j;
  });
  return names[best] ?? `x${best + 1}`;
}

/** A PCA plane (fitted here or in the worker) with its axes shown as scores and named after their heaviest features. */
export function pcaFitted(featureNames: string[], fit: { plane: Plane; explained: [number, number] }): FittedPlane {
  return {
    plane: fit.plane,
    units: { scale: [1, 1], offset: [0, 0] },
    info: { kind: 'pca', explained: fit.explained },
    names: [heaviest(fit.plane.u, featureNames), heaviest(fit.plane.v, featureNames)],
  };
}

/**
 * A feature plane (the other features at their mean over the normalized training rows, which is 0 for z-score,
 * (mean − min)/(max − min) for min-max and the raw mean for none; axes in raw units, x = x'·scale + offset), or the
 * plane of the first two principal components of the normalized training rows (at most INSIGHT_LIMITS.pcaRows of them,
 * spread evenly over the split).
 */
export function boundaryPlane(train: Dataset, normalization: Normalization, choice?: BoundaryPlane): FittedPlane {
  const { d } = train;
  if (d < 2) throw new Error(`decision boundary: dataset "${train.name}" has ${d} feature; the boundary needs at least 2`);
  const chosen = choice ?? { kind: 'features', x: 0, y: 1 };
  if (chosen.kind === 'pca') {
    const { rows, n } = sampleRows(train, INSIGHT_LIMITS.pcaRows);
    return pcaFitted(train.featureNames, pcaPlane(rows, n, d));
  }
  const { x, y } = chosen;
  for (const f of [x, y]) {
    if (f >= d) throw new Error(`decision boundary: feature ${f + 1} was chosen but dataset "${train.name}" has ${d} features`);
  }
  if (x === y) throw new Error('decision boundary: choose two different features for the x and y axes');
  return {
    plane: featurePlane(train.x, train.n, d, x, y),
    units: {
      scale: [normalization.scale[x], normalization.scale[y]],
      offset: [normalization.offset[x], normalization.offset[y]],
    },
    info: { kind: 'features', x, y },
    names: [train.featureNames[x] ?? `x${x + 1}`, train.featureNames[y] ?? `x${y + 1}`],
  };
}
