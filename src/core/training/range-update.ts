/**
 * One thread's share of a data-parallel update: over its range of the flat parameter vector it forms the full-batch
 * mean gradient from every thread's, applies the optimizer, and checks the result, while the other threads do the
 * same for theirs. Every thread runs this class; the engine only moves the arrays between them.
 */
import type { FloatArray, Kernels } from '../kernels/kernels';
import type { Optimizer } from '../optimizers/optimizer';
import type { Param, ParamSlice } from '../param';
import { paramStarts, sliceRange } from './param-ranges';

/** Another thread's contribution to this range: its weight n_k / n and its mean gradient over [lo, hi), per slice. */
export interface RangeGradient {
  weight: number;
  grads: readonly FloatArray[];
}

export class RangeUpdate {
  /** This thread's parts of the params (views of their values and grads), in params() order. */
  readonly slices: ParamSlice[];
  /** Index in params() of each slice's param. */
  private readonly paramIndex: number[];
  /** Flat offset of each slice's first element, relative to lo. */
  private readonly at: number[];
  /** The slices' values before the last apply(), for restore(): this thread's copy (made lazily), or another thread's. */
  private backup: readonly FloatArray[] | null = null;
  /** Where apply() saves them when no other thread holds them: made at the first such apply. */
  private saved: FloatArray[] | null = null;
  /** Whether apply() ran in this step (since the last reduce()) and restore() has not undone it. */
  private applied = false;

  constructor(
    readonly params: readonly Param[],
    readonly lo: number,
    readonly hi: number,
    private readonly optimizer: Optimizer,
    private readonly kernels: Kernels,
  ) {
    this.slices = sliceRange(params, lo, hi);
    const starts = paramStarts(params);
    this.paramIndex = this.slices.map((s) => params.indexOf(s.parent));
    this.at = this.slices.map((s, k) => starts[this.paramIndex[k]] + s.offset - lo);
  }

  /**
   * g ← w_self · g + Σ_k w_k · g_k over this range, in the order given (one kernels.scaleAdd pass per other thread
   * and slice; a weight of 0 leaves that thread out, so a thread that computed no rows contributes nothing, not 0·NaN).
   * Returns whether a reduced element is NaN or ±Infinity.
   */
  reduce(selfWeight: number, others: readonly RangeGradient[]): boolean {
    this.applied = false; // a new step: restore() must not bring back an older step's values
    const contributing = others.filter((o) => o.weight > 0);
    if (selfWeight === 0) for (const s of this.slices) s.grad.fill(0);
    if (contributing.length === 0) return this.slices.some((s) => this.kernels.hasNonFinite(s.grad));
    let nonFinite = false;
    this.slices.forEach((s, k) => {
      contributing.forEach((o, j) => {
        const last = this.kernels.scaleAdd(s.grad, j === 0 ? selfWeight : 1, o.grads[k], o.weight);
        if (j === contributing.length - 1 && last) nonFinite = true;
      });
    });
    return nonFinite;
  }

  /**
   * reduce, then apply: one pass per slice when the optimizer fuses them (SGD) and one other thread contributes (2
   * threads), with the same result; returns whether an updated value is NaN or ±Infinity.
   */
  reduceAndApply(
    selfWeight: number,
    others: readonly RangeGradient[],
    learningRate: number,
    held: readonly FloatArray[] | null = null,
  ): boolean {
    const contributing = others.filter((o) => o.weight > 0);
    if (!this.optimizer.reduceStep || contributing.length !== 1 || selfWeight === 0) {
      this.reduce(selfWeight, others);
      return this.apply(learningRate, held);
    }
    this.save(held);
    const [{ weight, grads }] = contributing;
    let nonFinite = false;
    this.slices.forEach((s, k) => {
      if (this.optimizer.reduceStep?.(s, selfWeight, grads[k], weight, learningRate)) nonFinite = true;
    });
    this.applied = true;
    return nonFinite;
  }

  /** Whether the optimizer keeps no state: see Optimizer.stateless (the gradient is then checked after the update). */
  get stateless(): boolean {
    return this.optimizer.stateless === true;
  }

  /** A flat array over [lo, hi) (e.g. another thread's gradient) cut into views matching `slices`. */
  perSlice(flat: FloatArray): FloatArray[] {
    return this.slices.map((s, k) => flat.subarray(this.at[k], this.at[k] + s.value.length));
  }

  /**
   * Saves the range, applies one optimizer step to it; returns whether an updated value is NaN or ±Infinity.
   * `held`: the range's current values as another thread holds them, per slice, untouched until the step's values
   * are exchanged; restore() then copies from there, and nothing is saved here.
   */
  apply(learningRate: number, held: readonly FloatArray[] | null = null): boolean {
    this.save(held);
    this.optimizer.step(this.slices, learningRate);
    this.applied = true;
    return this.slices.some((s) => this.kernels.hasNonFinite(s.value));
  }

  /** Keeps what restore() will copy back: `held` (another thread's copy of the range), else a copy made here. */
  private save(held: readonly FloatArray[] | null): void {
    if (held) this.backup = held;
    else {
      this.saved ??= this.slices.map((s) => s.value.slice());
      this.saved.forEach((b, k) => b.set(this.slices[k].value));
      this.backup = this.saved;
    }
  }

  /** Puts back the values of before the last apply() (a no-op when nothing was applied since). */
  restore(): void {
    const backup = this.backup;
    if (!this.applied || !backup) return;
    this.slices.forEach((s, k) => s.value.set(backup[k]));
    this.applied = false;
  }

  /** Index in params() of the first param whose part in this range has a non-finite `field` element, or -1. */
  firstNonFinite(field: 'grad' | 'value'): number {
    const k = this.slices.findIndex((s) => this.kernels.hasNonFinite(s[field]));
    return k < 0 ? -1 : this.paramIndex[k];
  }
}
