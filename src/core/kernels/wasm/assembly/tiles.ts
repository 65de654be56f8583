// Tile and block sizes of the packed GEMM: register tile MR×NR, cache blocks MC×KC (A) and KC×NC (B).

/** Rows of C computed by one micro-kernel call (one broadcast of A per row). */
export const MR: i32 = 4;
/** Depth of one packed block (the k extent kept in cache across a whole block of C). */
export const KC: i32 = 256;
/** Rows of op(A) packed at once (MC×KC stays in L2); a multiple of MR. */
export const MC: i32 = 128;
/** Columns of op(B) packed at once (KC×NC stays in L3); a multiple of every NR. */
export const NC: i32 = 1024;

/** Elements of T in one v128 (4 for f32, 2 for f64). */
// @ts-ignore: decorator
@inline export function lanes<T>(): i32 {
  return 16 / <i32>sizeof<T>();
}

/** Columns of C per micro-kernel call: two vectors (8 for f32, 4 for f64). */
// @ts-ignore: decorator
@inline export function nr<T>(): i32 {
  return 32 / <i32>sizeof<T>();
}

/** Bytes of the pack buffers, sized for f64 (the larger element). */
export const PACK_A_BYTES: i32 = MC * KC * 8;
export const PACK_B_BYTES: i32 = KC * NC * 8;

/**
 * The pack buffers, reused by every call (never allocated per call): the module's static ones, or this instance's
 * own (usePackBuffers) when several threads' instances share one memory and so would share the static ones.
 */
export let packBufferA: usize = memory.data(PACK_A_BYTES, 64);
export let packBufferB: usize = memory.data(PACK_B_BYTES, 64);

/** Pack into [a, a + PACK_A_BYTES) and [b, b + PACK_B_BYTES) from now on (each 64-byte aligned). */
export function usePackBuffers(a: usize, b: usize): void {
  packBufferA = a;
  packBufferB = b;
}
