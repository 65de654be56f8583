/**
 * Adam in the book's form: t ← t + 1; lr_t = lr·√(1 − β2ᵗ)/(1 − β1ᵗ); m ← m + (1 − β1)(dW − m);
 * v ← v + (1 − β2)(dW² − v); W ← W − lr_t · m / (√v + 1e-7).
 */
import type { Param } from '../param';
import { exportSlots, importSlots, ParamState } from './optimizer';
import type { Optimizer, OptimizerState } from './optimizer';

export class Adam implements Optimizer {
  /** First and second moment estimates per param, and the step count t. */
  private readonly m = new ParamState();
  private readonly v = new ParamState();
  private t = 0;
  constructor(
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
  ) {}

  step(params: Param[], lr: number): void {
    this.t++;
    const lrT = (lr * Math.sqrt(1 - this.beta2 ** this.t)) / (1 - this.beta1 ** this.t);
    for (const p of params) {
      const m = this.m.get(p);
      const v = this.v.get(p);
      for (let i = 0; i < m.length; i++) {
        const g = p.grad[i];
        m[i] += (1 - this.beta1) * (g - m[i]);
        v[i] += (1 - this.beta2) * (g * g - v[i]);
        p.value[i] -= (lrT * m[i]) / (Math.sqrt(v[i]) + 1e-7);
      }
    }
  }

  exportState(params: Param[]): OptimizerState {
    return exportSlots({ m: this.m, v: this.v }, params, this.t);
  }

  importState(params: Param[], state: OptimizerState): void {
    importSlots({ m: this.m, v: this.v }, params, state);
    this.t = state.step;
  }
}
