/** The plain TypeScript kernels: the reference every faster backend is tested against. */
import type { ActivationKind, FloatArray, Kernels } from './kernels';
import { activationBackward, activationForward } from './reference-activations';

/** C (m×n) = op(A)·op(B) with plain loops, rows of C updated in i-k-j order for contiguous inner loops. */
function gemm(
  a: FloatArray,
  b: FloatArray,
  c: FloatArray,
  m: number,
  n: number,
  k: number,
  transA: boolean,
  transB: boolean,
  accumulate: boolean,
): void {
  if (!accumulate) c.fill(0, 0, m * n);
  if (!transB) {
    // B is k×n: for each (i, p), C[i, :] += op(A)[i, p] · B[p, :]
    for (let i = 0; i < m; i++) {
      const ci = i * n;
      for (let p = 0; p < k; p++) {
        const aip = transA ? a[p * m + i] : a[i * k + p];
        const bp = p * n;
        for (let j = 0; j < n; j++) c[ci + j] += aip * b[bp + j];
      }
    }
    return;
  }
  // B stored n×k: C[i, j] = Σ_p op(A)[i, p] · B[j, p], a dot product of two contiguous rows when A is not transposed
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let j = 0; j < n; j++) {
      const bj = j * k;
      let s = 0;
      if (transA) {
        for (let p = 0; p < k; p++) s += a[p * m + i] * b[bj + p];
      } else {
        const ai = i * k;
        for (let p = 0; p < k; p++) s += a[ai + p] * b[bj + p];
      }
      c[ci + j] += s;
    }
  }
}

function addRowVector(x: FloatArray, v: FloatArray, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) x[o + j] += v[j];
  }
}

function sumRows(x: FloatArray, out: FloatArray, rows: number, cols: number): void {
  out.fill(0, 0, cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) out[j] += x[o + j];
  }
}

/** x·0 is NaN exactly for NaN and ±Infinity, and NaN survives the sum. */
function hasNonFinite(x: FloatArray): boolean {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] * 0;
  return sum !== sum;
}

function scaleAdd(y: FloatArray, a: number, x: FloatArray, b: number): boolean {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    y[i] = a * y[i] + b * x[i];
    sum += y[i] * 0;
  }
  return sum !== sum;
}

/** Two scaleAdd passes in one loop: g[i] is stored (rounded to its dtype) before w[i] reads it back. */
function reduceSgdStep(w: FloatArray, g: FloatArray, a: number, x: FloatArray, b: number, lr: number): boolean {
  let sum = 0;
  for (let i = 0; i < w.length; i++) {
    g[i] = a * g[i] + b * x[i];
    w[i] = 1 * w[i] + -lr * g[i];
    sum += w[i] * 0;
  }
  return sum !== sum;
}

function momentumStep(w: FloatArray, dW: FloatArray, v: Float64Array, momentum: number, lr: number): void {
  for (let i = 0; i < v.length; i++) {
    v[i] = momentum * v[i] - lr * dW[i];
    w[i] += v[i];
  }
}

function adamStep(
  w: FloatArray,
  dW: FloatArray,
  m: Float64Array,
  v: Float64Array,
  beta1: number,
  beta2: number,
  lrT: number,
): void {
  for (let i = 0; i < m.length; i++) {
    const g = dW[i];
    m[i] += (1 - beta1) * (g - m[i]);
    v[i] += (1 - beta2) * (g * g - v[i]);
    w[i] -= (lrT * m[i]) / (Math.sqrt(v[i]) + 1e-7);
  }
}

function nesterovStep(w: FloatArray, dW: FloatArray, v: Float64Array, momentum: number, lr: number): void {
  const m = momentum;
  for (let i = 0; i < v.length; i++) {
    v[i] = m * v[i] - lr * dW[i];
    w[i] += m * m * v[i] - (1 + m) * lr * dW[i];
  }
}

function adaptiveStep(w: FloatArray, dW: FloatArray, h: Float64Array, decayRate: number | null, lr: number): void {
  for (let i = 0; i < h.length; i++) {
    const g = dW[i];
    if (decayRate === null) h[i] += g * g;
    else h[i] = decayRate * h[i] + (1 - decayRate) * g * g;
    w[i] -= (lr * g) / (Math.sqrt(h[i]) + 1e-7);
  }
}

function allocate(dtype: 'float32', length: number): Float32Array;
function allocate(dtype: 'float64', length: number): Float64Array;
function allocate(dtype: 'float32' | 'float64', length: number): FloatArray;
function allocate(dtype: 'float32' | 'float64', length: number): FloatArray {
  return dtype === 'float64' ? new Float64Array(length) : new Float32Array(length);
}

// Softmax with cross-entropy, fused (issue 18 point 3).

/** Row i of x → y (softmax); returns Σ exp(x − max) and max, in f64 (the unrounded sum, as logsumexp needs). */
function softmaxRow(x: FloatArray, y: FloatArray, o: number, cols: number): { max: number; sum: number } {
  let max = -Infinity;
  for (let j = 0; j < cols; j++) if (x[o + j] > max) max = x[o + j];
  let sum = 0;
  for (let j = 0; j < cols; j++) {
    const e = Math.exp(x[o + j] - max);
    y[o + j] = e;
    sum += e;
  }
  for (let j = 0; j < cols; j++) y[o + j] /= sum;
  return { max, sum };
}

/** Softmax, cross-entropy (x_j − lse, never log 0) and dx = scale·(y − t) per row; dx is y − t rounded, then scaled. */
function softmaxCrossEntropy(
  x: FloatArray,
  y: FloatArray,
  rows: number,
  cols: number,
  t: Int32Array | FloatArray | null,
  dx: FloatArray | null,
  scale: number,
): number {
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    const { max, sum } = softmaxRow(x, y, o, cols);
    if (t === null) continue;
    const lse = max + Math.log(sum);
    if (t instanceof Int32Array) {
      total += lse - x[o + t[i]];
      if (!dx) continue;
      for (let j = 0; j < cols; j++) dx[o + j] = y[o + j];
      dx[o + t[i]] -= 1;
      for (let j = 0; j < cols; j++) dx[o + j] *= scale;
      continue;
    }
    for (let j = 0; j < cols; j++) {
      const tj = t[o + j];
      if (tj !== 0) total += tj * (lse - x[o + j]);
      if (!dx) continue;
      dx[o + j] = y[o + j] - tj;
      dx[o + j] *= scale;
    }
  }
  return total;
}

// The batch gather (issue 18 point 3).

/** No faster place to keep rows: gatherRows reads the training set where it is. */
function holdRows(): FloatArray | null {
  return null;
}

/** One TypedArray.set per row (converting when src and dst differ in dtype). */
function gatherRows(src: FloatArray, d: number, order: Int32Array, count: number, dst: FloatArray): void {
  for (let k = 0; k < count; k++) {
    const row = order[k];
    dst.set(src.subarray(row * d, row * d + d), k * d);
  }
}

/** The reference backend: plain loops on ordinary typed arrays. */
export const referenceKernels: Kernels = {
  name: 'reference',
  allocate,
  gemm,
  addRowVector,
  sumRows,
  hasNonFinite,
  scaleAdd,
  reduceSgdStep,
  momentumStep,
  adamStep,
  nesterovStep,
  adaptiveStep,
  softmaxCrossEntropy,
  holdRows,
  gatherRows,

  activationForward,
  activationBackward,
  biasActivationForward,
  activationBackwardSumRows,
};

// Activations and the fused Affine epilogues (issue 18 point 3): the loops are in reference-activations.ts; the fused
// forms are, by definition, the unfused steps one after the other.

function biasActivationForward(
  kind: ActivationKind,
  z: FloatArray,
  b: FloatArray,
  y: FloatArray,
  rows: number,
  cols: number,
): void {
  addRowVector(z, b, rows, cols);
  activationForward(kind, z.length === rows * cols ? z : z.subarray(0, rows * cols), y);
}

function activationBackwardSumRows(
  kind: ActivationKind,
  dout: FloatArray,
  z: FloatArray,
  y: FloatArray,
  dz: FloatArray,
  db: FloatArray,
  rows: number,
  cols: number,
): void {
  activationBackward(kind, dout.length === rows * cols ? dout : dout.subarray(0, rows * cols), z, y, dz);
  sumRows(dz, db, rows, cols);
}
