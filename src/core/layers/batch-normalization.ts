/** The BatchNormalization layer: per-feature normalisation over the batch, then out = gamma · xn + beta. */
import type { Dtype, FloatArray, Matrix } from '../matrix';
import type { Kernels } from '../kernels/kernels';
import type { NamedTensor, Param } from '../param';
import type { Layer } from './layer';
import { MatrixBuffer, checkDout, checkInput } from './buffer';

export class BatchNormalization implements Layer {
  readonly kind = 'layer';
  readonly name = 'BatchNormalization';
  readonly gamma: Param;
  readonly beta: Param;
  readonly params: readonly Param[];
  /** Running statistics used at inference: running = momentum · running + (1 − momentum) · batch. Start at mean 0, var 1. */
  readonly runningMean: FloatArray;
  readonly runningVar: FloatArray;
  /** Set by forward (training), read by backward: xc = x − mean (N×D), xn = xc / std (N×D), std per feature (D). */
  private xc: Matrix | null = null;
  private xn: Matrix | null = null;
  private readonly std: Float64Array;
  private out: Matrix | null = null;
  private readonly bufs: Record<'xc' | 'xn' | 'out' | 'dx', MatrixBuffer>;

  constructor(
    readonly size: number,
    readonly momentum: number,
    readonly epsilon: number,
    kernels: Kernels,
    private readonly dtype: Dtype,
    private readonly prefix: string,
  ) {
    this.gamma = {
      name: `${prefix}.gamma`,
      shape: [size],
      value: kernels.allocate(dtype, size).fill(1),
      grad: kernels.allocate(dtype, size),
    };
    this.beta = {
      name: `${prefix}.beta`,
      shape: [size],
      value: kernels.allocate(dtype, size),
      grad: kernels.allocate(dtype, size),
    };
    this.params = [this.gamma, this.beta];
    this.runningMean = kernels.allocate(dtype, size);
    this.runningVar = kernels.allocate(dtype, size).fill(1);
    this.std = new Float64Array(size);
    const buf = (): MatrixBuffer => new MatrixBuffer(kernels, dtype);
    this.bufs = { xc: buf(), xn: buf(), out: buf(), dx: buf() };
  }

  /** x: N×D → gamma · (x − mean) / √(var + ε) + beta: N×D, batch statistics in training, running ones at inference. */
  forward(x: Matrix, train: boolean): Matrix {
    checkInput(this.name, x, this.size, this.dtype);
    const n = x.rows;
    const d = this.size;
    const xc = this.bufs.xc.get(n, d);
    const xn = this.bufs.xn.get(n, d);
    const out = this.bufs.out.get(n, d);
    for (let j = 0; j < d; j++) {
      let mean = this.runningMean[j];
      let variance = this.runningVar[j];
      if (train) {
        mean = 0;
        for (let i = 0; i < n; i++) mean += x.data[i * d + j];
        mean /= n;
        variance = 0;
        for (let i = 0; i < n; i++) variance += (x.data[i * d + j] - mean) ** 2;
        variance /= n;
        this.runningMean[j] = this.momentum * this.runningMean[j] + (1 - this.momentum) * mean;
        this.runningVar[j] = this.momentum * this.runningVar[j] + (1 - this.momentum) * variance;
      }
      const std = Math.sqrt(variance + this.epsilon);
      this.std[j] = std;
      const g = this.gamma.value[j];
      const b = this.beta.value[j];
      for (let i = 0; i < n; i++) {
        const k = i * d + j;
        xc.data[k] = x.data[k] - mean;
        xn.data[k] = xc.data[k] / std;
        out.data[k] = g * xn.data[k] + b;
      }
    }
    this.xc = xc;
    this.xn = xn;
    this.out = out;
    return out;
  }

  /** dout: N×D → dx: N×D; dgamma = Σ dout ⊙ xn, dbeta = Σ dout (the book's train-mode backward). */
  backward(dout: Matrix): Matrix {
    checkDout(this.name, dout, this.out);
    const n = dout.rows;
    const d = this.size;
    const xc = (this.xc as Matrix).data;
    const xn = (this.xn as Matrix).data;
    const dx = this.bufs.dx.get(n, d);
    for (let j = 0; j < d; j++) {
      const std = this.std[j];
      const g = this.gamma.value[j];
      let dbeta = 0;
      let dgamma = 0;
      let dstd = 0;
      for (let i = 0; i < n; i++) {
        const k = i * d + j;
        dbeta += dout.data[k];
        dgamma += dout.data[k] * xn[k];
        dstd -= (g * dout.data[k] * xc[k]) / (std * std);
      }
      this.beta.grad[j] = dbeta;
      this.gamma.grad[j] = dgamma;
      const dvar = (0.5 * dstd) / std;
      let dmu = 0;
      for (let i = 0; i < n; i++) {
        const k = i * d + j;
        const dxc = (g * dout.data[k]) / std + (2 / n) * xc[k] * dvar;
        dx.data[k] = dxc;
        dmu += dxc;
      }
      for (let i = 0; i < n; i++) dx.data[i * d + j] -= dmu / n;
    }
    return dx;
  }

  buffers(): NamedTensor[] {
    return [
      { name: `${this.prefix}.runningMean`, shape: [this.size], data: this.runningMean },
      { name: `${this.prefix}.runningVar`, shape: [this.size], data: this.runningVar },
    ];
  }
}
