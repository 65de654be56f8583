/** Stochastic gradient descent: W ← W − lr · dW. */
import type { Param } from '../param';
import { exportSlots, importSlots } from './optimizer';
import type { Optimizer, OptimizerState } from './optimizer';

export class SGD implements Optimizer {
  step(params: Param[], lr: number): void {
    for (const p of params) {
      const w = p.value;
      const dW = p.grad;
      for (let i = 0; i < w.length; i++) w[i] -= lr * dW[i];
    }
  }

  exportState(params: Param[]): OptimizerState {
    return exportSlots({}, params, 0);
  }

  importState(params: Param[], state: OptimizerState): void {
    importSlots({}, params, state);
  }
}
