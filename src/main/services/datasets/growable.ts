/** Growing typed arrays for streaming import: a float32 matrix on a growable SharedArrayBuffer, and plain growing columns. */

/** The ES2024 growable SharedArrayBuffer (Node 20 has it; the project's ES2023 lib does not declare it). */
interface GrowableSharedArrayBuffer extends SharedArrayBuffer {
  grow(byteLength: number): void;
  readonly maxByteLength: number;
}
type GrowableCtor = new (byteLength: number, options: { maxByteLength: number }) => GrowableSharedArrayBuffer;
const GrowableSAB = SharedArrayBuffer as unknown as GrowableCtor;

/**
 * N×D float32 rows appended one at a time into shared memory that grows in place (no copy),
 * so that the finished matrix is handed to training workers without copying.
 */
export class SharedRows {
  private readonly sab: GrowableSharedArrayBuffer;
  /** Length-tracking view: always covers the whole buffer, even after grow(). */
  data: Float32Array;
  rows = 0;

  constructor(
    readonly d: number,
    maxBytes: number,
    initialRows = 1024,
  ) {
    const max = Math.max(4 * d * initialRows, Math.ceil(maxBytes / 4) * 4);
    this.sab = new GrowableSAB(Math.min(max, 4 * d * initialRows), { maxByteLength: max });
    this.data = new Float32Array(this.sab);
  }

  /** Make room for one more row; returns the offset where it starts. */
  reserveRow(): number {
    const need = (this.rows + 1) * this.d * 4;
    if (need > this.sab.byteLength) {
      if (need > this.sab.maxByteLength) throw new RangeError(`the matrix needs more than ${this.sab.maxByteLength} bytes`);
      this.sab.grow(Math.min(this.sab.maxByteLength, Math.max(need, Math.ceil((this.sab.byteLength * 1.5) / 4) * 4)));
    }
    return this.rows * this.d;
  }

  /** The finished matrix: rows×d (a fixed-length view on the shared buffer). */
  finish(): Float32Array {
    return new Float32Array(this.sab, 0, this.rows * this.d);
  }
}

/** A growing Int32 or Float64 column. */
export class GrowingColumn<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (n: number) => T,
  ) {}

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(Math.max(16, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  /** The pushed values (a view; do not keep pushing after taking it). */
  values(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

export const int32Column = () => new GrowingColumn(new Int32Array(1024), (n) => new Int32Array(n));
export const float64Column = () => new GrowingColumn(new Float64Array(1024), (n) => new Float64Array(n));
