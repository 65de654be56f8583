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
