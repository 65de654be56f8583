/**
 * Adam in the book's form: t ← t + 1; lr_t = lr·√(1 − β2ᵗ)/(1 − β1ᵗ); m ← m + (1 − β1)(dW − m);
 * v ← v + (1 − β2)(dW² − v); W ← W − lr_t · m / (√v + 1e-7).
 */
import type { Param } from '../param';
import type { Kernels } from '../kernels/kernels';
import { referenceKernels } from '../kernels/reference';
import { exportSlots, importSlots, ParamState } from './optimizer';
import type { Optimizer, OptimizerState } from './optimizer';

export class Adam implements Optimizer {
  /** First and second moment estimates per param, and the step count t. */
  private readonly m: ParamState;
  private readonly v: ParamState;
  private t = 0;
  /** `kernels` runs the update (kernels.adamStep: f64x2 SIMD in the WebAssembly backend) and holds the moments. */
  constructor(
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    private readonly kernels: Kernels = referenceKernels,
  ) {
    this.m = new ParamState(kernels);
    this.v = new ParamState(kernels);
  }

  step(params: Param[], lr: number): void {
    this.t++;
    const lrT = (lr * Math.sqrt(1 - this.beta2 ** this.t)) / (1 - this.beta1 ** this.t);
    for (const p of params) this.kernels.adamStep(p.value, p.grad, this.m.get(p), this.v.get(p), this.beta1, this.beta2, lrT);
  }

  exportState(params: Param[]): OptimizerState {
    return exportSlots({ m: this.m, v: this.v }, params, this.t);
  }

  importState(params: Param[], state: OptimizerState): void {
    importSlots({ m: this.m, v: this.v }, params, state);
    this.t = state.step;
  }
}
