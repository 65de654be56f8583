/** The WebAssembly SIMD backend: buffers live in the module's memory, foreign arrays are staged through scratch space. */
import type { FloatArray, Kernels } from '../kernels';
import { referenceKernels } from '../reference';
import { Arena } from './arena';
import { checkFloatArray, checkGemm, checkRowOp, checkScaleAdd, checkSize } from './check-args';
import { checkGatherRows, checkSoftmaxCrossEntropy } from './check-args';
import type { KernelExports } from './exports';
import { HeldRows } from './held-rows';
import { runCeilingProbe } from './ceiling-probe';
import * as activations from './wasm-activations';
import * as optimizers from './wasm-optimizers';
import type { Stager } from './wasm-activations';

export class WasmKernels implements Kernels {
  /** The module's memory buffer: fixed for the life of this backend, since the memory is never grown after creation. */
  private readonly buffer: ArrayBuffer | SharedArrayBuffer;
  /** Whole-memory views used to copy foreign arrays in and out without allocating a view per call. */
  private readonly heap32: Float32Array;
  private readonly heap64: Float64Array;
  private readonly heapI32: Int32Array;
  /** Permanent buffers (allocate) grow from the bottom; per-call scratch sits above them and is released after the call. */
  private readonly arena: Arena;

  /** `fns`: instantiated with memory at its final size. `region`: where to allocate (a thread's part of a shared memory). */
  constructor(
    readonly name: string,
    private readonly fns: KernelExports,
    region = { start: fns.heapBase(), end: fns.memory.buffer.byteLength },
  ) {
    this.buffer = fns.memory.buffer;
    this.heap32 = new Float32Array(this.buffer);
    this.heap64 = new Float64Array(this.buffer);
    this.heapI32 = new Int32Array(this.buffer);
    this.arena = new Arena(region.start, region.end);
  }

  /** A view of `length` elements at byte `offset` of this memory: another thread's buffer when the memory is shared. */
  view(dtype: 'float32' | 'float64', offset: number, length: number): FloatArray {
    return dtype === 'float64' ? new Float64Array(this.buffer, offset, length) : new Float32Array(this.buffer, offset, length);
  }

  /** The f32x4 ceiling probe (ceiling-probe.ts): `iterations` × 96 flops in registers; returns the flops done. */
  ceilingProbe(iterations: number): number {
    return runCeilingProbe(this.fns, 'float32', iterations);
  }

  /** The f64x2 ceiling probe (ceiling-probe.ts): `iterations` × 48 flops in registers; returns the flops done. */
  ceilingProbeF64(iterations: number): number {
    return runCeilingProbe(this.fns, 'float64', iterations);
  }

  /**
   * Free every buffer handed out (allocate, holdRows) for the next job of this thread, once the last one is over. The
   * instance stays: V8's optimized JavaScript embeds its functions, and a new instance would discard that code.
   */
  reset(): void {
    this.arena.reset();
    this.held.forget();
  }

  /** Bytes of WebAssembly memory reserved for this backend's buffers and scratch (its region's end: the whole memory when not shared). */
  get capacityBytes(): number {
    return this.arena.end;
  }

  /** Bytes still free for allocate and for staging foreign arrays. */
  get freeBytes(): number {
    return this.arena.free;
  }

  /** True when `x` is a view on this backend's memory (gemm then reads or writes it in place). */
  owns(x: FloatArray): boolean {
    return x.buffer === this.buffer;
  }

  /**
   * A zeroed view on the WebAssembly memory, or an ordinary typed array once the memory is full
   * (still correct, only staged through scratch on every call).
   */
  allocate(dtype: 'float32', length: number): Float32Array;
  allocate(dtype: 'float64', length: number): Float64Array;
  allocate(dtype: 'float32' | 'float64', length: number): FloatArray;
  allocate(dtype: 'float32' | 'float64', length: number): FloatArray {
    checkSize('allocate', 'length', length);
    if (dtype !== 'float32' && dtype !== 'float64') {
      throw new TypeError(`allocate: dtype must be 'float32' or 'float64', got ${String(dtype)}`);
    }
    const bytesPer = dtype === 'float64' ? 8 : 4;
    const ptr = this.arena.alloc(length * bytesPer);
    if (ptr < 0) return referenceKernels.allocate(dtype, length);
    const view = dtype === 'float64' ? new Float64Array(this.buffer, ptr, length) : new Float32Array(this.buffer, ptr, length);
    return view.fill(0); // scratch may have used these bytes before
  }

  /** C (+)= op(A)·op(B).  op(A): m×k (A stored k×m when transA), op(B): k×n (B stored n×k when transB), C: m×n. */
  gemm(
    a: FloatArray,
    b: FloatArray,
    c: FloatArray,
    m: number,
    n: number,
    k: number,
    transA: boolean,
    transB: boolean,
    accumulate: boolean,
  ): void {
    checkGemm(a, b, c, m, n, k, transA, transB);
    if (m === 0 || n === 0) return;
    const mark = this.arena.mark();
    const pa = this.stage(a, m * k, true);
    const pb = this.stage(b, k * n, true);
    const pc = this.stage(c, m * n, accumulate);
    if (pa < 0 || pb < 0 || pc < 0) {
      this.arena.release(mark);
      referenceKernels.gemm(a, b, c, m, n, k, transA, transB, accumulate);
      return;
    }
    const gemm = c instanceof Float64Array ? this.fns.gemmF64 : this.fns.gemmF32;
    gemm(pa, pb, pc, m, n, k, transA ? 1 : 0, transB ? 1 : 0, accumulate ? 1 : 0);
    if (!this.owns(c)) this.unstage(c, pc, m * n);
    this.arena.release(mark);
  }

  /** x[i, :] += v for every row i.  x: rows×cols (in place), v: cols. */
  addRowVector(x: FloatArray, v: FloatArray, rows: number, cols: number): void {
    checkRowOp('addRowVector', x, v, rows, cols, 'v');
    const fn = x instanceof Float64Array ? this.fns.addRowVectorF64 : this.fns.addRowVectorF32;
    if (!this.staged([x, v], [rows * cols, cols], 'bi', ([px, pv]) => fn(px, pv, rows, cols)))
      referenceKernels.addRowVector(x, v, rows, cols);
  }

  /** out[j] = Σ_i x[i, j] (overwrites out).  x: rows×cols, out: cols. */
  sumRows(x: FloatArray, out: FloatArray, rows: number, cols: number): void {
    checkRowOp('sumRows', x, out, rows, cols, 'out');
    const fn = x instanceof Float64Array ? this.fns.sumRowsF64 : this.fns.sumRowsF32;
    if (!this.staged([x, out], [rows * cols, cols], 'io', ([px, po]) => fn(px, po, rows, cols)))
      referenceKernels.sumRows(x, out, rows, cols);
  }

  /** True when some element of x is NaN or ±Infinity (SIMD scan; x staged when it is not in this memory). */
  hasNonFinite(x: FloatArray): boolean {
    checkFloatArray('hasNonFinite', x);
    const fn = x instanceof Float64Array ? this.fns.hasNonFiniteF64 : this.fns.hasNonFiniteF32;
    let found = 0;
    if (!this.staged([x], [x.length], 'i', ([px]) => (found = fn(px, x.length)))) return referenceKernels.hasNonFinite(x);
    return found !== 0;
  }

  /** y ← a·y + b·x over y; true when some new y is NaN or ±Infinity. */
  scaleAdd(y: FloatArray, a: number, x: FloatArray, b: number): boolean {
    checkScaleAdd(y, x);
    const n = y.length;
    const fn = y instanceof Float64Array ? this.fns.scaleAddF64 : this.fns.scaleAddF32;
    let found = 0;
    if (!this.staged([y, x], [n, n], 'bi', ([py, px]) => (found = fn(py, a, px, b, n))))
      return referenceKernels.scaleAdd(y, a, x, b);
    return found !== 0;
  }

  /** g ← a·g + b·x, then w ← w − lr·g in one pass (a split step's SGD range); true when some new w is non-finite. */
  readonly reduceSgdStep: Kernels['reduceSgdStep'] = (...args) => optimizers.reduceSgdStep(this.fns, this.stager, ...args);

  /** Momentum: v ← momentum·v − lr·dW; W ← W + v (f64 arithmetic: equal to the reference bit for bit). */
  readonly momentumStep: Kernels['momentumStep'] = (...args) => optimizers.momentumStep(this.fns, this.stager, ...args);

  /** Nesterov: v ← momentum·v − lr·dW; W ← W + momentum²·v − (1 + momentum)·lr·dW (bit for bit like the reference). */
  readonly nesterovStep: Kernels['nesterovStep'] = (...args) => optimizers.nesterovStep(this.fns, this.stager, ...args);

  /** AdaGrad (decayRate null) or RMSprop: h, then W ← W − lr·dW / (√h + 1e-7) (bit for bit like the reference). */
  readonly adaptiveStep: Kernels['adaptiveStep'] = (...args) => optimizers.adaptiveStep(this.fns, this.stager, ...args);

  /** Adam: m, v moments and W ← W − lrT·m / (√v + 1e-7) (f64 arithmetic: equal to the reference bit for bit). */
  readonly adamStep: Kernels['adamStep'] = (...args) => optimizers.adamStep(this.fns, this.stager, ...args);

  /** The byte offset of x's first `length` elements in memory: x itself when owned, else a scratch copy (-1: no room). */
  private stage(x: FloatArray, length: number, copyIn: boolean): number {
    if (this.owns(x)) return x.byteOffset;
    const ptr = this.arena.alloc(length * x.BYTES_PER_ELEMENT);
    if (ptr >= 0 && copyIn) {
      const src = x.length === length ? x : x.subarray(0, length);
      if (x instanceof Float64Array) this.heap64.set(src, ptr / 8);
      else this.heap32.set(src, ptr / 4);
    }
    return ptr;
  }

  /** Copies `length` elements at byte offset ptr back into the foreign array x. */
  private unstage(x: FloatArray, ptr: number, length: number): void {
    const heap = x instanceof Float64Array ? this.heap64 : this.heap32;
    const first = ptr / x.BYTES_PER_ELEMENT;
    x.set(heap.subarray(first, first + length));
  }

  // Softmax with cross-entropy, fused (issue 18 point 3).

  /** Row softmax into y, the summed cross-entropy and dx = scale·(y − t) in one pass (see Kernels). */
  softmaxCrossEntropy(
    x: FloatArray,
    y: FloatArray,
    rows: number,
    cols: number,
    t: Int32Array | FloatArray | null,
    dx: FloatArray | null,
    scale: number,
  ): number {
    checkSoftmaxCrossEntropy(x, y, rows, cols, t, dx);
    const n = rows * cols;
    if (n === 0) return 0;
    const mark = this.arena.mark();
    const px = this.stage(x, n, true);
    const py = this.stage(y, n, false);
    const pt = t === null ? 0 : t instanceof Int32Array ? this.stageInt32(t, rows) : this.stage(t, n, true);
    const pd = dx === null ? 0 : this.stage(dx, n, false);
    if (px < 0 || py < 0 || pt < 0 || pd < 0) {
      this.arena.release(mark);
      return referenceKernels.softmaxCrossEntropy(x, y, rows, cols, t, dx, scale);
    }
    const kind = t === null ? 0 : t instanceof Int32Array ? 1 : 2;
    const fn = x instanceof Float64Array ? this.fns.softmaxLossF64 : this.fns.softmaxLossF32;
    const total = fn(px, py, rows, cols, pt, kind, pd, scale);
    if (!this.owns(y)) this.unstage(y, py, n);
    if (dx !== null && !this.owns(dx)) this.unstage(dx, pd, n);
    this.arena.release(mark);
    return total;
  }

  /** The byte offset of t's first `length` class indices in memory (t itself when owned, else a scratch copy; -1: no room). */
  private stageInt32(t: Int32Array, length: number): number {
    if (t.buffer === this.buffer) return t.byteOffset;
    const ptr = this.arena.alloc(length * 4);
    if (ptr >= 0) this.heapI32.set(t.length === length ? t : t.subarray(0, length), ptr / 4);
    return ptr;
  }

  // The batch gather (issue 18 point 3).

  /** Copies of training sets made by holdRows. */
  private readonly held = new HeldRows(
    (dtype, length) => this.allocate(dtype, length),
    () => this.arena.free,
  );

  /** A copy of x in this memory (in dtype) when it takes at most half of the free bytes; the same copy for the same x. */
  holdRows(x: Float32Array, dtype: 'float32' | 'float64'): FloatArray | null {
    return this.held.hold(x, dtype);
  }

  /** dst[k, :] = src[order[k], :]: one memory.copy per row when src and dst are in this memory, else TypedArray.set. */
  gatherRows(src: FloatArray, d: number, order: Int32Array, count: number, dst: FloatArray): void {
    checkGatherRows(src, d, order, count, dst);
    const mark = this.arena.mark();
    const po = src.constructor === dst.constructor && this.owns(src) && this.owns(dst) ? this.stageInt32(order, count) : -1;
    if (po < 0) {
      this.arena.release(mark);
      referenceKernels.gatherRows(src, d, order, count, dst);
      return;
    }
    this.fns.gatherRowsBytes(dst.byteOffset, src.byteOffset, po, count, d * src.BYTES_PER_ELEMENT);
    this.arena.release(mark);
  }

  // Activations and the fused Affine epilogues (issue 18 point 3): the kernels' calls are in wasm-activations.ts.

  /** y = f(x) over x.length elements. */
  readonly activationForward: Kernels['activationForward'] = (...args) =>
    activations.activationForward(this.fns, this.stager, ...args);

  /** dx = dout ⊙ f'(x) over dout.length elements, from x and y = f(x). */
  readonly activationBackward: Kernels['activationBackward'] = (...args) =>
    activations.activationBackward(this.fns, this.stager, ...args);

  /** The fused forward epilogue: z[i, :] += b, y = f(z) in one pass.  z, y: rows×cols; b: cols. */
  readonly biasActivationForward: Kernels['biasActivationForward'] = (...args) =>
    activations.biasActivationForward(this.fns, this.stager, ...args);

  /** The fused backward epilogue: dz = dout ⊙ f'(z) and db = Σ_rows dz in one pass.  rows×cols; db: cols. */
  readonly activationBackwardSumRows: Kernels['activationBackwardSumRows'] = (...args) =>
    activations.activationBackwardSumRows(this.fns, this.stager, ...args);

  /** staged, bound to this backend, for wasm-activations.ts. */
  private readonly stager: Stager = (xs, lengths, modes, run) => this.staged(xs, lengths, modes, run);

  /**
   * Runs a kernel on xs[i]'s first lengths[i] elements at their offsets in this memory. Foreign arrays are staged
   * in scratch: copied in when their mode letter is 'i' (read) or 'b' (both), copied back after when 'o' (written) or
   * 'b'. False when scratch had no room (nothing ran).
   */
  private staged(xs: FloatArray[], lengths: number[], modes: string, run: (ptrs: number[]) => void): boolean {
    const mark = this.arena.mark();
    const ptrs = xs.map((x, i) => this.stage(x, lengths[i], modes[i] !== 'o'));
    const ok = ptrs.every((p) => p >= 0);
    if (ok) run(ptrs);
    for (let i = 0; ok && i < xs.length; i++) if (modes[i] !== 'i' && !this.owns(xs[i])) this.unstage(xs[i], ptrs[i], lengths[i]);
    this.arena.release(mark);
    return ok;
  }
}
