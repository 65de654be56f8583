/**
 * The kernel interface: the dense linear-algebra primitives every layer is written against,
 * so that a faster backend (WebAssembly SIMD) can replace the plain TypeScript one without touching a layer.
 * All matrices are row-major; shapes are given explicitly.
 */

export type FloatArray = Float32Array | Float64Array;

export interface Kernels {
  /** Backend name shown in benchmarks and diagnostics, e.g. "reference" or "wasm-simd". */
  readonly name: string;

  /**
   * Allocate a zeroed buffer this backend computes on fastest (a WebAssembly backend may hand out
   * views on its own memory). Layers allocate their parameters and caches through this.
   */
  allocate(dtype: 'float32', length: number): Float32Array;
  allocate(dtype: 'float64', length: number): Float64Array;
  allocate(dtype: 'float32' | 'float64', length: number): FloatArray;

  /**
   * C = op(A)·op(B), or C += op(A)·op(B) when `accumulate`.
   * op(A): m×k (A stored k×m when transA); op(B): k×n (B stored n×k when transB); C: m×n.
   * A, B and C share one dtype; C never aliases A or B.
   */
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
  ): void;

  /** x[i, :] += v for every row i.  x: rows×cols (in place), v: cols. */
  addRowVector(x: FloatArray, v: FloatArray, rows: number, cols: number): void;

  /** out[j] = Σ_i x[i, j] (overwrites out).  x: rows×cols, out: cols. */
  sumRows(x: FloatArray, out: FloatArray, rows: number, cols: number): void;

  /** True when some element of x is NaN or ±Infinity (the training step's non-finite guard). */
  hasNonFinite(x: FloatArray): boolean;

  /**
   * y ← a·y + b·x element-wise over y (x at least as long, same dtype, not overlapping y); returns true when some
   * new y is NaN or ±Infinity. The SGD update (a = 1, b = −lr) and the reduction of shard gradients use it.
   */
  scaleAdd(y: FloatArray, a: number, x: FloatArray, b: number): boolean;

  /**
   * A split step's SGD update of one range, fused with its reduction: g ← a·g + b·x, then w ← w − lr·g, rounded as
   * scaleAdd(g, a, x, b) then scaleAdd(w, 1, g, −lr) (w, g, x: one dtype and length, none overlapping); returns true
   * when some new w is NaN or ±Infinity.
   */
  reduceSgdStep(w: FloatArray, g: FloatArray, a: number, x: FloatArray, b: number, lr: number): boolean;

  /** Momentum update of one param: v ← momentum·v − lr·dW; W ← W + v.  w, dW: n (one dtype); v: n float64. */
  momentumStep(w: FloatArray, dW: FloatArray, v: Float64Array, momentum: number, lr: number): void;

  /**
   * Adam update of one param: m ← m + (1 − β1)(dW − m); v ← v + (1 − β2)(dW² − v); W ← W − lrT·m / (√v + 1e-7).
   * w, dW: n (one dtype); m, v: n float64; lrT: this step's bias-corrected learning rate.
   */
  adamStep(w: FloatArray, dW: FloatArray, m: Float64Array, v: Float64Array, beta1: number, beta2: number, lrT: number): void;

  /** Nesterov update (the book's form): v ← momentum·v − lr·dW; W ← W + momentum²·v − (1 + momentum)·lr·dW. */
  nesterovStep(w: FloatArray, dW: FloatArray, v: Float64Array, momentum: number, lr: number): void;

  /**
   * AdaGrad (decayRate null: h ← h + dW²) or RMSprop (h ← ρ·h + (1 − ρ)·dW²) update, then W ← W − lr·dW / (√h + 1e-7).
   * w, dW: n (one dtype); h: n float64.
   */
  adaptiveStep(w: FloatArray, dW: FloatArray, h: Float64Array, decayRate: number | null, lr: number): void;

  // Softmax with cross-entropy, fused (issue 18 point 3).

  /**
   * Row softmax, cross-entropy and its gradient in one pass. x: rows×cols scores → y: rows×cols probabilities (each
   * row sums to 1, max-subtracted). With labels t (rows class indices in [0, cols), or a rows×cols label matrix of
   * x's dtype) returns Σ_i loss_i, loss_i = Σ_j t_ij·(lse_i − x_ij) over the nonzero t_ij with lse_i = logsumexp of
   * row i (never log 0: finite when a probability underflows), and when dx is given writes dx = scale·(y − t).
   * Without labels (t null) only y is written and 0 returned. y and dx overlap neither x, t nor each other.
   */
  softmaxCrossEntropy(
    x: FloatArray,
    y: FloatArray,
    rows: number,
    cols: number,
    t: Int32Array | FloatArray | null,
    dx: FloatArray | null,
    scale: number,
  ): number;

  // The batch gather (issue 18 point 3).

  /**
   * A copy of the training rows x converted to `dtype`, kept where gatherRows reads it fastest (the WebAssembly
   * backend: its own memory; a TypedArray.set from a SharedArrayBuffer is about twice as slow), or null when the
   * backend has no such place or the copy would take more than half of its free memory. Asking again for the same
   * x (the same array object) and dtype returns the same copy. The copy is never freed: hold only a training set.
   */
  holdRows(x: Float32Array, dtype: 'float32' | 'float64'): FloatArray | null;

  /** dst[k, :] = src[order[k], :] for k < count; src: rows of d columns, order: count row indices, dst: count×d. */
  gatherRows(src: FloatArray, d: number, order: Int32Array, count: number, dst: FloatArray): void;

  // Activations and the fused Affine epilogues (issue 18 point 3).

  /** y = f(x) element-wise over x.length elements (y at least as long, not overlapping x); see ActivationKind. */
  activationForward(kind: ActivationKind, x: FloatArray, y: FloatArray): void;

  /** dx = dout ⊙ f'(x) over dout.length elements, given the forward's input x and output y = f(x) (see ActivationKind). */
  activationBackward(kind: ActivationKind, dout: FloatArray, x: FloatArray, y: FloatArray, dx: FloatArray): void;

  /**
   * The fused Affine epilogue: z[i, :] += b (in place, as addRowVector), then y = f(z), in one pass over z.
   * z, y: rows×cols; b: cols. Equal to addRowVector followed by activationForward.
   */
  biasActivationForward(kind: ActivationKind, z: FloatArray, b: FloatArray, y: FloatArray, rows: number, cols: number): void;

  /**
   * The fused backward epilogue: dz = dout ⊙ f'(z) and db[j] = Σ_i dz[i, j] (overwritten), in one pass over dout.
   * dout, z, y = f(z), dz: rows×cols; db: cols. Equal to activationBackward followed by sumRows.
   */
  activationBackwardSumRows(
    kind: ActivationKind,
    dout: FloatArray,
    z: FloatArray,
    y: FloatArray,
    dz: FloatArray,
    db: FloatArray,
    rows: number,
    cols: number,
  ): void;
}

/**
 * The element-wise activations the kernels compute, with y = f(x) and the derivative used by backward:
 * relu: y = max(0, x) with NaN kept (x < 0 ? 0 : x), dx = x > 0 ? dout : 0;
 * sigmoid: y = 1 / (1 + e^−x), dx = dout·(1 − y)·y;  tanh: y = tanh(x), dx = dout·(1 − y²).
 */
export type ActivationKind = 'relu' | 'sigmoid' | 'tanh';
