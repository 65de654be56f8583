/** Stochastic gradient descent: W ← W − lr · dW. */
import type { Param } from '../param';
import type { FloatArray, Kernels } from '../kernels/kernels';
import { referenceKernels } from '../kernels/reference';
import { exportSlots, importSlots } from './optimizer';
import type { Optimizer, OptimizerState } from './optimizer';

export class SGD implements Optimizer {
  /** No state; w − lr·g is NaN or ±Infinity whenever g is (for lr = 0 too: 0·∞ is NaN). */
  readonly stateless = true;

  /** `kernels` runs the update (scaleAdd: one SIMD pass per param in the WebAssembly backend). */
  constructor(private readonly kernels: Kernels = referenceKernels) {}

  step(params: Param[], lr: number): void {
    // W ← 1·W + (−lr)·dW: the same rounding as W − lr·dW (1·W and the sign flip are exact).
    for (const p of params) this.kernels.scaleAdd(p.value, 1, p.grad, -lr);
  }

  /** The reduction fused in: grad ← a·grad + b·other, then W ← W − lr·grad, in one kernel pass (same bits as the two). */
  reduceStep(p: Param, a: number, other: FloatArray, b: number, lr: number): boolean {
    return this.kernels.reduceSgdStep(p.value, p.grad, a, other, b, lr);
  }

  exportState(params: Param[]): OptimizerState {
    return exportSlots({}, params, 0);
  }

  importState(params: Param[], state: OptimizerState): void {
    importSlots({}, params, state);
  }
}
