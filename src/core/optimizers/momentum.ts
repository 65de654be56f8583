/** Momentum: v ← momentum · v − lr · dW; W ← W + v. */
import type { Param } from '../param';
import { exportSlots, importSlots, ParamState } from './optimizer';
import type { Optimizer, OptimizerState } from './optimizer';

export class Momentum implements Optimizer {
  /** Velocity v per param. */
  private readonly v = new ParamState();
  constructor(readonly momentum = 0.9) {}

  step(params: Param[], lr: number): void {
    for (const p of params) {
      const v = this.v.get(p);
      for (let i = 0; i < v.length; i++) {
        v[i] = this.momentum * v[i] - lr * p.grad[i];
        p.value[i] += v[i];
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
