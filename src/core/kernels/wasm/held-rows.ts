/** Copies of training sets kept in the WebAssembly memory for the batch gather: one per source array and dtype. */
import type { FloatArray } from '../kernels';

type Dtype = 'float32' | 'float64';

export class HeldRows {
  /** The copies made so far (bump-allocated by the backend, freed only all at once: see forget), per source array and dtype. */
  private copies = new WeakMap<Float32Array, Partial<Record<Dtype, FloatArray>>>();

  /** `allocate` hands out zeroed views on the memory; `freeBytes` says how much is left. */
  constructor(
    private readonly allocate: (dtype: Dtype, length: number) => FloatArray,
    private readonly freeBytes: () => number,
  ) {}

  /** Forget every copy (the backend's memory was reset: their bytes are no longer theirs). */
  forget(): void {
    this.copies = new WeakMap();
  }

  /** The copy of x in dtype: made on first request when it takes at most half of the free bytes, else null. */
  hold(x: Float32Array, dtype: Dtype): FloatArray | null {
    const copies = this.copies.get(x) ?? {};
    const known = copies[dtype];
    if (known) return known;
    const bytes = x.length * (dtype === 'float64' ? 8 : 4);
    if (x.length === 0 || bytes > this.freeBytes() / 2) return null;
    const copy = this.allocate(dtype, x.length);
    copy.set(x);
    copies[dtype] = copy;
    this.copies.set(x, copies);
    return copy;
  }
}
