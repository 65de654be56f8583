/**
 * The shared shape of element-wise activation layers: out = f(x), dx = dout ⊙ f'(x) computed from x and out.
 * The formulas live in the kernels (reference-activations.ts in plain loops, WebAssembly SIMD in the fast backend);
 * an Affine right before an activation hands it x·W with the bias still to add (the fused epilogue, AffineActivation).
 */
import type { Dtype, Matrix } from '../matrix';
import type { ActivationKind, FloatArray, Kernels } from '../kernels/kernels';
import type { Param } from '../param';
import type { Layer } from './layer';
import { MatrixBuffer, checkDout, checkInput } from './buffer';

export abstract class Activation implements Layer {
  readonly kind = 'layer';
  abstract readonly name: string;
  /** Which f the kernels compute. */
  abstract readonly activation: ActivationKind;
  readonly params: readonly Param[] = [];
  /** Set by forward, read by backward: the input x (not copied) and the output f(x) (own buffer). */
  protected x: Matrix | null = null;
  protected out: Matrix | null = null;
  private readonly outBuffer: MatrixBuffer;
  private readonly dxBuffer: MatrixBuffer;

  constructor(
    readonly size: number,
    private readonly kernels: Kernels,
    private readonly dtype: Dtype,
  ) {
    this.outBuffer = new MatrixBuffer(kernels, dtype);
    this.dxBuffer = new MatrixBuffer(kernels, dtype);
  }

  /** x: N×D → f(x): N×D. */
  forward(x: Matrix): Matrix {
    checkInput(this.name, x, this.size, this.dtype);
    const out = this.outBuffer.get(x.rows, x.cols);
    this.kernels.activationForward(this.activation, x.data, out.data);
    this.x = x;
    this.out = out;
    return out;
  }

  /**
   * The fused forward epilogue of an Affine: z = x·W (N×D, the Affine's own output buffer) gets the bias b (D) added
   * in place, completing the Affine's output x·W + b, and out = f(z) is computed in the same pass. Afterwards both
   * layers hold exactly what their separate forwards would have left (z is this layer's cached input).
   */
  forwardWithBias(z: Matrix, b: FloatArray): Matrix {
    checkInput(this.name, z, this.size, this.dtype);
    const out = this.outBuffer.get(z.rows, z.cols);
    this.kernels.biasActivationForward(this.activation, z.data, b, out.data, z.rows, z.cols);
    this.x = z;
    this.out = out;
    return out;
  }

  /** dout: N×D → dx = dout ⊙ f'(x): N×D. */
  backward(dout: Matrix): Matrix {
    checkDout(this.name, dout, this.out);
    const dx = this.dxBuffer.get(dout.rows, dout.cols);
    this.kernels.activationBackward(this.activation, dout.data, (this.x as Matrix).data, (this.out as Matrix).data, dx.data);
    return dx;
  }

  /**
   * The fused backward epilogue of an Affine: dout: N×D → dz = dout ⊙ f'(z): N×D, and db (D) = Σ_rows dz, the
   * Affine's bias gradient, in the same pass. dz is what backward returns; db is overwritten.
   */
  backwardWithBiasGrad(dout: Matrix, db: FloatArray): Matrix {
    checkDout(this.name, dout, this.out);
    const dz = this.dxBuffer.get(dout.rows, dout.cols);
    const z = (this.x as Matrix).data;
    const y = (this.out as Matrix).data;
    this.kernels.activationBackwardSumRows(this.activation, dout.data, z, y, dz.data, db, dout.rows, dout.cols);
    return dz;
  }
}
