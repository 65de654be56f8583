/** The optimizer contract: update every param from its grad; per-param state is keyed on the Param object. */
import type { Param } from '../param';

export interface Optimizer {
  /** Apply one update to every param using its grad and `learningRate`. */
  step(params: Param[], learningRate: number): void;
}

/** Per-param state buffers (float64, one per Param, created on first use with the param's length). */
export class ParamState {
  private readonly buffers = new Map<Param, Float64Array>();

  get(p: Param): Float64Array {
    let b = this.buffers.get(p);
    if (!b) {
      b = new Float64Array(p.value.length);
      this.buffers.set(p, b);
    }
    return b;
  }
}
