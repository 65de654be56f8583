// The blocked GEMM driver: C = op(A)·op(B) (or C +=), Goto-style loops over packed blocks and micro-tiles, or the
// narrow path (narrow.ts) for outputs up to 64 wide and depths up to 16.
import { MR, KC, MC, NC, nr, packBufferA, packBufferB } from './tiles';
import { packA, packB } from './pack';
import { microKernel } from './micro';
import { gemmNarrow, narrowFits } from './narrow';

/**
 * Outputs at most this wide go through the narrow path (A not packed, whole rows of C in registers): at batch 100 it
 * ran n = 10 1.6× and n = 50 1.13–1.21× faster than the packed path, while n = 128 and 256 were as fast or slower packed.
 */
const NARROW_N: i32 = 64;
/** Depths at most this small go through the narrow path too (k = 10: 1.3–1.5× faster), as packing A costs more than its reuse saves. */
const TINY_K: i32 = 16;

/** The block size ≤ limit (a multiple of `multiple`) that splits `total` into the fewest, most equal blocks. */
function evenBlock(total: i32, limit: i32, multiple: i32): i32 {
  const blocks = (total + limit - 1) / limit;
  const size = (total + blocks - 1) / blocks;
  return min(limit, ((size + multiple - 1) / multiple) * multiple);
}

/**
 * C (+)= op(A)·op(B) on elements of type T (f32 or f64), all pointers into this module's memory.
 * op(A): m×k (A stored k×m when transA), op(B): k×n (B stored n×k when transB), C: m×n row-major.
 */
export function gemm<T>(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32, transA: bool, transB: bool, accumulate: bool): void {
  const S = <usize>sizeof<T>();
  const NR = nr<T>();
  if (m <= 0 || n <= 0) return;
  if (k <= 0) {
    if (!accumulate) memory.fill(c, 0, <usize>m * <usize>n * S);
    return;
  }
  if ((n <= NARROW_N || k <= TINY_K) && narrowFits<T>(n, k)) {
    gemmNarrow<T>(a, b, c, m, n, k, transA, transB, accumulate);
    return;
  }
  const ldc = <usize>n * S;
  // Even blocks (784 = 4 × 196, not 3 × 256 + 16): no thin last block that pays the C update for little work.
  const kcMax = evenBlock(k, KC, 1);
  const mcMax = evenBlock(m, MC, MR);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += kcMax) {
      const kc = min(kcMax, k - pc);
      const overwrite = pc == 0 && !accumulate;
      packB<T>(b, transB, n, k, pc, jc, kc, nc, packBufferB);
      for (let ic = 0; ic < m; ic += mcMax) {
        const mc = min(mcMax, m - ic);
        packA<T>(a, transA, m, k, ic, pc, mc, kc, packBufferA);
        for (let jr = 0; jr < nc; jr += NR) {
          const bp = packBufferB + <usize>(jr * kc) * S;
          const cols = min(NR, nc - jr);
          let cRow = c + <usize>ic * ldc + <usize>(jc + jr) * S;
          for (let ir = 0; ir < mc; ir += MR) {
            microKernel<T>(kc, packBufferA + <usize>(ir * kc) * S, bp, cRow, ldc, min(MR, mc - ir), cols, overwrite);
            cRow += <usize>MR * ldc;
          }
        }
      }
    }
  }
}
