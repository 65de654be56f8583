/** Copies rows of a Dataset into fixed batch buffers in the network's precision (no allocation per batch). */
import type { Dataset } from '../datasets/dataset';
import type { Kernels, FloatArray } from '../kernels/kernels';
import type { Dtype, Matrix } from '../matrix';
import type { Labels } from '../labels';

export class BatchLoader {
  /** Fixed buffers of `capacity` rows: features (capacity×d), class indices, regression targets (capacity×T). */
  private readonly x: FloatArray;
  private readonly classes: Int32Array;
  private readonly targets: FloatArray;
  /** The dataset whose rows are held by the kernels (kernels.holdRows), and that copy (null: gather from data.x). */
  private heldFor: Dataset | null = null;
  private heldRows: FloatArray | null = null;

  constructor(
    readonly capacity: number,
    private readonly d: number,
    private readonly targetWidth: number,
    private readonly dtype: Dtype,
    private readonly kernels: Kernels,
  ) {
    this.x = kernels.allocate(dtype, capacity * d);
    this.classes = new Int32Array(capacity);
    this.targets = kernels.allocate(dtype, capacity * targetWidth);
  }

  /**
   * Rows order[start .. start+count) of `data` (or rows start.. when order is null) → x: count×d and labels.
   * count must be ≤ capacity. A shuffled load (order given) asks the kernels to hold a copy of data.x once, and then
   * gathers from it (the WebAssembly gather from its own memory is 2–3× faster than a TypedArray.set per row from
   * the shared training set); data.x must not change while the loader is in use.
   */
  load(data: Dataset, order: Int32Array | null, start: number, count: number): { x: Matrix; t: Labels } {
    if (count > this.capacity) throw new Error(`BatchLoader: ${count} rows exceed the buffer of ${this.capacity}`);
    const d = this.d;
    const w = this.targetWidth;
    const x = count === this.capacity ? this.x : this.x.subarray(0, count * d);
    const target = data.target;
    const held = order ? this.held(data) : null;
    if (order && held) this.kernels.gatherRows(held, d, order.subarray(start, start + count), count, x);
    for (let k = 0; k < count; k++) {
      const row = order ? order[start + k] : start + k;
      if (!held) x.set(data.x.subarray(row * d, row * d + d), k * d);
      if (target.kind === 'classes') this.classes[k] = target.y[row];
      else this.targets.set(target.y.subarray(row * w, row * w + w), k * w);
    }
    const xm: Matrix = { rows: count, cols: d, data: x };
    if (target.kind === 'classes') return { x: xm, t: count === this.capacity ? this.classes : this.classes.subarray(0, count) };
    const y = count === this.capacity ? this.targets : this.targets.subarray(0, count * w);
    return { x: xm, t: { rows: count, cols: w, data: y } };
  }

  /** The kernels' copy of data.x in the batch dtype, asked for once per dataset (null when they keep none). */
  private held(data: Dataset): FloatArray | null {
    if (this.heldFor !== data) {
      this.heldFor = data;
      this.heldRows = this.kernels.holdRows(data.x, this.dtype);
    }
    return this.heldRows;
  }
}
