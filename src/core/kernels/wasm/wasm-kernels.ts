/** The WebAssembly SIMD backend: buffers live in the module's memory, foreign arrays are staged through scratch space. */
import type { FloatArray, Kernels } from '../kernels';
import { referenceKernels } from '../reference';
import { Arena } from './arena';
import { checkFloatArray, checkGemm, checkOptimizerStep, checkRowOp, checkScaleAdd, checkSize } from './check-args';
import { checkGatherRows, checkSoftmaxCrossEntropy } from './check-args';
import type { KernelExports } from './exports';
import { HeldRows } from './held-rows';
import * as activations from './wasm-activations';
import type { Stager } from './wasm-activations';

/** Flops of one ceiling-probe iteration: 12 accumulators × 4 lanes × (multiply + add). */
const CEILING_FLOPS_PER_ITERATION = 12 * 4 * 2;

export class WasmKernels implements Kernels {
  /** The module's memory buffer: fixed for the life of this backend, since the memory is never grown after creation. */
  private readonly buffer: ArrayBuffer;
  /** Whole-memory views used to copy foreign arrays in and out without allocating a view per call. */
  private readonly heap32: Float32Array;
  private readonly heap64: Float64Array;
  /** Permanent buffers (allocate) grow from the bottom; per-call scratch sits above them and is released after the call. */
  private readonly arena: Arena;

  /** `fns` must be instantiated with memory already grown to its final capacity. */
  constructor(
    readonly name: string,
    private readonly fns: KernelExports,
  ) {
    this.buffer = fns.memory.buffer;
    this.heap32 = new Float32Array(this.buffer);
    this.heap64 = new Float64Array(this.buffer);
    this.arena = new Arena(fns.heapBase(), this.buffer.byteLength);
  }

  /**
   * Runs the ceiling probe (`iterations` × 96 flops of independent f32x4 multiply-adds in registers) and returns the
   * flops done: timed by the bench, it gives the best sustained SIMD throughput of this runtime on one core.
   */
  ceilingProbe(iterations: number): number {
    const checksum = this.fns.ceilingF32(iterations);
    if (!Number.isFinite(checksum)) throw new Error('wasm kernels: the ceiling probe returned a non-finite checksum');
    return iterations * CEILING_FLOPS_PER_ITERATION;
  }

  /** Total bytes of WebAssembly memory reserved for buffers and scratch. */
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
    const mark = this.arena.mark();
    const px = this.stage(x, rows * cols, true);
    const pv = this.stage(v, cols, true);
    if (px < 0 || pv < 0) {
      this.arena.release(mark);
      referenceKernels.addRowVector(x, v, rows, cols);
      return;
    }
    (x instanceof Float64Array ? this.fns.addRowVectorF64 : this.fns.addRowVectorF32)(px, pv, rows, cols);
    if (!this.owns(x)) this.unstage(x, px, rows * cols);
    this.arena.release(mark);
  }

  /** out[j] = Σ_i x[i, j] (overwrites out).  x: rows×cols, out: cols. */
  sumRows(x: FloatArray, out: FloatArray, rows: number, cols: number): void {
    checkRowOp('sumRows', x, out, rows, cols, 'out');
    const mark = this.arena.mark();
    const px = this.stage(x, rows * cols, true);
    const po = this.stage(out, cols, false);
    if (px < 0 || po < 0) {
      this.arena.release(mark);
      referenceKernels.sumRows(x, out, rows, cols);
      return;
    }
    (x instanceof Float64Array ? this.fns.sumRowsF64 : this.fns.sumRowsF32)(px, po, rows, cols);
    if (!this.owns(out)) this.unstage(out, po, cols);
    this.arena.release(mark);
  }

  /** True when some element of x is NaN or ±Infinity (SIMD scan; x staged when it is not in this memory). */
  hasNonFinite(x: FloatArray): boolean {
    checkFloatArray('hasNonFinite', x);
    const mark = this.arena.mark();
    const px = this.stage(x, x.length, true);
    if (px < 0) {
      this.arena.release(mark);
      return referenceKernels.hasNonFinite(x);
    }
    const found = (x instanceof Float64Array ? this.fns.hasNonFiniteF64 : this.fns.hasNonFiniteF32)(px, x.length);
    this.arena.release(mark);
    return found !== 0;
  }

  /** y ← a·y + b·x over y; true when some new y is NaN or ±Infinity. */
  scaleAdd(y: FloatArray, a: number, x: FloatArray, b: number): boolean {
    checkScaleAdd(y, x);
    const n = y.length;
    const mark = this.arena.mark();
    const py = this.stage(y, n, true);
    const px = this.stage(x, n, true);
    if (py < 0 || px < 0) {
      this.arena.release(mark);
      return referenceKernels.scaleAdd(y, a, x, b);
    }
    const found = (y instanceof Float64Array ? this.fns.scaleAddF64 : this.fns.scaleAddF32)(py, a, px, b, n);
    if (!this.owns(y)) this.unstage(y, py, n);
    this.arena.release(mark);
    return found !== 0;
  }

  /** Momentum: v ← momentum·v − lr·dW; W ← W + v (f64 arithmetic: equal to the reference bit for bit). */
  momentumStep(w: FloatArray, dW: FloatArray, v: Float64Array, momentum: number, lr: number): void {
    checkOptimizerStep('momentumStep', w, dW, v);
    const fn = w instanceof Float64Array ? this.fns.momentumF64 : this.fns.momentumF32;
    if (!this.withStaged(w, dW, [v], (pw, pg, [pv]) => fn(pw, pg, pv, momentum, lr, w.length)))
      referenceKernels.momentumStep(w, dW, v, momentum, lr);
  }

  /** Nesterov: v ← momentum·v − lr·dW; W ← W + momentum²·v − (1 + momentum)·lr·dW (bit for bit like the reference). */
  nesterovStep(w: FloatArray, dW: FloatArray, v: Float64Array, momentum: number, lr: number): void {
    checkOptimizerStep('nesterovStep', w, dW, v);
    const fn = w instanceof Float64Array ? this.fns.nesterovF64 : this.fns.nesterovF32;
    if (!this.withStaged(w, dW, [v], (pw, pg, [pv]) => fn(pw, pg, pv, momentum, lr, w.length)))
      referenceKernels.nesterovStep(w, dW, v, momentum, lr);
  }

  /** AdaGrad (decayRate null) or RMSprop: h, then W ← W − lr·dW / (√h + 1e-7) (bit for bit like the reference). */
  adaptiveStep(w: FloatArray, dW: FloatArray, h: Float64Array, decayRate: number | null, lr: number): void {
    checkOptimizerStep('adaptiveStep', w, dW, h);
    const fn = w instanceof Float64Array ? this.fns.adaptiveF64 : this.fns.adaptiveF32;
    const [rho, decay] = decayRate === null ? [0, 0] : [decayRate, 1];
    if (!this.withStaged(w, dW, [h], (pw, pg, [ph]) => fn(pw, pg, ph, rho, lr, decay, w.length)))
      referenceKernels.adaptiveStep(w, dW, h, decayRate, lr);
  }

  /** Adam: m, v moments and W ← W − lrT·m / (√v + 1e-7) (f64 arithmetic: equal to the reference bit for bit). */
  adamStep(w: FloatArray, dW: FloatArray, m: Float64Array, v: Float64Array, beta1: number, beta2: number, lrT: number): void {
    checkOptimizerStep('adamStep', w, dW, m, v);
    const fn = w instanceof Float64Array ? this.fns.adamF64 : this.fns.adamF32;
    if (!this.withStaged(w, dW, [m, v], (pw, pg, [pm, pv]) => fn(pw, pg, pm, pv, beta1, beta2, lrT, w.length)))
      referenceKernels.adamStep(w, dW, m, v, beta1, beta2, lrT);
  }

  /**
   * Runs an optimizer kernel on w, dW and its state slots at their offsets in this memory (foreign arrays staged in
   * scratch and copied back: w and the state change, dW does not). False when scratch had no room (nothing ran).
   */
  private withStaged(
    w: FloatArray,
    dW: FloatArray,
    state: Float64Array[],
    run: (pw: number, pg: number, ps: number[]) => void,
  ): boolean {
    const n = w.length;
    const mark = this.arena.mark();
    const pw = this.stage(w, n, true);
    const pg = this.stage(dW, n, true);
    const ps = state.map((s) => this.stage(s, n, true));
    const ok = pw >= 0 && pg >= 0 && ps.every((p) => p >= 0);
    if (ok) {
      run(pw, pg, ps);
      if (!this.owns(w)) this.unstage(w, pw, n);
      state.forEach((s, i) => {
        if (!this.owns(s)) this.unstage(s, ps[i], n);
      });
    }
    this.arena.release(mark);
    return ok;
  }

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

  /** Whole-memory i32 view for staging class indices (created on first use). */
  private heapI32: Int32Array | null = null;

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
    if (ptr >= 0) {
      this.heapI32 ??= new Int32Array(this.buffer);
      this.heapI32.set(t.length === length ? t : t.subarray(0, length), ptr / 4);
    }
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

  // --- float64 ceiling probe (issue 18 point 6) ---

  /**
   * The float64 ceiling probe (`iterations` × 48 flops of independent f64x2 multiply-adds in registers); returns the
   * flops done: timed by the bench, it gives the best sustained float64 SIMD throughput of this runtime on one core.
   */
  ceilingProbeF64(iterations: number): number {
    const checksum = this.fns.ceilingF64(iterations);
    if (!Number.isFinite(checksum)) throw new Error('wasm kernels: the float64 ceiling probe returned a non-finite checksum');
    return iterations * CEILING_F64_FLOPS_PER_ITERATION;
  }

  // Activations and the fused Affine epilogues (issue 18 point 3): the kernels' calls are in wasm-activations.ts.

  /** y = f(x) over x.length elements. */
  activationForward(...args: Parameters<Kernels['activationForward']>): void {
    activations.activationForward(this.fns, this.stager, ...args);
  }

  /** dx = dout ⊙ f'(x) over dout.length elements, from x and y = f(x). */
  activationBackward(...args: Parameters<Kernels['activationBackward']>): void {
    activations.activationBackward(this.fns, this.stager, ...args);
  }

  /** The fused forward epilogue: z[i, :] += b, y = f(z) in one pass.  z, y: rows×cols; b: cols. */
  biasActivationForward(...args: Parameters<Kernels['biasActivationForward']>): void {
    activations.biasActivationForward(this.fns, this.stager, ...args);
  }

  /** The fused backward epilogue: dz = dout ⊙ f'(z) and db = Σ_rows dz in one pass.  rows×cols; db: cols. */
  activationBackwardSumRows(...args: Parameters<Kernels['activationBackwardSumRows']>): void {
    activations.activationBackwardSumRows(this.fns, this.stager, ...args);
  }

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

/** Flops of one float64 ceiling-probe iteration: 12 accumulators × 2 lanes × (multiply + add). */
const CEILING_F64_FLOPS_PER_ITERATION = 12 * 2 * 2;
