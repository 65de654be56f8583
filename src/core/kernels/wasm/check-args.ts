/**
 * Argument checks of the wasm kernels: pointers are raw, so a wrong shape must fail loudly before any call.
 * Messages are built only when a check fails, so a passing call allocates nothing.
 */
import type { ActivationKind, FloatArray } from '../kernels';

/** Throws unless `value` is a non-negative integer. */
export function checkSize(where: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${where}: ${name} must be a non-negative integer, got ${value}`);
  }
}

/** Throws unless `x` is a Float32Array or Float64Array with at least `needed` elements, the shape `label = d1×d2` (or `= d1`). */
function checkArray(where: string, name: string, x: FloatArray, needed: number, label: string, d1: number, d2?: number): void {
  if (!(x instanceof Float32Array) && !(x instanceof Float64Array)) {
    throw new TypeError(`${where}: ${name} must be a Float32Array or Float64Array`);
  }
  if (x.length < needed) {
    throw new RangeError(
      `${where}: ${name} has ${x.length} elements, expected at least ${needed} (${label} = ${d2 === undefined ? d1 : `${d1}×${d2}`})`,
    );
  }
}

/** Throws unless x and y have one dtype, naming both. */
function checkSameDtype(where: string, xName: string, x: FloatArray, yName: string, y: FloatArray): void {
  if (x.constructor !== y.constructor) {
    throw new TypeError(
      `${where}: all arrays must share one dtype, got ${xName}: ${x.constructor.name}, ${yName}: ${y.constructor.name}`,
    );
  }
}

/** Throws when the first `na` elements of a and the first `nb` of b share memory. */
function checkNoAlias(where: string, a: FloatArray, na: number, b: FloatArray, nb: number, names: string): void {
  if (a.buffer !== b.buffer || na === 0 || nb === 0) return;
  const aEnd = a.byteOffset + na * a.BYTES_PER_ELEMENT;
  const bEnd = b.byteOffset + nb * b.BYTES_PER_ELEMENT;
  if (a.byteOffset < bEnd && b.byteOffset < aEnd) throw new RangeError(`${where}: ${names} overlap in memory`);
}

/** All checks of gemm: sizes, lengths of op(A) m×k, op(B) k×n and C m×n, one dtype, and C not aliasing A or B. */
export function checkGemm(
  a: FloatArray,
  b: FloatArray,
  c: FloatArray,
  m: number,
  n: number,
  k: number,
  transA: boolean,
  transB: boolean,
): void {
  const where = 'gemm';
  checkSize(where, 'm', m);
  checkSize(where, 'n', n);
  checkSize(where, 'k', k);
  if (transA) checkArray(where, 'A', a, m * k, 'A stored k×m', k, m);
  else checkArray(where, 'A', a, m * k, 'A: m×k', m, k);
  if (transB) checkArray(where, 'B', b, k * n, 'B stored n×k', n, k);
  else checkArray(where, 'B', b, k * n, 'B: k×n', k, n);
  checkArray(where, 'C', c, m * n, 'C: m×n', m, n);
  if (a.constructor !== c.constructor || b.constructor !== c.constructor) {
    throw new TypeError(
      `gemm: all arrays must share one dtype, got A: ${a.constructor.name}, B: ${b.constructor.name}, C: ${c.constructor.name}`,
    );
  }
  checkNoAlias(where, c, m * n, a, m * k, 'C and A');
  checkNoAlias(where, c, m * n, b, k * n, 'C and B');
}

/** Checks of addRowVector / sumRows: x rows×cols, v (or out) cols, one dtype, no overlap. */
export function checkRowOp(where: string, x: FloatArray, v: FloatArray, rows: number, cols: number, vName: string): void {
  checkSize(where, 'rows', rows);
  checkSize(where, 'cols', cols);
  checkArray(where, 'x', x, rows * cols, 'x: rows×cols', rows, cols);
  checkArray(where, vName, v, cols, 'cols', cols);
  checkSameDtype(where, 'x', x, vName, v);
  checkNoAlias(where, x, rows * cols, v, cols, vName === 'v' ? 'x and v' : 'x and out');
}

/** Checks of scaleAdd: y and x float arrays of one dtype, x at least as long as y, no overlap. */
export function checkScaleAdd(y: FloatArray, x: FloatArray): void {
  const where = 'scaleAdd';
  checkArray(where, 'y', y, 0, 'y', y.length);
  checkArray(where, 'x', x, y.length, 'y', y.length);
  checkSameDtype(where, 'y', y, 'x', x);
  checkNoAlias(where, y, y.length, x, y.length, 'y and x');
}

/** Throws unless x is a Float32Array or Float64Array. */
export function checkFloatArray(where: string, x: FloatArray): void {
  checkArray(where, 'x', x, 0, 'x', x.length);
}

/** Checks of an optimizer step: w and dW of one dtype and length n, each state slot a Float64Array of length n. */
export function checkOptimizerStep(where: string, w: FloatArray, dW: FloatArray, ...state: Float64Array[]): void {
  const n = w.length;
  checkArray(where, 'w', w, n, 'w', n);
  checkArray(where, 'dW', dW, n, 'w', n);
  checkSameDtype(where, 'w', w, 'dW', dW);
  for (const s of state) {
    if (!(s instanceof Float64Array) || s.length !== n) {
      throw new TypeError(`${where}: each state slot must be a Float64Array of ${n} elements (w's length)`);
    }
  }
}

// Softmax with cross-entropy, fused (issue 18 point 3).

/** Throws when the byte ranges of the first `na` elements of a and `nb` of b overlap. */
function checkNoOverlap(
  where: string,
  a: FloatArray | Int32Array,
  na: number,
  b: FloatArray | Int32Array,
  nb: number,
  names: string,
): void {
  if (a.buffer !== b.buffer || na === 0 || nb === 0) return;
  const aEnd = a.byteOffset + na * a.BYTES_PER_ELEMENT;
  const bEnd = b.byteOffset + nb * b.BYTES_PER_ELEMENT;
  if (a.byteOffset < bEnd && b.byteOffset < aEnd) throw new RangeError(`${where}: ${names} overlap in memory`);
}

/**
 * Checks of softmaxCrossEntropy: x, y (and dx) rows×cols of one dtype; t null, rows class indices in [0, cols) or a
 * rows×cols matrix of x's dtype; y and dx overlapping neither x, t nor each other.
 */
export function checkSoftmaxCrossEntropy(
  x: FloatArray,
  y: FloatArray,
  rows: number,
  cols: number,
  t: Int32Array | FloatArray | null,
  dx: FloatArray | null,
): void {
  const where = 'softmaxCrossEntropy';
  checkSize(where, 'rows', rows);
  checkSize(where, 'cols', cols);
  const n = rows * cols;
  checkArray(where, 'x', x, n, 'x: rows×cols', rows, cols);
  checkArray(where, 'y', y, n, 'y: rows×cols', rows, cols);
  checkSameDtype(where, 'x', x, 'y', y);
  checkNoAlias(where, y, n, x, n, 'y and x');
  if (dx !== null) {
    checkArray(where, 'dx', dx, n, 'dx: rows×cols', rows, cols);
    checkSameDtype(where, 'x', x, 'dx', dx);
    checkNoAlias(where, dx, n, x, n, 'dx and x');
    checkNoAlias(where, dx, n, y, n, 'dx and y');
  }
  if (t === null) return;
  if (t instanceof Int32Array) {
    if (t.length < rows) throw new RangeError(`${where}: t has ${t.length} class indices, expected at least ${rows} (rows)`);
    for (let i = 0; i < rows; i++) {
      if (t[i] < 0 || t[i] >= cols) throw new RangeError(`${where}: class index ${t[i]} at row ${i} is outside [0, ${cols})`);
    }
  } else {
    checkArray(where, 't', t, n, 't: rows×cols', rows, cols);
    checkSameDtype(where, 'x', x, 't', t);
  }
  const tLength = t instanceof Int32Array ? rows : n;
  checkNoOverlap(where, y, n, t, tLength, 'y and t');
  if (dx !== null) checkNoOverlap(where, dx, n, t, tLength, 'dx and t');
}

// The batch gather (issue 18 point 3).

/** Checks of gatherRows: d, count sizes; order holds count row indices inside src; dst holds count×d. */
export function checkGatherRows(src: FloatArray, d: number, order: Int32Array, count: number, dst: FloatArray): void {
  const where = 'gatherRows';
  checkSize(where, 'd', d);
  checkSize(where, 'count', count);
  checkArray(where, 'src', src, 0, 'src', src.length);
  checkArray(where, 'dst', dst, count * d, 'dst: count×d', count, d);
  if (!(order instanceof Int32Array) || order.length < count) {
    throw new RangeError(`${where}: order must be an Int32Array of at least ${count} (count) row indices`);
  }
  const rows = d === 0 ? Infinity : Math.floor(src.length / d);
  for (let k = 0; k < count; k++) {
    if (order[k] < 0 || order[k] >= rows)
      throw new RangeError(`${where}: row ${order[k]} at position ${k} is outside [0, ${rows})`);
  }
  checkNoAlias(where, dst, count * d, src, src.length, 'dst and src');
}

// Activations and the fused Affine epilogues (issue 18 point 3).

/** The module's code of an activation kind (0 ReLU, 1 Sigmoid, 2 Tanh); throws on anything else. */
export function activationCode(where: string, kind: ActivationKind): number {
  const code = kind === 'relu' ? 0 : kind === 'sigmoid' ? 1 : kind === 'tanh' ? 2 : -1;
  if (code < 0) throw new TypeError(`${where}: kind must be 'relu', 'sigmoid' or 'tanh', got ${JSON.stringify(kind)}`);
  return code;
}

/** Throws unless x is a float array of ref's dtype with at least `needed` elements. */
function checkLike(where: string, name: string, x: FloatArray, needed: number, refName: string, ref: FloatArray): void {
  checkArray(where, name, x, needed, name, needed);
  checkSameDtype(where, refName, ref, name, x);
}

/**
 * Checks of activationForward (y = f(x) over x.length) and activationBackward (dx from dout, x, y over dout.length);
 * returns the module's code of `kind`.
 */
export function checkActivation(
  where: string,
  kind: ActivationKind,
  n: number,
  x: FloatArray,
  y: FloatArray,
  dout?: FloatArray,
  dx?: FloatArray,
): number {
  const code = activationCode(where, kind);
  checkArray(where, 'x', x, n, 'x', n);
  checkLike(where, 'y', y, n, 'x', x);
  checkNoAlias(where, y, n, x, n, 'y and x');
  if (dout && dx) {
    checkLike(where, 'dout', dout, n, 'x', x);
    checkLike(where, 'dx', dx, n, 'x', x);
    checkNoAlias(where, dx, n, x, n, 'dx and x');
    checkNoAlias(where, dx, n, y, n, 'dx and y');
  }
  return code;
}

/**
 * Checks of the fused epilogues: z, y (and dout, dz) rows×cols, b (the bias or its gradient db) cols, one dtype, and
 * no written array (y, or dz and db) overlapping another one. Returns the module's code of `kind`.
 */
export function checkEpilogue(
  where: string,
  kind: ActivationKind,
  rows: number,
  cols: number,
  z: FloatArray,
  y: FloatArray,
  b: FloatArray,
  dout?: FloatArray,
  dz?: FloatArray,
): number {
  const code = activationCode(where, kind);
  checkSize(where, 'rows', rows);
  checkSize(where, 'cols', cols);
  const n = rows * cols;
  checkArray(where, 'z', z, n, 'z: rows×cols', rows, cols);
  checkLike(where, 'y', y, n, 'z', z);
  checkArray(where, dz ? 'db' : 'b', b, cols, 'cols', cols);
  checkSameDtype(where, 'z', z, dz ? 'db' : 'b', b);
  if (dout && dz) {
    checkLike(where, 'dout', dout, n, 'z', z);
    checkLike(where, 'dz', dz, n, 'z', z);
    checkNoAlias(where, dz, n, z, n, 'dz and z');
    checkNoAlias(where, dz, n, y, n, 'dz and y');
    checkNoAlias(where, b, cols, dz, n, 'db and dz');
    checkNoAlias(where, b, cols, dout, n, 'db and dout');
    checkNoAlias(where, b, cols, z, n, 'db and z');
    checkNoAlias(where, b, cols, y, n, 'db and y');
  } else {
    checkNoAlias(where, y, n, z, n, 'y and z');
    checkNoAlias(where, y, n, b, cols, 'y and b');
  }
  return code;
}
