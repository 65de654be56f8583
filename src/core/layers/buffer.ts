/** A reusable output buffer: allocated through the kernels once, then reused for every batch that fits. */
import type { Dtype, Matrix } from '../matrix';
import type { FloatArray, Kernels } from '../kernels/kernels';

/** Hands out an N×C matrix view over one growing allocation, so the steady state allocates nothing. */
export class MatrixBuffer {
  private storage: FloatArray | null = null;
  private view: Matrix | null = null;

  constructor(
    private readonly kernels: Kernels,
    private readonly dtype: Dtype,
  ) {}

  /** A rows×cols matrix; its contents are whatever the last user left (callers overwrite it). */
  get(rows: number, cols: number): Matrix {
    if (this.view && this.view.rows === rows && this.view.cols === cols) return this.view;
    const length = rows * cols;
    if (!this.storage || this.storage.length < length) this.storage = this.kernels.allocate(this.dtype, length);
    const data = this.storage.length === length ? this.storage : this.storage.subarray(0, length);
    this.view = { rows, cols, data };
    return this.view;
  }
}

/** Throw unless x has `cols` columns and the layer's dtype. */
export function checkInput(layer: string, x: Matrix, cols: number, dtype: Dtype): void {
  if (x.cols !== cols) throw new Error(`${layer}: input has ${x.cols} columns, expected ${cols}`);
  const actual = x.data instanceof Float64Array ? 'float64' : 'float32';
  if (actual !== dtype) throw new Error(`${layer}: input is ${actual}, the network computes in ${dtype}`);
  if (x.data.length !== x.rows * x.cols) {
    throw new Error(`${layer}: input data has ${x.data.length} elements, expected ${x.rows}×${x.cols}`);
  }
}

/** Throw unless dout has the shape of the layer's last output. */
export function checkDout(layer: string, dout: Matrix, out: Matrix | null): void {
  if (!out) throw new Error(`${layer}: backward called before forward`);
  if (dout.rows !== out.rows || dout.cols !== out.cols) {
    throw new Error(`${layer}: dout is ${dout.rows}×${dout.cols}, expected ${out.rows}×${out.cols} like the forward output`);
  }
}
