// The narrow register tile: R ≤ 4 rows × NV ≤ 3 vectors of C kept whole in registers, A read in place (not packed).
import { madd } from './micro';
import { updateFirst, updateFull } from './masked';

// A tile's width as a type (a row of NV vectors), so that each width compiles to its own loop: AssemblyScript folds
// `offsetof<Row>()` while compiling and drops the branches of the unused accumulators (runtime constants would not).
// @ts-ignore: decorator
@unmanaged export class Row1 { v0: v128; }
// @ts-ignore: decorator
@unmanaged export class Row2 { v0: v128; v1: v128; }
// @ts-ignore: decorator
@unmanaged export class Row3 { v0: v128; v1: v128; v2: v128; }

/** Vectors per row of a tile of width Row. */
// @ts-ignore: decorator
@inline export function vectorsOf<Row>(): i32 {
  return offsetof<Row>() / 16;
}

/**
 * Rows per tile of width Row: R·NV accumulators + NV vectors of B + one of A must fit the 15 vector registers V8 gives
 * WebAssembly on x64 (4 rows × 3 vectors spilled and ran 30–40 % slower than 3 × 3), and R·NV ≥ 8 independent
 * accumulators hide the multiply-add latency where possible.
 */
// @ts-ignore: decorator
@inline export function rowsOf<Row>(): i32 {
  return vectorsOf<Row>() == 3 ? 3 : 4;
}

/** Writes row r of a tile: NV vectors at c, the last one holding only `last` valid lanes. */
// @ts-ignore: decorator
@inline function updateRow<T, Row>(c: usize, v0: v128, v1: v128, v2: v128, last: i32, overwrite: bool): void {
  const NV = vectorsOf<Row>();
  if (NV == 1) { updateFirst<T>(c, v0, last, overwrite); return; }
  updateFull<T>(c, v0, overwrite);
  if (NV == 2) { updateFirst<T>(c + 16, v1, last, overwrite); return; }
  updateFull<T>(c + 16, v1, overwrite);
  updateFirst<T>(c + 32, v2, last, overwrite);
}

/**
 * C[0:rows, 0:NV·lanes − (lanes − last)] (+)= op(A)[0:rows, 0:k] · Bp[0:k, 0:NV vectors], with NV = vectorsOf<Row>() and
 * R = rowsOf<Row>(). ap: op(A)[0, 0]; rs, ds: bytes between rows and between depth steps
 * of op(A) (k·S and S, or S and m·S when A is stored transposed); bp: B's first row, bs bytes apart, zero-padded past
 * the last column; c: C's element [0, 0], ldc bytes between rows. Rows past `rows` re-read the last row and are not stored.
 */
// @ts-ignore: decorator
@inline export function narrowTile<T, Row>(k: i32, ap: usize, rs: usize, ds: usize, bp: usize, bs: usize,
  c: usize, ldc: usize, rows: i32, last: i32, overwrite: bool): void {
  const NV = vectorsOf<Row>();
  const R = rowsOf<Row>();
  const zero = v128.splat<T>(<T>0);
  let c00 = zero, c01 = zero, c02 = zero;
  let c10 = zero, c11 = zero, c12 = zero;
  let c20 = zero, c21 = zero, c22 = zero;
  let c30 = zero, c31 = zero, c32 = zero;
  let a0 = ap;
  let a1 = rows > 1 ? a0 + rs : a0;
  let a2 = rows > 2 ? a1 + rs : a1;
  let a3 = rows > 3 ? a2 + rs : a2;
  for (let p = 0; p < k; p++) {
    const b0 = v128.load(bp);
    const b1 = NV > 1 ? v128.load(bp, 16) : zero;
    const b2 = NV > 2 ? v128.load(bp, 32) : zero;
    let a = v128.load_splat<T>(a0);
    c00 = madd<T>(a, b0, c00);
    if (NV > 1) c01 = madd<T>(a, b1, c01);
    if (NV > 2) c02 = madd<T>(a, b2, c02);
    if (R > 1) {
      a = v128.load_splat<T>(a1);
      c10 = madd<T>(a, b0, c10);
      if (NV > 1) c11 = madd<T>(a, b1, c11);
      if (NV > 2) c12 = madd<T>(a, b2, c12);
    }
    if (R > 2) {
      a = v128.load_splat<T>(a2);
      c20 = madd<T>(a, b0, c20);
      if (NV > 1) c21 = madd<T>(a, b1, c21);
      if (NV > 2) c22 = madd<T>(a, b2, c22);
    }
    if (R > 3) {
      a = v128.load_splat<T>(a3);
      c30 = madd<T>(a, b0, c30);
      if (NV > 1) c31 = madd<T>(a, b1, c31);
      if (NV > 2) c32 = madd<T>(a, b2, c32);
    }
    a0 += ds;
    a1 += ds;
    a2 += ds;
    a3 += ds;
    bp += bs;
  }
  updateRow<T, Row>(c, c00, c01, c02, last, overwrite);
  if (R > 1 && rows > 1) updateRow<T, Row>(c + ldc, c10, c11, c12, last, overwrite);
  if (R > 2 && rows > 2) updateRow<T, Row>(c + 2 * ldc, c20, c21, c22, last, overwrite);
  if (R > 3 && rows > 3) updateRow<T, Row>(c + 3 * ldc, c30, c31, c32, last, overwrite);
}
