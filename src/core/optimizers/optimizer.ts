/** The optimizer contract: update every param from its grad; per-param state is keyed on the Param object. */
import type { NamedTensor, Param } from '../param';
import { isParamSlice } from '../param';
import type { FloatArray, Kernels } from '../kernels/kernels';
import { referenceKernels } from '../kernels/reference';

/** An optimizer's state as a checkpoint stores it: its step count and one float64 tensor per (param, slot). */
export interface OptimizerState {
  step: number;
  /** Named "<param name>#<slot>", e.g. "layers.0.W#m", with the param's shape. */
  tensors: NamedTensor[];
}

export interface Optimizer {
  /** Apply one update to every param using its grad and `learningRate`. */
  step(params: Param[], learningRate: number): void;
  /**
   * Optional, one pass for a split step's range (SGD): grad ← a·grad + b·other (the full-batch mean from this thread's
   * and one other thread's gradients), then the update of `p` from it, as step() would make it; returns whether some
   * updated value is NaN or ±Infinity.
   */
  reduceStep?(p: Param, a: number, other: FloatArray, b: number, learningRate: number): boolean;
  /**
   * True when the optimizer keeps no state (restoring the values undoes an update) and a finite value updated with a
   * non-finite gradient is non-finite (SGD): a split step then checks the gradient only when an update came out
   * non-finite, instead of scanning every thread's whole gradient before it.
   */
  readonly stateless?: boolean;
  /** Copies of the state (every slot of every param in `params`). */
  exportState(params: Param[]): OptimizerState;
  /** Load exportState's output; throws naming a missing, unknown or wrongly sized tensor. */
  importState(params: Param[], state: OptimizerState): void;
}

/** exportState for per-param `slots` (e.g. { m, v }) and a step count. */
export function exportSlots(slots: Record<string, ParamState>, params: Param[], step: number): OptimizerState {
  const tensors = Object.entries(slots).flatMap(([slot, buffers]) =>
    params.map((p) => ({ name: `${p.name}#${slot}`, shape: [...p.shape], data: buffers.get(p).slice() })),
  );
  return { step, tensors };
}

/** importState for per-param `slots`: every "<param>#<slot>" tensor must be present exactly once with the param's length. */
export function importSlots(slots: Record<string, ParamState>, params: Param[], state: OptimizerState): void {
  if (!(Number.isInteger(state.step) && state.step >= 0))
    throw new Error(`optimizer state: step must be an integer ≥ 0, got ${state.step}`);
  const byName = new Map(state.tensors.map((t) => [t.name, t]));
  const expected = Object.keys(slots).flatMap((slot) => params.map((p) => `${p.name}#${slot}`));
  const unknown = state.tensors.map((t) => t.name).filter((n) => !expected.includes(n));
  if (unknown.length > 0 || byName.size !== state.tensors.length)
    throw new Error(
      `optimizer state: unknown or repeated tensor(s) ${unknown.join(', ') || '(repeated)'}; expected ${expected.join(', ') || 'none'}`,
    );
  for (const [slot, buffers] of Object.entries(slots)) {
    for (const p of params) {
      const t = byName.get(`${p.name}#${slot}`);
      if (!t) throw new Error(`optimizer state: missing tensor "${p.name}#${slot}"`);
      if (t.data.length !== p.value.length)
        throw new Error(`optimizer state: "${t.name}" has ${t.data.length} values, expected ${p.value.length}`);
      buffers.get(p).set(t.data);
    }
  }
}

/**
 * Per-param state buffers (float64, one per Param, created on first use with the param's length), allocated by
 * `kernels` so that a WebAssembly backend updates them in place. A ParamSlice's state is the same range of its
 * parent's buffer: a thread that updates only a slice keeps the whole param's state in one tensor.
 */
export class ParamState {
  private readonly buffers = new Map<Param, Float64Array>();

  constructor(private readonly kernels: Kernels = referenceKernels) {}

  get(p: Param): Float64Array {
    if (isParamSlice(p)) return this.get(p.parent).subarray(p.offset, p.offset + p.value.length);
    let b = this.buffers.get(p);
    if (!b) {
      b = this.kernels.allocate('float64', p.value.length);
      this.buffers.set(p, b);
    }
    return b;
  }
}
