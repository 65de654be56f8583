/**
 * The Dropout layer, in the book's convention: in training each element is kept with probability 1 − ratio
 * (out = x · mask); at inference every element is scaled by (1 − ratio) instead.
 */
import type { Dtype, Matrix } from '../matrix';
import type { Kernels } from '../kernels/kernels';
import type { Rng } from '../rng';
import type { Layer } from './layer';
import { MatrixBuffer, checkDout, checkInput } from './buffer';

export class Dropout implements Layer {
  readonly kind = 'layer';
  readonly name = 'Dropout';
  readonly params = [];
  /** When true, training forwards reuse the last mask (the gradient check needs a fixed function). */
  frozen = false;
  /** Set by forward, read by backward: 1 where the element was kept (training), and whether it was a training pass. */
  private mask = new Uint8Array(0);
  /** Number of mask elements the last training forward used (the mask buffer only grows). */
  private maskLength = 0;
  private train = false;
  private out: Matrix | null = null;
  private readonly outBuffer: MatrixBuffer;
  private readonly dxBuffer: MatrixBuffer;

  constructor(
    readonly size: number,
    readonly ratio: number,
    private readonly rng: Rng,
    kernels: Kernels,
    private readonly dtype: Dtype,
  ) {
    if (!(ratio >= 0 && ratio < 1)) throw new Error(`Dropout: ratio must be in [0, 1), got ${ratio}`);
    this.outBuffer = new MatrixBuffer(kernels, dtype);
    this.dxBuffer = new MatrixBuffer(kernels, dtype);
  }

  /** x: N×D → x ⊙ mask (train) or x · (1 − ratio) (inference): N×D. */
  forward(x: Matrix, train: boolean): Matrix {
    checkInput(this.name, x, this.size, this.dtype);
    const out = this.outBuffer.get(x.rows, x.cols);
    const n = x.data.length;
    if (train) {
      const reuse = this.frozen && this.maskLength === n;
      if (!reuse) {
        if (this.mask.length < n) this.mask = new Uint8Array(n);
        for (let i = 0; i < n; i++) this.mask[i] = this.rng.next() >= this.ratio ? 1 : 0;
        this.maskLength = n;
      }
      for (let i = 0; i < n; i++) out.data[i] = this.mask[i] ? x.data[i] : 0;
    } else {
      const keep = 1 - this.ratio;
      for (let i = 0; i < n; i++) out.data[i] = x.data[i] * keep;
    }
    this.train = train;
    this.out = out;
    return out;
  }

  /** dout: N×D → dout ⊙ mask (train) or dout · (1 − ratio) (inference): N×D. */
  backward(dout: Matrix): Matrix {
    checkDout(this.name, dout, this.out);
    const dx = this.dxBuffer.get(dout.rows, dout.cols);
    const keep = 1 - this.ratio;
    for (let i = 0; i < dout.data.length; i++) dx.data[i] = this.train ? (this.mask[i] ? dout.data[i] : 0) : dout.data[i] * keep;
    return dx;
  }
}
