/** The Affine (fully connected) layer: out = x·W + b, on inputs already flattened to N×D rows (Matrix is 2-D). */
import type { Dtype, Matrix } from '../matrix';
import type { Kernels } from '../kernels/kernels';
import { TRANS_A, TRANS_B, matmulOn, type Matmul } from '../kernels/matmul';
import type { Param } from '../param';
import type { Layer } from './layer';
import { MatrixBuffer, checkDout, checkInput } from './buffer';

export class Affine implements Layer {
  readonly kind = 'layer';
  readonly name = 'Affine';
  /** W: D×M (inputSize × units). */
  readonly W: Param;
  /** b: M. */
  readonly b: Param;
  readonly params: readonly Param[];
  /** L2 weight decay λ: backward adds λ·W to dW (set by the network). */
  weightDecay = 0;
  /** Set by forward, read by backward: the input x (N×D), not copied (layers never mutate their input). */
  private x: Matrix | null = null;
  private lastOut: Matrix | null = null;
  private readonly out: MatrixBuffer;
  private readonly dx: MatrixBuffer;
  /** W.value and W.grad seen as D×M matrices: the same arrays (parameters are updated in place, never replaced). */
  private readonly Wm: Matrix;
  private readonly dW: Matrix;
  private readonly matmul: Matmul;

  constructor(
    readonly inputSize: number,
    readonly units: number,
    private readonly kernels: Kernels,
    private readonly dtype: Dtype,
    prefix: string,
  ) {
    this.W = {
      name: `${prefix}.W`,
      shape: [inputSize, units],
      value: kernels.allocate(dtype, inputSize * units),
      grad: kernels.allocate(dtype, inputSize * units),
    };
    this.b = { name: `${prefix}.b`, shape: [units], value: kernels.allocate(dtype, units), grad: kernels.allocate(dtype, units) };
    this.params = [this.W, this.b];
    this.Wm = { rows: inputSize, cols: units, data: this.W.value };
    this.dW = { rows: inputSize, cols: units, data: this.W.grad };
    this.matmul = matmulOn(kernels);
    this.out = new MatrixBuffer(kernels, dtype);
    this.dx = new MatrixBuffer(kernels, dtype);
  }

  /** x: N×D → out = x·W + b: N×M. */
  forward(x: Matrix): Matrix {
    const out = this.forwardProduct(x);
    this.kernels.addRowVector(out.data, this.b.value, x.rows, this.units);
    return out;
  }

  /**
   * x: N×D → x·W: N×M in the output buffer, the bias not yet added: forward without its last step, for a fused
   * epilogue that adds b while it applies the activation (AffineActivation). Caches x and the output like forward.
   */
  forwardProduct(x: Matrix): Matrix {
    checkInput(this.name, x, this.inputSize, this.dtype);
    const out = this.matmul(x, this.Wm, this.out.get(x.rows, this.units));
    this.x = x;
    this.lastOut = out;
    return out;
  }

  /** dout: N×M → dx = dout·Wᵀ: N×D; dW = xᵀ·dout (+ λW), db = Σ_rows dout. */
  backward(dout: Matrix): Matrix {
    this.backwardParamsOnly(dout);
    return this.backwardInput(dout);
  }

  /** dout: N×M → dW: D×M and db: M only. */
  backwardParamsOnly(dout: Matrix): void {
    this.backwardWeights(dout);
    this.kernels.sumRows(dout.data, this.b.grad, dout.rows, this.units);
  }

  /** dout: N×M → dW = xᵀ·dout (+ λW): D×M only; db is left to a fused epilogue that sums it while computing dout. */
  backwardWeights(dout: Matrix): void {
    checkDout(this.name, dout, this.lastOut);
    this.matmul(this.x as Matrix, dout, this.dW, TRANS_A);
    // dW ← 1·dW + λ·W (scaleAdd: one SIMD pass in the WebAssembly backend; 1·dW is exact).
    if (this.weightDecay !== 0) this.kernels.scaleAdd(this.W.grad, 1, this.W.value, this.weightDecay);
  }

  /** dout: N×M → dx = dout·Wᵀ: N×D. */
  backwardInput(dout: Matrix): Matrix {
    checkDout(this.name, dout, this.lastOut);
    return this.matmul(dout, this.Wm, this.dx.get(dout.rows, this.inputSize), TRANS_B);
  }
}
