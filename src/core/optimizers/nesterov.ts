/** Nesterov's accelerated gradient in the book's form: v ← m·v − lr·dW; W ← W + m²·v − (1 + m)·lr·dW. */
import type { Param } from '../param';
import type { Kernels } from '../kernels/kernels';
import { referenceKernels } from '../kernels/reference';
import { exportSlots, importSlots, ParamState } from './optimizer';
import type { Optimizer, OptimizerState } from './optimizer';

export class Nesterov implements Optimizer {
  /** Velocity v per param. */
  private readonly v: ParamState;
  /** `kernels` runs the update (kernels.nesterovStep: f64x2 SIMD in the WebAssembly backend) and holds the state. */
  constructor(
    readonly momentum = 0.9,
    private readonly kernels: Kernels = referenceKernels,
  ) {
    this.v = new ParamState(kernels);
  }

  step(params: Param[], lr: number): void {
    for (const p of params) this.kernels.nesterovStep(p.value, p.grad, this.v.get(p), this.momentum, lr);
  }

  exportState(params: Param[]): OptimizerState {
    return exportSlots({ v: this.v }, params, 0);
  }

  importState(params: Param[], state: OptimizerState): void {
    importSlots({ v: this.v }, params, state);
  }
}
