/**
 * One thread's side of a data-parallel step's two exchanges over shared memory (the run thread and every helper use
 * it): publish its gradient and wait for the others'; publish its updated range and verdict, wait for the others',
 * and copy their ranges in. No message is posted: each thread bumps its own counter and the others poll it.
 *
 * Where the others' arrays are read: when every thread's kernels compute on one shared WebAssembly memory (`inPlace`,
 * shared-memory.ts), in place, in the other thread's own params (each thread publishes where its params lie, once);
 * otherwise through the exchange buffers, into which each thread first copies what the others need.
 */
import type { ExchangedGradients, FloatArray, Param, ParamSlice } from '../../core/index';
import { firstFound, paramStarts, sliceRange } from '../../core/index';
import type { Precision } from '../../core/spec';
import { GRADIENT_ERROR_BYTES, ScalarSlot, ThreadSlot, threadSlot, type GradientBuffers } from '../../shared/workers/gradient';
import { AdaptiveSpin } from './spin-wait';

/** How long one wait blocks before it checks again whether a thread failed. */
export const WAIT_SLICE_MS = 200;

/** A Float32Array or Float64Array view of a shared buffer, by precision: all of it, or `length` elements from byte `offset`. */
export function floatView(buffer: ArrayBufferLike, precision: Precision, offset = 0, length?: number): FloatArray {
  return precision === 'float64' ? new Float64Array(buffer, offset, length) : new Float32Array(buffer, offset, length);
}

/** A param slice, its param's index in params() and the flat offset of its first element. */
interface Placed {
  slice: ParamSlice;
  param: number;
  at: number;
}

/** The slices of [lo, hi) placed in the flat layout. */
function place(params: readonly Param[], lo: number, hi: number): Placed[] {
  const starts = paramStarts(params);
  return sliceRange(params, lo, hi).map((slice) => {
    const param = params.indexOf(slice.parent);
    return { slice, param, at: starts[param] + slice.offset };
  });
}

/** Views of another thread's arrays, per slice of a placed list. */
type Sources = FloatArray[][];

export class ThreadExchange {
  readonly header: Int32Array;
  readonly scalars: Float64Array;
  /** Every parameter value, flat: thread k publishes its range here. */
  readonly values: FloatArray;
  private readonly grads: FloatArray[];
  /**
   * Views, made once: every other thread's gradient over this thread's range, per own slice, in thread order; and per
   * thread, its updated values over its range, per incoming slice (own range empty).
   */
  private sources: { grads: Sources; values: Sources; held: FloatArray[] | null } | null = null;
  /** The params' byte offsets in `heap` of every thread (in place only): [value, grad] per param, thread after thread. */
  private readonly addresses: Int32Array | null;
  /** In place: the shared memory this thread's params lie in (every thread's do). */
  private readonly heap: SharedArrayBuffer | null = null;
  private readonly errors: Uint8Array;
  private readonly threads: number;
  private readonly spin = new AdaptiveSpin();
  /** This thread's range, and its params outside it (what the others need of its gradient). */
  private readonly own: Placed[];
  private readonly outside: Placed[];
  /** Per thread: this thread's params within that thread's range (where its updated values come in); own range empty. */
  private readonly incoming: Placed[][];

  constructor(
    buffers: GradientBuffers,
    private readonly precision: Precision,
    params: readonly Param[],
    readonly bounds: readonly number[],
    readonly rank: number,
    inPlace = false,
  ) {
    this.threads = bounds.length - 1;
    this.header = new Int32Array(buffers.header);
    this.scalars = new Float64Array(buffers.scalars);
    this.values = floatView(buffers.values, precision);
    this.grads = buffers.grads.map((g) => floatView(g, precision));
    this.errors = new Uint8Array(buffers.errors);
    const lo = bounds[rank];
    const hi = bounds[rank + 1];
    const total = bounds[this.threads];
    this.own = place(params, lo, hi);
    this.outside = [...place(params, 0, lo), ...place(params, hi, total)];
    this.incoming = bounds.slice(0, -1).map((b, k) => (k === rank ? [] : place(params, b, bounds[k + 1])));
    this.addresses = inPlace && buffers.addresses ? new Int32Array(buffers.addresses) : null;
    if (inPlace && !this.addresses) throw new Error('ThreadExchange: in place needs GradientBuffers.addresses');
    const addresses = this.addresses;
    if (!addresses) {
      const flat = (buffer: FloatArray, placed: Placed[]): FloatArray[] =>
        placed.map(({ slice, at }) => buffer.subarray(at, at + slice.value.length));
      const grads = this.grads.filter((_, k) => k !== rank).map((g) => flat(g, this.own));
      this.sources = { grads, values: this.incoming.map((placed) => flat(this.values, placed)), held: null };
      return;
    }
    // The memory the kernels compute on, as this thread sees it (a posted memory is a new object on each thread).
    const heap = params[0]?.value.buffer;
    if (!(heap instanceof SharedArrayBuffer)) throw new Error("data-parallel: the params are not in the threads' shared memory");
    params.forEach((p, i) => {
      if (p.value.buffer !== heap || p.grad.buffer !== heap)
        throw new Error(`data-parallel: ${p.name} is not in the threads' shared memory`);
      Atomics.store(addresses, 2 * (rank * params.length + i), p.value.byteOffset);
      Atomics.store(addresses, 2 * (rank * params.length + i) + 1, p.grad.byteOffset);
    });
    this.heap = heap;
  }

  /**
   * In place: views of the other threads' arrays where this thread reads them (their gradients over its range, their
   * values over theirs), made at the first exchange, when every thread has published where its params lie.
   */
  private resolve(): NonNullable<ThreadExchange['sources']> {
    if (this.sources) return this.sources;
    const { addresses, heap } = this;
    if (!addresses || !heap) throw new Error('ThreadExchange: no sources'); // the copying exchange made them at construction
    const count = addresses.length / 2 / this.threads;
    // Thread k's `field` (0: value, 1: grad) over the elements of a slice of this thread's params.
    const view = (k: number, field: 0 | 1, { slice, param }: Placed): FloatArray => {
      const offset = Atomics.load(addresses, 2 * (k * count + param) + field) + slice.offset * this.values.BYTES_PER_ELEMENT;
      return floatView(heap, this.precision, offset, slice.value.length);
    };
    const grads = Array.from({ length: this.threads }, (_, k) => k)
      .filter((k) => k !== this.rank)
      .map((k) => this.own.map((p) => view(k, 1, p)));
    // The next thread's copy of this range: it holds the values of before this step's update until it copies the
    // updated ones in, after this thread has published them (so restore() can read them there).
    const held = this.own.map((p) => view((this.rank + 1) % this.threads, 0, p));
    this.sources = { grads, values: this.incoming.map((placed, k) => placed.map((p) => view(k, 0, p))), held };
    return this.sources;
  }

  /** Thread k's `slot` in the header. */
  slot(k: number, slot: number): number {
    return Atomics.load(this.header, threadSlot(k, slot));
  }

  /** Set this thread's `slot` and wake whoever waits on it. */
  signal(slot: number, value: number): void {
    const index = threadSlot(this.rank, slot);
    Atomics.store(this.header, index, value);
    Atomics.notify(this.header, index);
  }

  /**
   * Step `step`: this thread's mean loss, its first non-finite gradient param (-1: none) and its gradient outside
   * its own range, then its `grads` counter.
   */
  publishGradients(step: number, loss: number, nonFinite: number): void {
    const g = this.grads[this.rank];
    if (!this.addresses) for (const { slice, at } of this.outside) g.set(slice.grad, at);
    this.scalars[ScalarSlot.loss + this.rank] = loss;
    Atomics.store(this.header, threadSlot(this.rank, ThreadSlot.gradientNonFinite), nonFinite);
    this.signal(ThreadSlot.grads, step);
  }

  /** Wait for every other thread's gradient of step `step`: counts, losses and their gradients over this thread's range. */
  awaitGradients(step: number): ExchangedGradients {
    for (let k = 0; k < this.threads; k++) if (k !== this.rank) this.await(k, ThreadSlot.grads, step);
    const counts = Array.from({ length: this.threads }, (_, k) => this.slot(k, ThreadSlot.count));
    const losses = counts.map((c, k) => (c > 0 ? this.scalars[ScalarSlot.loss + k] : 0));
    const nonFinite = counts.map((c, k) => (c > 0 ? this.slot(k, ThreadSlot.gradientNonFinite) : -1));
    const { grads, held } = this.resolve();
    return { counts, losses, nonFinite, rank: this.rank, grads, held };
  }

  /**
   * Step `step`: publish this thread's weight check (first non-finite updated param in its range, -1: none) and, when
   * clear, its updated range; wait for every other thread's; when no thread found a non-finite weight, copy their
   * ranges into this thread's params. Returns the lowest such param over all ranges, or -1.
   */
  exchangeValues(step: number, nonFinite: number): number {
    Atomics.store(this.header, threadSlot(this.rank, ThreadSlot.weightNonFinite), nonFinite);
    if (nonFinite < 0 && !this.addresses) for (const { slice, at } of this.own) this.values.set(slice.value, at);
    this.signal(ThreadSlot.values, step);
    const found: number[] = [];
    for (let k = 0; k < this.threads; k++) {
      if (k !== this.rank) this.await(k, ThreadSlot.values, step);
      found.push(this.slot(k, ThreadSlot.weightNonFinite));
    }
    const first = firstFound(found);
    if (first < 0)
      this.resolve().values.forEach((from, k) => this.incoming[k].forEach(({ slice }, j) => slice.value.set(from[j])));
    return first;
  }

  /**
   * Step `step`, after a non-finite update of a stateless optimizer: publish the first param with a non-finite reduced
   * gradient in this thread's range (-1: none), wait for every other thread's; the lowest over all ranges, or -1.
   */
  exchangeGradientChecks(step: number, nonFinite: number): number {
    Atomics.store(this.header, threadSlot(this.rank, ThreadSlot.reducedNonFinite), nonFinite);
    this.signal(ThreadSlot.checks, step);
    const found: number[] = [];
    for (let k = 0; k < this.threads; k++) {
      if (k !== this.rank) this.await(k, ThreadSlot.checks, step);
      found.push(this.slot(k, ThreadSlot.reducedNonFinite));
    }
    return firstFound(found);
  }

  /**
   * Block until thread k's `slot` equals `value`: poll, then sleep in slices; throw a failed helper's message, or
   * once `deadline` (performance.now()) passes.
   */
  await(k: number, slot: number, value: number, deadline = Infinity): void {
    const index = threadSlot(k, slot);
    for (;;) {
      const seen = Atomics.load(this.header, index);
      if (seen === value) return;
      this.throwIfFailed();
      if (performance.now() >= deadline)
        throw new Error('gradient helper thread did not start (its bundle did not load or build)');
      // Poll first: the other thread usually arrives within a share's compute time, well before a sleep pays.
      this.spin.wait(this.header, index, seen, WAIT_SLICE_MS);
    }
  }

  /** The spin budget now (the bench's probe records it). */
  get spinBudget(): number {
    return this.spin.budget;
  }

  /** Throws "gradient helper thread failed: …" with the first failed helper's message. */
  throwIfFailed(): void {
    for (let k = 1; k < this.threads; k++) {
      if (this.slot(k, ThreadSlot.failed) === 0) continue;
      const bytes = this.errors.subarray((k - 1) * GRADIENT_ERROR_BYTES, k * GRADIENT_ERROR_BYTES);
      const end = bytes.indexOf(0);
      throw new Error(`gradient helper thread failed: ${new TextDecoder().decode(bytes.slice(0, end < 0 ? bytes.length : end))}`);
    }
  }
}
