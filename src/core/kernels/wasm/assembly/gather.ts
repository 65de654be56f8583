// The batch gather: rows of a training set held in this memory, in a shuffled order, copied into the batch buffer.

/** dst[k, :] = src[order[k], :] for k < count; rows of `rowBytes` bytes, order: count i32 row indices. */
export function gatherRows(dst: usize, src: usize, order: usize, count: i32, rowBytes: usize): void {
  for (let k = 0; k < count; k++) {
    const row = <usize>load<i32>(order + (<usize>k << 2));
    memory.copy(dst + <usize>k * rowBytes, src + row * rowBytes, rowBytes);
  }
}
