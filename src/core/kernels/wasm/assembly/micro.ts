// The register-tiled micro-kernel: one MR×NR tile of C (4 rows × 2 vectors) from packed panels of A and B.
import { MR, lanes, nr } from './tiles';
import { updateFirst, updateFull } from './masked';

/** acc + a·b: fused (relaxed SIMD build) or a separate multiply and add (plain SIMD build). */
// @ts-ignore: decorator
@inline export function madd<T>(a: v128, b: v128, acc: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return v128.relaxed_madd<T>(a, b, acc);
  return v128.add<T>(acc, v128.mul<T>(a, b));
}

/** Writes one full row of the tile: C[row, 0:NR] = (overwrite ? 0 : C) + acc. */
// @ts-ignore: decorator
@inline function storeRow<T>(dst: usize, lo: v128, hi: v128, overwrite: bool): void {
  if (overwrite) {
    v128.store(dst, lo);
    v128.store(dst, hi, 16);
  } else {
    v128.store(dst, v128.add<T>(v128.load(dst), lo));
    v128.store(dst, v128.add<T>(v128.load(dst, 16), hi), 16);
  }
}

/** Writes the first `cols` (1…NR) columns of one row of an edge tile, with masked stores past column `cols`. */
// @ts-ignore: decorator
@inline function storeEdgeRow<T>(dst: usize, lo: v128, hi: v128, cols: i32, overwrite: bool): void {
  const L = lanes<T>();
  if (cols <= L) {
    updateFirst<T>(dst, lo, cols, overwrite);
  } else {
    updateFull<T>(dst, lo, overwrite);
    updateFirst<T>(dst + 16, hi, cols - L, overwrite);
  }
}

/**
 * C[0:rows, 0:cols] (+)= Ap·Bp over depth kc. ap: kc×MR packed panel, bp: kc×NR packed panel,
 * c: the tile's top-left element, ldc: bytes between rows of C. Tiles overhanging C store only
 * their part inside C (masked stores, nothing spilled).
 */
export function microKernel<T>(kc: i32, ap: usize, bp: usize, c: usize, ldc: usize, rows: i32, cols: i32, overwrite: bool): void {
  const S = <usize>sizeof<T>();
  let c00 = v128.splat<T>(<T>0), c01 = v128.splat<T>(<T>0);
  let c10 = v128.splat<T>(<T>0), c11 = v128.splat<T>(<T>0);
  let c20 = v128.splat<T>(<T>0), c21 = v128.splat<T>(<T>0);
  let c30 = v128.splat<T>(<T>0), c31 = v128.splat<T>(<T>0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let a = v128.load_splat<T>(ap);
    c00 = madd<T>(a, b0, c00);
    c01 = madd<T>(a, b1, c01);
    a = v128.load_splat<T>(ap, sizeof<T>());
    c10 = madd<T>(a, b0, c10);
    c11 = madd<T>(a, b1, c11);
    a = v128.load_splat<T>(ap, 2 * sizeof<T>());
    c20 = madd<T>(a, b0, c20);
    c21 = madd<T>(a, b1, c21);
    a = v128.load_splat<T>(ap, 3 * sizeof<T>());
    c30 = madd<T>(a, b0, c30);
    c31 = madd<T>(a, b1, c31);
    ap += <usize>MR * S;
    bp += 32;
  }
  if (rows == MR && cols == nr<T>()) {
    storeRow<T>(c, c00, c01, overwrite);
    storeRow<T>(c + ldc, c10, c11, overwrite);
    storeRow<T>(c + 2 * ldc, c20, c21, overwrite);
    storeRow<T>(c + 3 * ldc, c30, c31, overwrite);
    return;
  }
  // Edge tile: only the rows and columns inside C.
  storeEdgeRow<T>(c, c00, c01, cols, overwrite);
  if (rows > 1) storeEdgeRow<T>(c + ldc, c10, c11, cols, overwrite);
  if (rows > 2) storeEdgeRow<T>(c + 2 * ldc, c20, c21, cols, overwrite);
  if (rows > 3) storeEdgeRow<T>(c + 3 * ldc, c30, c31, cols, overwrite);
}
