/** Argument checks of the wasm kernels: pointers are raw, so a wrong shape must fail loudly before any call. */
import type { FloatArray } from '../kernels';

/** Throws unless `value` is a non-negative integer. */
export function checkSize(where: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${where}: ${name} must be a non-negative integer, got ${value}`);
  }
}

/** Throws unless `x` is a Float32Array or Float64Array with at least `needed` elements. */
export function checkArray(where: string, name: string, x: FloatArray, needed: number, shape: string): void {
  if (!(x instanceof Float32Array) && !(x instanceof Float64Array)) {
    throw new TypeError(`${where}: ${name} must be a Float32Array or Float64Array`);
  }
  if (x.length < needed) {
    throw new RangeError(`${where}: ${name} has ${x.length} elements, expected at least ${needed} (${shape})`);
  }
}

/** Throws unless every array has the dtype of the first. */
export function checkSameDtype(where: string, arrays: Record<string, FloatArray>): void {
  const entries = Object.entries(arrays);
  const first = entries[0][1].constructor;
  if (entries.some(([, x]) => x.constructor !== first)) {
    const found = entries.map(([name, x]) => `${name}: ${x.constructor.name}`).join(', ');
    throw new TypeError(`${where}: all arrays must share one dtype, got ${found}`);
  }
}

/** Throws when the first `na` elements of a and the first `nb` of b share memory. */
export function checkNoAlias(where: string, a: FloatArray, na: number, b: FloatArray, nb: number, names: string): void {
  if (a.buffer !== b.buffer || na === 0 || nb === 0) return;
  const aEnd = a.byteOffset + na * a.BYTES_PER_ELEMENT;
  const bEnd = b.byteOffset + nb * b.BYTES_PER_ELEMENT;
  if (a.byteOffset < bEnd && b.byteOffset < aEnd) throw new RangeError(`${where}: ${names} overlap in memory`);
}

/** All checks of gemm: sizes, dtypes, lengths of op(A) m×k, op(B) k×n, C m×n, and C not aliasing A or B. */
export function checkGemm(a: FloatArray, b: FloatArray, c: FloatArray, m: number, n: number, k: number, transA: boolean, transB: boolean): void {
  const where = 'gemm';
  checkSize(where, 'm', m);
  checkSize(where, 'n', n);
  checkSize(where, 'k', k);
  checkArray(where, 'A', a, m * k, transA ? `A stored k×m = ${k}×${m}` : `A: m×k = ${m}×${k}`);
  checkArray(where, 'B', b, k * n, transB ? `B stored n×k = ${n}×${k}` : `B: k×n = ${k}×${n}`);
  checkArray(where, 'C', c, m * n, `C: m×n = ${m}×${n}`);
  checkSameDtype(where, { A: a, B: b, C: c });
  checkNoAlias(where, c, m * n, a, m * k, 'C and A');
  checkNoAlias(where, c, m * n, b, k * n, 'C and B');
}

/** Checks of addRowVector / sumRows: x rows×cols, v (or out) cols, one dtype, no overlap. */
export function checkRowOp(where: string, x: FloatArray, v: FloatArray, rows: number, cols: number, vName: string): void {
  checkSize(where, 'rows', rows);
  checkSize(where, 'cols', cols);
  checkArray(where, 'x', x, rows * cols, `x: rows×cols = ${rows}×${cols}`);
  checkArray(where, vName, v, cols, `${vName}: cols = ${cols}`);
  checkSameDtype(where, { x, [vName]: v });
  checkNoAlias(where, x, rows * cols, v, cols, `x and ${vName}`);
}
