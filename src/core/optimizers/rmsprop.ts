/** RMSprop: h ← ρ·h + (1 − ρ)·dW²; W ← W − lr · dW / (√h + 1e-7), ρ = decayRate. */
import type { Param } from '../param';
import { exportSlots, importSlots, ParamState } from './optimizer';
import type { Optimizer, OptimizerState } from './optimizer';

export class RMSprop implements Optimizer {
  /** Moving average of squared gradients h per param. */
  private readonly h = new ParamState();
  constructor(readonly decayRate = 0.99) {}

  step(params: Param[], lr: number): void {
    const rho = this.decayRate;
    for (const p of params) {
      const h = this.h.get(p);
      for (let i = 0; i < h.length; i++) {
        const g = p.grad[i];
        h[i] = rho * h[i] + (1 - rho) * g * g;
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
