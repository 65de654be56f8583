/** Trainable parameters and named tensors: what optimizers update and what model files store. */
import type { FloatArray } from './matrix';

/** A trainable tensor with its gradient; optimizers key their state on this object. */
export interface Param {
  /** "layers.0.W" (D×M), "layers.0.b" (M), "layers.3.gamma" (D). */
  name: string;
  shape: number[];
  value: FloatArray;
  grad: FloatArray;
}

/** One named tensor (same shape as src/shared/model.ts NamedTensor, copied because core imports nothing outside itself). */
export interface NamedTensor {
  name: string;
  shape: number[];
  data: Float32Array | Float64Array;
}

/**
 * Elements [offset, offset + length) of one param, viewing its value and grad (no copy): the part of the param that
 * one thread of a data-parallel update owns. Optimizers treat it as a param of its own, except that their state
 * for it is the same range of the parent's state (see ParamState), so a checkpoint sees one whole tensor.
 */
export interface ParamSlice extends Param {
  parent: Param;
  offset: number;
}

/** `length` elements of `p` from `offset`, named like `p` (a non-finite report names the whole param). */
export function sliceParam(p: Param, offset: number, length: number): ParamSlice {
  if (!(Number.isInteger(offset) && Number.isInteger(length) && offset >= 0 && length >= 0 && offset + length <= p.value.length))
    throw new RangeError(`sliceParam: [${offset}, ${offset + length}) is not within ${p.name}'s ${p.value.length} values`);
  return {
    name: p.name,
    shape: [length],
    value: p.value.subarray(offset, offset + length),
    grad: p.grad.subarray(offset, offset + length),
    parent: p,
    offset,
  };
}

/** Whether `p` is a slice of another param. */
export function isParamSlice(p: Param): p is ParamSlice {
  return 'parent' in p;
}
