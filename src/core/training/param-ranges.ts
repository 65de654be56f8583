/**
 * The parameters of a network seen as one flat vector (params() order, each param's values row-major), split into
 * contiguous ranges, one per thread of a data-parallel update: thread k reduces, updates and publishes [b_k, b_k+1).
 */
import type { Param, ParamSlice } from '../param';
import { sliceParam } from '../param';
import type { OptimizerState } from '../optimizers/optimizer';

/**
 * A range boundary inside a param falls on a multiple of this many elements from the param's start: 64 bytes of
 * float32, so a range's SIMD passes start on a cache line (params are allocated 64-byte aligned).
 */
export const RANGE_ALIGN = 16;

/** Flat offset of each param's first element, and the total as a last entry: P + 1 numbers. */
export function paramStarts(params: readonly Param[]): number[] {
  const starts = [0];
  for (const p of params) starts.push(starts[starts.length - 1] + p.value.length);
  return starts;
}

/**
 * `parts + 1` flat offsets 0 = b_0 ≤ b_1 ≤ … ≤ b_parts = total cutting the parameters into near-equal ranges; a cut
 * inside a param is rounded to RANGE_ALIGN elements from its start.
 */
export function partitionParams(params: readonly Param[], parts: number): number[] {
  if (!(Number.isInteger(parts) && parts >= 1)) throw new RangeError(`partitionParams: parts must be ≥ 1, got ${parts}`);
  const starts = paramStarts(params);
  const total = starts[params.length];
  const bounds = [0];
  for (let k = 1; k < parts; k++) {
    const target = Math.round((total * k) / parts);
    let i = 0;
    while (i < params.length - 1 && starts[i + 1] <= target) i++;
    const length = params.length === 0 ? 0 : params[i].value.length;
    const local = Math.min(length, Math.round((target - starts[i]) / RANGE_ALIGN) * RANGE_ALIGN);
    bounds.push(Math.max(bounds[k - 1], starts[i] + local));
  }
  bounds.push(total);
  return bounds;
}

/** The slices of `params` covering flat range [lo, hi), in params() order (params outside it are left out). */
export function sliceRange(params: readonly Param[], lo: number, hi: number): ParamSlice[] {
  const starts = paramStarts(params);
  const slices: ParamSlice[] = [];
  params.forEach((p, i) => {
    const from = Math.max(lo, starts[i]);
    const to = Math.min(hi, starts[i + 1]);
    if (to > from) slices.push(sliceParam(p, from - starts[i], to - from));
  });
  return slices;
}

/**
 * Optimizer state as flat float64 slots: tensor `s · P + i` of an exportState (slot s of param i, exportSlots'
 * order) at `flat[s · total + starts[i] …]`. Copies the part of every tensor that lies in [lo, hi) into `flat`.
 */
export function writeStateRange(
  state: OptimizerState,
  params: readonly Param[],
  flat: Float64Array,
  lo: number,
  hi: number,
): void {
  forEachRange(state, params, lo, hi, (data, from, to, at) => flat.set(data.subarray(from, to), at));
}

/** The inverse of writeStateRange: the part of every tensor of `state` that lies in [lo, hi), read from `flat`. */
export function readStateRange(
  state: OptimizerState,
  params: readonly Param[],
  flat: Float64Array,
  lo: number,
  hi: number,
): void {
  forEachRange(state, params, lo, hi, (data, from, to, at) => data.set(flat.subarray(at, at + (to - from)), from));
}

/** Calls `copy(tensor data, first, end, flat offset)` for the part of each tensor of `state` within [lo, hi). */
function forEachRange(
  state: OptimizerState,
  params: readonly Param[],
  lo: number,
  hi: number,
  copy: (data: Float32Array | Float64Array, from: number, to: number, at: number) => void,
): void {
  const starts = paramStarts(params);
  const total = starts[params.length];
  state.tensors.forEach((t, index) => {
    const slot = Math.floor(index / params.length);
    const i = index % params.length;
    if (t.data.length !== params[i].value.length)
      throw new RangeError(`optimizer state: "${t.name}" has ${t.data.length} values, expected ${params[i].value.length}`);
    const from = Math.max(lo, starts[i]);
    const to = Math.min(hi, starts[i + 1]);
    if (to > from) copy(t.data, from - starts[i], to - starts[i], slot * total + from);
  });
}
