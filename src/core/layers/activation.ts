/**
 * The shared shape of element-wise activation layers: out = f(x), dx = dout · f'(x) computed from x and out.
 * Each subclass writes its own loops (forward next to its derivative), so that V8 inlines the formula.
 */
import type { Dtype, Matrix } from '../matrix';
import type { FloatArray, Kernels } from '../kernels/kernels';
import type { Param } from '../param';
import type { Layer } from './layer';
import { MatrixBuffer, checkDout, checkInput } from './buffer';

export abstract class Activation implements Layer {
  readonly kind = 'layer';
  abstract readonly name: string;
  readonly params: readonly Param[] = [];
  /** Set by forward, read by backward: the input x (not copied) and the output f(x) (own buffer). */
  protected x: Matrix | null = null;
  protected out: Matrix | null = null;
  private readonly outBuffer: MatrixBuffer;
  private readonly dxBuffer: MatrixBuffer;

  constructor(
    readonly size: number,
    kernels: Kernels,
    private readonly dtype: Dtype,
  ) {
    this.outBuffer = new MatrixBuffer(kernels, dtype);
    this.dxBuffer = new MatrixBuffer(kernels, dtype);
  }

  /** out[i] = f(x[i]) for every element. */
  protected abstract apply(x: FloatArray, out: FloatArray): void;
  /** dx[i] = dout[i] · f'(x[i]), given x and y = f(x). */
  protected abstract applyGradient(dout: FloatArray, x: FloatArray, y: FloatArray, dx: FloatArray): void;

  /** x: N×D → f(x): N×D. */
  forward(x: Matrix): Matrix {
    checkInput(this.name, x, this.size, this.dtype);
    const out = this.outBuffer.get(x.rows, x.cols);
    this.apply(x.data, out.data);
    this.x = x;
    this.out = out;
    return out;
  }

  /** dout: N×D → dx = dout ⊙ f'(x): N×D. */
  backward(dout: Matrix): Matrix {
    checkDout(this.name, dout, this.out);
    const x = (this.x as Matrix).data;
    const y = (this.out as Matrix).data;
    const dx = this.dxBuffer.get(dout.rows, dout.cols);
    this.applyGradient(dout.data, x, y, dx.data);
    return dx;
  }
}
