/**
 * A 2-D plane through the (normalized) feature space, for drawing a D-feature model in two dimensions:
 * point(a, b) = origin + a·u + b·v with u ⟂ v unit vectors, and a row's coordinates (a, b) = ((x − origin)·u, (x − origin)·v).
 */
import { columnMeans, fitPca } from './pca';

export interface Plane {
  /** D values: where (a, b) = (0, 0) lies. */
  origin: Float64Array;
  /** Unit D-vectors of the two axes, orthogonal. */
  u: Float64Array;
  v: Float64Array;
}

/**
 * The plane of features i and j, every other feature held at its mean over x: N×D: a = x_i and b = x_j
 * (origin 0 in columns i and j, the column mean elsewhere).
 */
export function featurePlane(x: ArrayLike<number>, n: number, d: number, i: number, j: number): Plane {
  for (const f of [i, j]) {
    if (!(Number.isInteger(f) && f >= 0 && f < d)) throw new Error(`featurePlane: feature ${f} is not one of the ${d} features`);
  }
  if (i === j) throw new Error(`featurePlane: the two features must differ, got ${i} twice`);
  const origin = columnMeans(x, n, d);
  origin[i] = 0;
  origin[j] = 0;
  const u = new Float64Array(d);
  const v = new Float64Array(d);
  u[i] = 1;
  v[j] = 1;
  return { origin, u, v };
}

/** The plane of the first two principal components of x: N×D (D ≥ 2), through the mean; also the share of variance each explains. */
export function pcaPlane(x: ArrayLike<number>, n: number, d: number): { plane: Plane; explained: [number, number] } {
  if (d < 2) throw new Error(`pcaPlane: a projection needs at least 2 features, got ${d}`);
  const pca = fitPca(x, n, d, 2);
  const share = (k: number) => (pca.totalVariance > 0 ? pca.variance[k] / pca.totalVariance : 0);
  return { plane: { origin: pca.mean, u: pca.components[0], v: pca.components[1] }, explained: [share(0), share(1)] };
}

/** A row's coordinates on the plane: row: D → (a, b). */
export function projectRow(plane: Plane, row: ArrayLike<number>): [number, number] {
  let a = 0;
  let b = 0;
  for (let j = 0; j < plane.origin.length; j++) {
    const e = row[j] - plane.origin[j];
    a += e * plane.u[j];
    b += e * plane.v[j];
  }
  return [a, b];
}

/** Write the feature vector of plane point (a, b) into out[offset … offset + D). */
export function liftPoint(plane: Plane, a: number, b: number, out: Float64Array, offset = 0): void {
  for (let j = 0; j < plane.origin.length; j++) out[offset + j] = plane.origin[j] + a * plane.u[j] + b * plane.v[j];
}
