// Entry point of the WebAssembly kernels module: the f32 and f64 exports the TypeScript backend calls.
import { gemm } from './gemm';
import { addRowVector, sumRows } from './rowops';

/** First free byte after the module's static data (pack buffers): the host's bump allocator starts here. */
export function heapBase(): usize {
  return __heap_base;
}

/** C (+)= op(A)·op(B) in f32.  op(A): m×k, op(B): k×n, C: m×n. */
export function gemmF32(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32, transA: bool, transB: bool, accumulate: bool): void {
  gemm<f32>(a, b, c, m, n, k, transA, transB, accumulate);
}

/** C (+)= op(A)·op(B) in f64.  op(A): m×k, op(B): k×n, C: m×n. */
export function gemmF64(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32, transA: bool, transB: bool, accumulate: bool): void {
  gemm<f64>(a, b, c, m, n, k, transA, transB, accumulate);
}

/** x[i, :] += v in f32.  x: rows×cols, v: cols. */
export function addRowVectorF32(x: usize, v: usize, rows: i32, cols: i32): void {
  addRowVector<f32>(x, v, rows, cols);
}

/** x[i, :] += v in f64.  x: rows×cols, v: cols. */
export function addRowVectorF64(x: usize, v: usize, rows: i32, cols: i32): void {
  addRowVector<f64>(x, v, rows, cols);
}

/** out = Σ_i x[i, :] in f32.  x: rows×cols, out: cols. */
export function sumRowsF32(x: usize, out: usize, rows: i32, cols: i32): void {
  sumRows<f32>(x, out, rows, cols);
}

/** out = Σ_i x[i, :] in f64.  x: rows×cols, out: cols. */
export function sumRowsF64(x: usize, out: usize, rows: i32, cols: i32): void {
  sumRows<f64>(x, out, rows, cols);
}
