/** Principal component analysis of N×D rows: the column means and the top-k principal directions (subspace iteration with Rayleigh–Ritz). */
import { symmetricEigen } from './symmetric-eigen';

export interface Pca {
  /** D column means of the rows the components were fitted on. */
  mean: Float64Array;
  /** k unit D-vectors, by decreasing variance; each one's largest-magnitude element is positive (a fixed sign). */
  components: Float64Array[];
  /** The variance along each component (population: divided by N). */
  variance: number[];
  /** The total variance (trace of the covariance), so that variance[i] / totalVariance is the share explained. */
  totalVariance: number;
}

/** Vectors iterated beyond the k wanted (the Ritz step's margin). */
const EXTRA_VECTORS = 8;
/** Iterations before giving up on convergence (the subspace is then the best found, never an error). */
const MAX_ITERATIONS = 2000;
/** Converged when no element of any direction moved by more than this between two iterations (up to sign). */
const TOLERANCE = 1e-10;

/** Column means of x: N×D → D. */
export function columnMeans(x: ArrayLike<number>, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j];
  for (let j = 0; j < d; j++) mean[j] = n > 0 ? mean[j] / n : 0;
  return mean;
}

/**
 * C·v for each v of `vs`, C = (1/N)·Σ (xᵢ − μ)(xᵢ − μ)ᵀ, computed through the centred rows (never forming the D×D
 * matrix), all vectors per row so that each row is read once.
 */
function covarianceTimes(centred: Float64Array, n: number, d: number, vs: Float64Array[]): Float64Array[] {
  const out = vs.map(() => new Float64Array(d));
  const s = new Float64Array(vs.length);
  for (let i = 0; i < n; i++) {
    const row = centred.subarray(i * d, (i + 1) * d);
    for (let a = 0; a < vs.length; a++) {
      const v = vs[a];
      let sum = 0;
      for (let j = 0; j < d; j++) sum += row[j] * v[j];
      s[a] = sum / n;
    }
    for (let a = 0; a < vs.length; a++) {
      const o = out[a];
      const w = s[a];
      for (let j = 0; j < d; j++) o[j] += row[j] * w;
    }
  }
  return out;
}

const dot = (a: Float64Array, b: Float64Array): number => a.reduce((s, v, j) => s + v * b[j], 0);

/** The largest element-wise difference between unit vectors a and ±b (the sign that brings them closer). */
function maxChange(a: Float64Array, b: Float64Array): number {
  const s = dot(a, b) < 0 ? -1 : 1;
  return a.reduce((m, v, j) => Math.max(m, Math.abs(v - s * b[j])), 0);
}

/** Remove from v its parts along the unit vectors `basis`; returns the norm of what is left. */
function reject(v: Float64Array, basis: Float64Array[]): number {
  for (const b of basis) {
    const p = dot(v, b);
    for (let j = 0; j < v.length; j++) v[j] -= p * b[j];
  }
  return Math.sqrt(dot(v, v));
}

/** Gram–Schmidt: make `vs` orthonormal in place (a vector that vanishes is replaced by a unit axis outside the others' span). */
function orthonormalize(vs: Float64Array[]): void {
  vs.forEach((v, k) => {
    const before = Math.sqrt(dot(v, v));
    let norm = reject(v, vs.slice(0, k));
    // What is left of v is rounding noise (v lay in the others' span): use an axis instead.
    for (let axis = 0; !(norm > 1e-9 * before) && axis < v.length; axis++) {
      v.fill(0);
      v[axis] = 1;
      norm = reject(v, vs.slice(0, k));
    }
    for (let j = 0; j < v.length; j++) v[j] /= norm;
  });
}

/**
 * Fit the top `k` principal components of x: N×D (k ≤ D) by subspace iteration on the covariance (never formed).
 * Deterministic: the start vectors are fixed and each component's sign is normalized.
 */
export function fitPca(x: ArrayLike<number>, n: number, d: number, k: number): Pca {
  if (!(Number.isInteger(k) && k >= 1 && k <= d)) throw new Error(`fitPca: k must be an integer in 1..${d} (D), got ${k}`);
  if (x.length !== n * d) throw new Error(`fitPca: x has ${x.length} values, expected n×d = ${n}×${d}`);
  if (n < 1) throw new Error('fitPca: no rows to fit the components on');
  const mean = columnMeans(x, n, d);
  const centred = new Float64Array(n * d);
  let totalVariance = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) {
      const e = x[i * d + j] - mean[j];
      centred[i * d + j] = e;
      totalVariance += (e * e) / n;
    }
  // Subspace iteration on p > k vectors with a Rayleigh–Ritz step: the top k converge like (λ_{p+1}/λ_k)^iterations,
  // not (λ_{k+1}/λ_k)^iterations, which matters when the k-th and next variances are close (image data).
  const p = Math.min(d, k + EXTRA_VECTORS);
  // Fixed, generic start vectors (not aligned with any axis, so none starts orthogonal to a principal direction by design).
  let basis: Float64Array[] = Array.from({ length: p }, (_, m) =>
    Float64Array.from({ length: d }, (_, j) => Math.cos(1 + 0.7 * j + 1.3 * m * (j + 1))),
  );
  orthonormalize(basis);
  let vs: Float64Array[] = [];
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    const images = covarianceTimes(centred, n, d, basis);
    const h = new Float64Array(p * p);
    for (let a = 0; a < p; a++)
      for (let b = 0; b < p; b++) h[a * p + b] = (dot(basis[a], images[b]) + dot(basis[b], images[a])) / 2;
    const { vectors } = symmetricEigen(h, p);
    const combine = (from: Float64Array[], q: Float64Array) => {
      const out = new Float64Array(d);
      q.forEach((w, a) => {
        for (let j = 0; j < d; j++) out[j] += w * from[a][j];
      });
      return out;
    };
    const ritz = vectors.map((q) => combine(basis, q));
    const moved = it === 0 ? Infinity : Math.max(...ritz.slice(0, k).map((v, m) => maxChange(v, vs[m])));
    vs = ritz.slice(0, k);
    if (moved < TOLERANCE) break;
    basis = vectors.map((q) => combine(images, q));
    orthonormalize(basis);
  }
  for (const v of vs) {
    let big = 0;
    for (let j = 0; j < d; j++) if (Math.abs(v[j]) > Math.abs(v[big]) + 1e-12) big = j;
    if (v[big] < 0) for (let j = 0; j < d; j++) v[j] = -v[j];
  }
  const variance = covarianceTimes(centred, n, d, vs).map((cv, m) => dot(vs[m], cv));
  return { mean, components: vs, variance, totalVariance };
}
