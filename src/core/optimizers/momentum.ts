/** Momentum: v ← momentum · v − lr · dW; W ← W + v. */
import type { Param } from '../param';
import type { Kernels } from '../kernels/kernels';
import { referenceKernels } from '../kernels/reference';
import { exportSlots, importSlots, ParamState } from './optimizer';
import type { Optimizer, OptimizerState } from './optimizer';

export class Momentum implements Optimizer {
  /** Velocity v per param. */
  private readonly v: ParamState;
  /** `kernels` runs the update (kernels.momentumStep: f64x2 SIMD in the WebAssembly backend) and holds the state. */
  constructor(
    readonly momentum = 0.9,
    private readonly kernels: Kernels = referenceKernels,
  ) {
    this.v = new ParamState(kernels);
  }

  step(params: Param[], lr: number): void {
    for (const p of params) this.kernels.momentumStep(p.value, p.grad, this.v.get(p), this.momentum, lr);
  }

  exportState(params: Param[]): OptimizerState {
    return exportSlots({ v: this.v }, params, 0);
  }

  importState(params: Param[], state: OptimizerState): void {
    importSlots({ v: this.v }, params, state);
  }
}
