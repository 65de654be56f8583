/** AdaGrad: h ← h + dW²; W ← W − lr · dW / (√h + 1e-7). */
import type { Param } from '../param';
import type { Kernels } from '../kernels/kernels';
import { referenceKernels } from '../kernels/reference';
import { exportSlots, importSlots, ParamState } from './optimizer';
import type { Optimizer, OptimizerState } from './optimizer';

export class AdaGrad implements Optimizer {
  /** Sum of squared gradients h per param. */
  private readonly h: ParamState;
  /** `kernels` runs the update (kernels.adaptiveStep: f64x2 SIMD in the WebAssembly backend) and holds the state. */
  constructor(private readonly kernels: Kernels = referenceKernels) {
    this.h = new ParamState(kernels);
  }

  step(params: Param[], lr: number): void {
    for (const p of params) this.kernels.adaptiveStep(p.value, p.grad, this.h.get(p), null, lr);
  }

  exportState(params: Param[]): OptimizerState {
    return exportSlots({ h: this.h }, params, 0);
  }

  importState(params: Param[], state: OptimizerState): void {
    importSlots({ h: this.h }, params, state);
  }
}
