// Packing: copies a block of op(A) or op(B) into contiguous micro-panels, transposing on the way and zero-padding edges.
import { MR, nr } from './tiles';

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
      for (let i = 0; i < MR; i++) {
        const out = panel + <usize>i * S;
        if (i < rows) {
          const src = a + (<usize>(ic + i0 + i) * <usize>k + <usize>pc) * S;
          for (let p = 0; p < kc; p++) store<T>(out + <usize>(p * MR) * S, load<T>(src + <usize>p * S));
        } else {
          for (let p = 0; p < kc; p++) store<T>(out + <usize>(p * MR) * S, <T>0);
        }
      }
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
      for (let j = 0; j < NR; j++) {
        const out = panel + <usize>j * S;
        if (j < cols) {
          const src = b + (<usize>(jc + j0 + j) * <usize>k + <usize>pc) * S;
          for (let p = 0; p < kc; p++) store<T>(out + <usize>(p * NR) * S, load<T>(src + <usize>p * S));
        } else {
          for (let p = 0; p < kc; p++) store<T>(out + <usize>(p * NR) * S, <T>0);
        }
      }
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
