/** The SoftmaxWithLoss layer: softmax of the scores, then the mean cross-entropy; backward gives (y − t)/N. */
import type { Dtype, Matrix } from '../matrix';
import type { Kernels } from '../kernels/kernels';
import type { Labels } from '../labels';
import type { LossLayer } from './layer';
import { MatrixBuffer, checkInput } from './buffer';
import { logSumExpRow, softmaxInto } from './softmax';

/** Throw unless `t` holds x.rows class indices in [0, C) or is an N×C matrix. */
export function checkClassLabels(layer: string, x: Matrix, t: Labels): void {
  if (t instanceof Int32Array) {
    if (t.length !== x.rows) throw new Error(`${layer}: ${t.length} labels for ${x.rows} rows`);
    for (let i = 0; i < t.length; i++) {
      if (t[i] < 0 || t[i] >= x.cols) throw new Error(`${layer}: label ${t[i]} at row ${i} is outside [0, ${x.cols})`);
    }
  } else if (t.rows !== x.rows || t.cols !== x.cols) {
    throw new Error(`${layer}: one-hot labels are ${t.rows}×${t.cols}, expected ${x.rows}×${x.cols}`);
  }
}

export class SoftmaxWithLoss implements LossLayer {
  readonly kind = 'loss';
  readonly name = 'SoftmaxWithLoss';
  readonly params = [];
  /** Set by forward, read by backward: the probabilities y (N×C, own buffer) and the labels t (not copied). */
  private y: Matrix | null = null;
  private t: Labels | null = null;
  private readonly yBuffer: MatrixBuffer;
  private readonly dxBuffer: MatrixBuffer;

  constructor(
    readonly size: number,
    kernels: Kernels,
    private readonly dtype: Dtype,
  ) {
    this.yBuffer = new MatrixBuffer(kernels, dtype);
    this.dxBuffer = new MatrixBuffer(kernels, dtype);
  }

  /**
   * x: N×C scores, t: N class indices or N×C (one-hot) → mean over rows of −Σ_j t_j·log softmax(x)_j,
   * with log softmax(x)_j = x_j − logsumexp(x): never log(0), finite even when a probability underflows to 0.
   */
  forward(x: Matrix, t: Labels): number {
    checkInput(this.name, x, this.size, this.dtype);
    checkClassLabels(this.name, x, t);
    const y = this.yBuffer.get(x.rows, x.cols);
    softmaxInto(x, y);
    let total = 0;
    for (let i = 0; i < x.rows; i++) {
      const lse = logSumExpRow(x, i);
      const o = i * x.cols;
      if (t instanceof Int32Array) {
        total += lse - x.data[o + t[i]];
      } else {
        for (let j = 0; j < x.cols; j++) {
          const tj = t.data[o + j];
          if (tj !== 0) total += tj * (lse - x.data[o + j]);
        }
      }
    }
    this.y = y;
    this.t = t;
    return x.rows === 0 ? 0 : total / x.rows;
  }

  output(): Matrix {
    if (!this.y) throw new Error(`${this.name}: output() called before forward`);
    return this.y;
  }

  /** scores: N×C → softmax probabilities N×C (the layer's buffer). */
  predict(scores: Matrix): Matrix {
    checkInput(this.name, scores, this.size, this.dtype);
    const y = this.yBuffer.get(scores.rows, scores.cols);
    softmaxInto(scores, y);
    return y;
  }

  /** → dx = dout · (y − t) / N: N×C. */
  backward(dout = 1): Matrix {
    if (!this.y || !this.t) throw new Error(`${this.name}: backward called before forward`);
    const y = this.y;
    const t = this.t;
    const n = y.rows;
    const dx = this.dxBuffer.get(n, y.cols);
    const scale = dout / n;
    for (let i = 0; i < y.data.length; i++) dx.data[i] = y.data[i];
    if (t instanceof Int32Array) {
      for (let i = 0; i < n; i++) dx.data[i * y.cols + t[i]] -= 1;
    } else {
      for (let i = 0; i < y.data.length; i++) dx.data[i] -= t.data[i];
    }
    for (let i = 0; i < y.data.length; i++) dx.data[i] *= scale;
    return dx;
  }
}
