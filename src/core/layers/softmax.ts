/** Row-wise softmax and log-sum-exp, max-subtracted so that large scores never overflow. */
import type { Matrix } from '../matrix';

/** log Σ_j exp(x[i, j]) for row i, computed as max + log Σ exp(x − max): finite for finite x. */
export function logSumExpRow(x: Matrix, i: number): number {
  const o = i * x.cols;
  let max = -Infinity;
  for (let j = 0; j < x.cols; j++) if (x.data[o + j] > max) max = x.data[o + j];
  let sum = 0;
  for (let j = 0; j < x.cols; j++) sum += Math.exp(x.data[o + j] - max);
  return max + Math.log(sum);
}

/** x: N×C scores → out: N×C probabilities (each row sums to 1); `out` may not alias x. */
export function softmaxInto(x: Matrix, out: Matrix): void {
  for (let i = 0; i < x.rows; i++) {
    const o = i * x.cols;
    let max = -Infinity;
    for (let j = 0; j < x.cols; j++) if (x.data[o + j] > max) max = x.data[o + j];
    let sum = 0;
    for (let j = 0; j < x.cols; j++) {
      const e = Math.exp(x.data[o + j] - max);
      out.data[o + j] = e;
      sum += e;
    }
    for (let j = 0; j < x.cols; j++) out.data[o + j] /= sum;
  }
}
