// The GEMM path for narrow outputs (n ≤ 64) and tiny depths: A and B read in place (B stored transposed is packed once
// into zero-padded rows), whole rows of a C tile in registers, and masked stores at the right edge (no spill, no copy).
import { lanes, packBufferB, PACK_B_BYTES } from './tiles';
import { packRowsTransposed } from './pack';
import { narrowTile, Row1, Row2, Row3, rowsOf } from './narrow-tile';

/** Most vectors of a C row in one tile (see rowsOf); wider rows are split into even chunks of ≤ 3 vectors. */
const MAX_NV: i32 = 3;

/** True when op(B) (k × n, rows padded to whole vectors) fits the B pack buffer, as the narrow path needs. */
export function narrowFits<T>(n: i32, k: i32): bool {
  const vectors = (n + lanes<T>() - 1) / lanes<T>();
  return <i64>k * <i64>vectors * 16 <= <i64>PACK_B_BYTES;
}

/** Copies op(B) (k×n) into dst as k rows of `width` elements, zero past column n. B is k×n, or n×k when transB. */
function packRows<T>(b: usize, transB: bool, n: i32, k: i32, width: i32, dst: usize): void {
  const S = <usize>sizeof<T>();
  const L = lanes<T>();
  if (transB) {
    packRowsTransposed<T>(b, <usize>k * S, n, k, dst, width);
    return;
  }
  const full = n - n % L;
  for (let p = 0; p < k; p++) {
    const src = b + <usize>p * <usize>n * S;
    const out = dst + <usize>p * <usize>width * S;
    let j = 0;
    for (; j < full; j += L) v128.store(out + <usize>j * S, v128.load(src + <usize>j * S));
    for (; j < n; j++) store<T>(out + <usize>j * S, load<T>(src + <usize>j * S));
    for (; j < width; j++) store<T>(out + <usize>j * S, <T>0);
  }
}

/** Every row tile of one column chunk as wide as Row, rowsOf<Row>() rows at a time. */
function chunkRows<T, Row>(m: i32, k: i32, a: usize, rs: usize, ds: usize, bp: usize, bs: usize,
  c: usize, ldc: usize, last: i32, overwrite: bool): void {
  const R = rowsOf<Row>();
  for (let i = 0; i < m; i += R) {
    narrowTile<T, Row>(k, a + <usize>i * rs, rs, ds, bp, bs, c + <usize>i * ldc, ldc, min(R, m - i), last, overwrite);
  }
}

/**
 * C (+)= op(A)·op(B) without packing A: op(A) m×k (A stored k×m when transA), op(B) k×n (n×k when transB), C m×n.
 * Needs narrowFits<T>(n, k). B (k×n) is read in place unless its last vector would end past the memory; B stored n×k is
 * packed.
 */
export function gemmNarrow<T>(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32, transA: bool, transB: bool, accumulate: bool): void {
  const S = <usize>sizeof<T>();
  const L = lanes<T>();
  const vectors = (n + L - 1) / L;
  let bp = packBufferB;
  let bs = <usize>vectors * 16;
  // B in place (rows n·S bytes apart): a row's last vector may run into the next row, or past the end of B by less
  // than a vector; those lanes reach only accumulator lanes that are never stored. It must stay inside the memory.
  const lastByte = b + (<usize>(k - 1) * <usize>n + <usize>(vectors * L)) * S;
  if (!transB && lastByte <= (<usize>memory.size() << 16)) {
    bp = b;
    bs = <usize>n * S;
  } else {
    packRows<T>(b, transB, n, k, vectors * L, packBufferB);
  }
  const rs = transA ? S : <usize>k * S;
  const ds = transA ? <usize>m * S : S;
  const ldc = <usize>n * S;
  const overwrite = !accumulate;
  const chunks = (vectors + MAX_NV - 1) / MAX_NV;
  let v0 = 0;
  for (let chunk = 0; chunk < chunks; chunk++) {
    const nv = (vectors - v0 + chunks - chunk - 1) / (chunks - chunk);
    const last = v0 + nv == vectors ? n - (vectors - 1) * L : L;
    const bc = bp + <usize>v0 * 16;
    const cc = c + <usize>(v0 * L) * S;
    if (nv == 1) chunkRows<T, Row1>(m, k, a, rs, ds, bc, bs, cc, ldc, last, overwrite);
    else if (nv == 2) chunkRows<T, Row2>(m, k, a, rs, ds, bc, bs, cc, ldc, last, overwrite);
    else chunkRows<T, Row3>(m, k, a, rs, ds, bc, bs, cc, ldc, last, overwrite);
    v0 += nv;
  }
}
