/** The SoftmaxWithLoss layer: softmax of the scores, then the mean cross-entropy; backward gives (y − t)/N. */
import type { Dtype, Matrix } from '../matrix';
import type { Kernels } from '../kernels/kernels';
import type { Labels } from '../labels';
import type { LossLayer } from './layer';
import { MatrixBuffer, checkInput } from './buffer';

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

/**
 * Forward runs one fused kernel (kernels.softmaxCrossEntropy) that gives the probabilities, the loss and already
 * dx = (y − t)/N; backward only hands that dx out (scaled by dout when dout ≠ 1).
 */
export class SoftmaxWithLoss implements LossLayer {
  readonly kind = 'loss';
  readonly name = 'SoftmaxWithLoss';
  readonly params = [];
  /** Set by forward, read by output/backward: the probabilities y (N×C) and dx = (y − t)/N (N×C), own buffers. */
  private y: Matrix | null = null;
  private dx: Matrix | null = null;
  private readonly yBuffer: MatrixBuffer;
  private readonly dxBuffer: MatrixBuffer;
  /** dout·dx for a backward with dout ≠ 1 (kept apart so that the forward's dx stays valid). */
  private readonly scaledBuffer: MatrixBuffer;

  constructor(
    readonly size: number,
    private readonly kernels: Kernels,
    private readonly dtype: Dtype,
  ) {
    this.yBuffer = new MatrixBuffer(kernels, dtype);
    this.dxBuffer = new MatrixBuffer(kernels, dtype);
    this.scaledBuffer = new MatrixBuffer(kernels, dtype);
  }

  /**
   * x: N×C scores, t: N class indices or N×C (one-hot) → mean over rows of −Σ_j t_j·log softmax(x)_j,
   * with log softmax(x)_j = x_j − logsumexp(x): never log(0), finite even when a probability underflows to 0.
   */
  forward(x: Matrix, t: Labels): number {
    checkInput(this.name, x, this.size, this.dtype);
    checkClassLabels(this.name, x, t);
    const n = x.rows;
    const y = this.yBuffer.get(n, x.cols);
    const dx = this.dxBuffer.get(n, x.cols);
    const labels = t instanceof Int32Array ? t : t.data;
    const total = this.kernels.softmaxCrossEntropy(x.data, y.data, n, x.cols, labels, dx.data, 1 / n);
    this.y = y;
    this.dx = dx;
    return n === 0 ? 0 : total / n;
  }

  output(): Matrix {
    if (!this.y) throw new Error(`${this.name}: output() called before forward`);
    return this.y;
  }

  /** scores: N×C → softmax probabilities N×C (the layer's buffer). */
  predict(scores: Matrix): Matrix {
    checkInput(this.name, scores, this.size, this.dtype);
    const y = this.yBuffer.get(scores.rows, scores.cols);
    this.kernels.softmaxCrossEntropy(scores.data, y.data, scores.rows, scores.cols, null, null, 0);
    return y;
  }

  /** → dx = dout · (y − t) / N: N×C (the forward's buffer when dout = 1). */
  backward(dout = 1): Matrix {
    if (!this.dx) throw new Error(`${this.name}: backward called before forward`);
    if (dout === 1) return this.dx;
    const dx = this.dx.data;
    const scaled = this.scaledBuffer.get(this.dx.rows, this.dx.cols);
    for (let i = 0; i < dx.length; i++) scaled.data[i] = dout * dx[i];
    return scaled;
  }
}
