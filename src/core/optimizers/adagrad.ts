/** AdaGrad: h ← h + dW²; W ← W − lr · dW / (√h + 1e-7). */
import type { Param } from '../param';
import { exportSlots, importSlots, ParamState } from './optimizer';
import type { Optimizer, OptimizerState } from './optimizer';

export class AdaGrad implements Optimizer {
  /** Sum of squared gradients h per param. */
  private readonly h = new ParamState();

  step(params: Param[], lr: number): void {
    for (const p of params) {
      const h = this.h.get(p);
      for (let i = 0; i < h.length; i++) {
        const g = p.grad[i];
        h[i] += g * g;
        p.value[i] -= (lr * g) / (Math.sqrt(h[i]) + 1e-7);
      }
    }
  }

  exportState(params: Param[]): OptimizerState {
    return exportSlots({ h: this.h }, params, 0);
  }

  importState(params: Param[], state: OptimizerState): void {
    importSlots({ h: this.h }, params, state);
  }
}
