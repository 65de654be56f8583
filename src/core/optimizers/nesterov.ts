/** Nesterov's accelerated gradient in the book's form: v ← m·v − lr·dW; W ← W + m²·v − (1 + m)·lr·dW. */
import type { Param } from '../param';
import { exportSlots, importSlots, ParamState } from './optimizer';
import type { Optimizer, OptimizerState } from './optimizer';

export class Nesterov implements Optimizer {
  /** Velocity v per param. */
  private readonly v = new ParamState();
  constructor(readonly momentum = 0.9) {}

  step(params: Param[], lr: number): void {
    const m = this.momentum;
    for (const p of params) {
      const v = this.v.get(p);
      for (let i = 0; i < v.length; i++) {
        v[i] = m * v[i] - lr * p.grad[i];
        p.value[i] += m * m * v[i] - (1 + m) * lr * p.grad[i];
      }
    }
  }

  exportState(params: Param[]): OptimizerState {
    return exportSlots({ v: this.v }, params, 0);
  }

  importState(params: Param[], state: OptimizerState): void {
    importSlots({ v: this.v }, params, state);
  }
}
