// Packing: copies a block of op(A) or op(B) into contiguous micro-panels, transposing on the way and zero-padding edges.
import { MR, nr } from './tiles';

/**
 * Transposes the 4×4 f32 block whose rows start at r0..r3 (row stride irrelevant: four loads) and stores its
 * columns at dst, dst + step, dst + 2·step, dst + 3·step: column q holds element q of each row.
 */
// @ts-ignore: decorator
@inline function transpose4x4(r0: v128, r1: v128, r2: v128, r3: v128, dst: usize, step: usize): void {
  const t0 = i32x4.shuffle(r0, r1, 0, 4, 1, 5);
  const t1 = i32x4.shuffle(r0, r1, 2, 6, 3, 7);
  const t2 = i32x4.shuffle(r2, r3, 0, 4, 1, 5);
  const t3 = i32x4.shuffle(r2, r3, 2, 6, 3, 7);
  v128.store(dst, i32x4.shuffle(t0, t2, 0, 1, 4, 5));
  v128.store(dst + step, i32x4.shuffle(t0, t2, 2, 3, 6, 7));
  v128.store(dst + 2 * step, i32x4.shuffle(t1, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * step, i32x4.shuffle(t1, t3, 2, 3, 6, 7));
}

/**
 * Gathers `count` rows of length kc (row stride ld bytes, starting at src) into dst[p * width + i] for
 * i < count (elements of T), four rows and four depth steps at a time with f32 transposes.
 */
export function packRowsTransposed<T>(src: usize, ld: usize, count: i32, kc: i32, dst: usize, width: i32): void {
  const S = <usize>sizeof<T>();
  const step = <usize>width * S;
  let i = 0;
  if (S == 4) {
    const kc4 = kc & ~3;
    for (; i + 4 <= count; i += 4) {
      const s0 = src + <usize>i * ld;
      const out = dst + <usize>i * S;
      for (let p = 0; p < kc4; p += 4) {
        const off = <usize>p * S;
        transpose4x4(v128.load(s0 + off), v128.load(s0 + ld + off), v128.load(s0 + 2 * ld + off), v128.load(s0 + 3 * ld + off), out + <usize>p * step, step);
      }
      for (let r = 0; r < 4; r++) {
        for (let p = kc4; p < kc; p++) store<T>(out + <usize>r * S + <usize>p * step, load<T>(s0 + <usize>r * ld + <usize>p * S));
      }
    }
  }
  for (; i < count; i++) {
    const s = src + <usize>i * ld;
    const out = dst + <usize>i * S;
    for (let p = 0; p < kc; p++) store<T>(out + <usize>p * step, load<T>(s + <usize>p * S));
  }
  for (; i < width; i++) {
    const out = dst + <usize>i * S;
    for (let p = 0; p < kc; p++) store<T>(out + <usize>p * step, <T>0);
  }
}

/**
 * Packs rows [ic, ic+mc) × depth [pc, pc+kc) of op(A) into panels of MR rows: dst[panel][p][i].
 * A is m×k row-major, or k×m when transA. Rows past mc are zero.
 */
export function packA<T>(a: usize, transA: bool, m: i32, k: i32, ic: i32, pc: i32, mc: i32, kc: i32, dst: usize): void {
  const S = <usize>sizeof<T>();
  for (let i0 = 0; i0 < mc; i0 += MR) {
    const rows = min(MR, mc - i0);
    const panel = dst + <usize>(i0 * kc) * S;
    if (transA) {
      // op(A)[i, p] = A[p, i]: MR consecutive elements per depth step.
      for (let p = 0; p < kc; p++) {
        const src = a + (<usize>(pc + p) * <usize>m + <usize>(ic + i0)) * S;
        const out = panel + <usize>(p * MR) * S;
        if (rows == MR) {
          v128.store(out, v128.load(src));
          if (S == 8) v128.store(out, v128.load(src, 16), 16);
        } else {
          for (let i = 0; i < MR; i++) store<T>(out + <usize>i * S, i < rows ? load<T>(src + <usize>i * S) : <T>0);
        }
      }
    } else {
      // op(A)[i, p] = A[i, p]: gather one element from each of MR rows per depth step.
      packRowsTransposed<T>(a + (<usize>(ic + i0) * <usize>k + <usize>pc) * S, <usize>k * S, rows, kc, panel, MR);
    }
  }
}

/**
 * Packs depth [pc, pc+kc) × columns [jc, jc+nc) of op(B) into panels of NR columns: dst[panel][p][j].
 * B is k×n row-major, or n×k when transB. Columns past nc are zero.
 */
export function packB<T>(b: usize, transB: bool, n: i32, k: i32, pc: i32, jc: i32, kc: i32, nc: i32, dst: usize): void {
  const S = <usize>sizeof<T>();
  const NR = nr<T>();
  for (let j0 = 0; j0 < nc; j0 += NR) {
    const cols = min(NR, nc - j0);
    const panel = dst + <usize>(j0 * kc) * S;
    if (transB) {
      // op(B)[p, j] = B[j, p]: gather one element from each of NR rows of B per depth step.
      packRowsTransposed<T>(b + (<usize>(jc + j0) * <usize>k + <usize>pc) * S, <usize>k * S, cols, kc, panel, NR);
    } else {
      // op(B)[p, j] = B[p, j]: NR consecutive elements (two vectors) per depth step.
      for (let p = 0; p < kc; p++) {
        const src = b + (<usize>(pc + p) * <usize>n + <usize>(jc + j0)) * S;
        const out = panel + <usize>(p * NR) * S;
        if (cols == NR) {
          v128.store(out, v128.load(src));
          v128.store(out, v128.load(src, 16), 16);
        } else {
          for (let j = 0; j < NR; j++) store<T>(out + <usize>j * S, j < cols ? load<T>(src + <usize>j * S) : <T>0);
        }
      }
    }
  }
}
