/**
 * An Affine and the activation right after it, run as one step with fused epilogues: forward adds the bias and
 * applies f in one pass over x·W while it is still in cache; backward computes dz = dout ⊙ f'(z) and the bias gradient
 * db = Σ_rows dz in one pass. The two layers keep their own cached state, so each still answers for itself
 * (the network's trace, the gradient check's kinkInput) with the values its separate forward would have given.
 */
import type { Matrix } from '../matrix';
import type { Param } from '../param';
import type { Layer } from './layer';
import type { Affine } from './affine';
import type { Activation } from './activation';

export class AffineActivation implements Layer {
  readonly kind = 'layer';
  readonly name: string;
  readonly params: readonly Param[];

  constructor(
    readonly affine: Affine,
    readonly activation: Activation,
  ) {
    if (activation.size !== affine.units) {
      throw new Error(`AffineActivation: the ${activation.name} has ${activation.size} inputs, the Affine ${affine.units} units`);
    }
    this.name = `Affine+${activation.name}`;
    this.params = affine.params;
  }

  /** x: N×D → f(x·W + b): N×M; z = x·W + b stays in the Affine's output, f(z) in the activation's. */
  forward(x: Matrix): Matrix {
    return this.activation.forwardWithBias(this.affine.forwardProduct(x), this.affine.b.value);
  }

  /** dout: N×M → dx = dz·Wᵀ: N×D, with dz = dout ⊙ f'(z); fills dW = xᵀ·dz (+ λW) and db = Σ_rows dz. */
  backward(dout: Matrix): Matrix {
    const dz = this.activation.backwardWithBiasGrad(dout, this.affine.b.grad);
    this.affine.backwardWeights(dz);
    return this.affine.backwardInput(dz);
  }

  /** Like backward but skips dx (the first layer's dx is read by nobody). */
  backwardParamsOnly(dout: Matrix): void {
    this.affine.backwardWeights(this.activation.backwardWithBiasGrad(dout, this.affine.b.grad));
  }
}
