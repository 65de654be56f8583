/** Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations (for the Rayleigh–Ritz step of PCA). */

/** Sweeps before giving up (a p×p matrix needs about 6–10). */
const MAX_SWEEPS = 60;

/**
 * a: p×p symmetric, row-major (not modified) → the eigenvalues, by decreasing value, and the matching unit
 * eigenvectors (vectors[c] is the eigenvector of values[c]).
 */
export function symmetricEigen(a: ArrayLike<number>, p: number): { values: number[]; vectors: Float64Array[] } {
  if (a.length !== p * p) throw new Error(`symmetricEigen: a has ${a.length} values, expected p×p = ${p}×${p}`);
  const m = Float64Array.from(a);
  /** Columns of v hold the eigenvectors (row-major p×p, starts as the identity). */
  const v = new Float64Array(p * p);
  for (let i = 0; i < p; i++) v[i * p + i] = 1;
  const total = m.reduce((s, x) => s + x * x, 0);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) off += m[i * p + j] ** 2;
    if (off <= 1e-30 * total || off === 0) break;
    for (let i = 0; i < p; i++)
      for (let j = i + 1; j < p; j++) {
        const aij = m[i * p + j];
        if (aij === 0) continue;
        const theta = (m[j * p + j] - m[i * p + i]) / (2 * aij);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < p; k++) {
          const mki = m[k * p + i];
          const mkj = m[k * p + j];
          m[k * p + i] = c * mki - s * mkj;
          m[k * p + j] = s * mki + c * mkj;
        }
        for (let k = 0; k < p; k++) {
          const mik = m[i * p + k];
          const mjk = m[j * p + k];
          m[i * p + k] = c * mik - s * mjk;
          m[j * p + k] = s * mik + c * mjk;
        }
        for (let k = 0; k < p; k++) {
          const vki = v[k * p + i];
          const vkj = v[k * p + j];
          v[k * p + i] = c * vki - s * vkj;
          v[k * p + j] = s * vki + c * vkj;
        }
      }
  }
  const order = Array.from({ length: p }, (_, i) => i).sort((x, y) => m[y * p + y] - m[x * p + x]);
  return {
    values: order.map((c) => m[c * p + c]),
    vectors: order.map((c) => Float64Array.from({ length: p }, (_, k) => v[k * p + c])),
  };
}
