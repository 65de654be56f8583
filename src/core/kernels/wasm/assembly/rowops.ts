// Row-vector operations of the Affine layer: add a bias to every row, sum a matrix over its rows.
import { lanes } from './tiles';

/** x[i, :] += v for every row i.  x: rows×cols (in place), v: cols. */
export function addRowVector<T>(x: usize, v: usize, rows: i32, cols: i32): void {
  const S = <usize>sizeof<T>();
  const L = lanes<T>();
  const simdCols = cols - cols % L;
  for (let i = 0; i < rows; i++) {
    const row = x + <usize>i * <usize>cols * S;
    let j = 0;
    for (; j < simdCols; j += L) {
      const off = <usize>j * S;
      v128.store(row + off, v128.add<T>(v128.load(row + off), v128.load(v + off)));
    }
    for (; j < cols; j++) {
      const off = <usize>j * S;
      store<T>(row + off, load<T>(row + off) + load<T>(v + off));
    }
  }
}

/** out[j] = Σ_i x[i, j] (overwrites out), summed in row order.  x: rows×cols, out: cols. */
export function sumRows<T>(x: usize, out: usize, rows: i32, cols: i32): void {
  const S = <usize>sizeof<T>();
  const L = lanes<T>();
  const simdCols = cols - cols % L;
  memory.fill(out, 0, <usize>cols * S);
  for (let i = 0; i < rows; i++) {
    const row = x + <usize>i * <usize>cols * S;
    let j = 0;
    for (; j < simdCols; j += L) {
      const off = <usize>j * S;
      v128.store(out + off, v128.add<T>(v128.load(out + off), v128.load(row + off)));
    }
    for (; j < cols; j++) {
      const off = <usize>j * S;
      store<T>(out + off, load<T>(out + off) + load<T>(row + off));
    }
  }
}
