/** Stochastic gradient descent: W ← W − lr · dW. */
import type { Param } from '../param';
import type { Kernels } from '../kernels/kernels';
import { referenceKernels } from '../kernels/reference';
import { exportSlots, importSlots } from './optimizer';
import type { Optimizer, OptimizerState } from './optimizer';

export class SGD implements Optimizer {
  /** `kernels` runs the update (scaleAdd: one SIMD pass per param in the WebAssembly backend). */
  constructor(private readonly kernels: Kernels = referenceKernels) {}

  step(params: Param[], lr: number): void {
    // W ← 1·W + (−lr)·dW: the same rounding as W − lr·dW (1·W and the sign flip are exact).
    for (const p of params) this.kernels.scaleAdd(p.value, 1, p.grad, -lr);
  }

  exportState(params: Param[]): OptimizerState {
    return exportSlots({}, params, 0);
  }

  importState(params: Param[], state: OptimizerState): void {
    importSlots({}, params, state);
  }
}
