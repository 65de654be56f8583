/** The IdentityWithLoss layer for regression: y = x and the loss L = ½ · (1/N) · Σ_i Σ_j (y_ij − t_ij)². */
import type { Dtype, Matrix } from '../matrix';
import type { Kernels } from '../kernels/kernels';
import type { Labels } from '../labels';
import type { LossLayer } from './layer';
import { MatrixBuffer, checkInput } from './buffer';

/**
 * Convention: halved squared error summed over the T targets of a row, averaged over the N rows,
 * so that dL/dy = (y − t) / N, exactly like SoftmaxWithLoss's backward.
 */
export class IdentityWithLoss implements LossLayer {
  readonly kind = 'loss';
  readonly name = 'IdentityWithLoss';
  readonly params = [];
  /** Set by forward, read by backward: the input y = x (not copied) and the targets t (not copied). */
  private y: Matrix | null = null;
  private t: Matrix | null = null;
  private readonly dxBuffer: MatrixBuffer;

  constructor(
    readonly size: number,
    kernels: Kernels,
    private readonly dtype: Dtype,
  ) {
    this.dxBuffer = new MatrixBuffer(kernels, dtype);
  }

  /** x: N×T predictions, t: N×T targets → ½ · mean over rows of Σ_j (x − t)². */
  forward(x: Matrix, t: Labels): number {
    checkInput(this.name, x, this.size, this.dtype);
    if (t instanceof Int32Array) throw new Error(`${this.name}: needs N×T regression targets, got class indices`);
    if (t.rows !== x.rows || t.cols !== x.cols) {
      throw new Error(`${this.name}: targets are ${t.rows}×${t.cols}, expected ${x.rows}×${x.cols}`);
    }
    let total = 0;
    for (let i = 0; i < x.data.length; i++) {
      const d = x.data[i] - t.data[i];
      total += d * d;
    }
    this.y = x;
    this.t = t;
    return x.rows === 0 ? 0 : (0.5 * total) / x.rows;
  }

  output(): Matrix {
    if (!this.y) throw new Error(`${this.name}: output() called before forward`);
    return this.y;
  }

  /** scores: N×T → the same matrix (identity). */
  predict(scores: Matrix): Matrix {
    checkInput(this.name, scores, this.size, this.dtype);
    return scores;
  }

  /** → dx = dout · (y − t) / N: N×T. */
  backward(dout = 1): Matrix {
    if (!this.y || !this.t) throw new Error(`${this.name}: backward called before forward`);
    const y = this.y;
    const t = this.t;
    const dx = this.dxBuffer.get(y.rows, y.cols);
    const scale = dout / y.rows;
    for (let i = 0; i < y.data.length; i++) dx.data[i] = (y.data[i] - t.data[i]) * scale;
    return dx;
  }
}
