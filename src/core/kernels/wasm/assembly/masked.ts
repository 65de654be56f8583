// Partial vectors at the right edge of C: load and store only the first `count` lanes, never touching the bytes after.
import { lanes } from './tiles';

/** The first `count` (1…lanes) elements of T at p in the low lanes, the other lanes zero. */
// @ts-ignore: decorator
@inline export function loadFirst<T>(p: usize, count: i32): v128 {
  if (count == lanes<T>()) return v128.load(p);
  if (sizeof<T>() == 8 || count == 2) return v128.load64_zero(p);
  if (count == 1) return v128.load32_zero(p);
  return v128.load32_lane(p, v128.load64_zero(p), 2, 8);
}

/** Stores the first `count` (1…lanes) lanes of v at p. */
// @ts-ignore: decorator
@inline export function storeFirst<T>(p: usize, v: v128, count: i32): void {
  if (count == lanes<T>()) {
    v128.store(p, v);
  } else if (sizeof<T>() == 8 || count == 2) {
    v128.store64_lane(p, v, 0);
  } else if (count == 1) {
    v128.store32_lane(p, v, 0);
  } else {
    v128.store64_lane(p, v, 0);
    v128.store32_lane(p, v, 2, 8);
  }
}

/** C[p : p+count] = (overwrite ? 0 : C) + acc over the first `count` lanes of acc. */
// @ts-ignore: decorator
@inline export function updateFirst<T>(p: usize, acc: v128, count: i32, overwrite: bool): void {
  if (overwrite) storeFirst<T>(p, acc, count);
  else storeFirst<T>(p, v128.add<T>(loadFirst<T>(p, count), acc), count);
}

/** C[p : p+lanes] = (overwrite ? 0 : C) + acc. */
// @ts-ignore: decorator
@inline export function updateFull<T>(p: usize, acc: v128, overwrite: bool): void {
  if (overwrite) v128.store(p, acc);
  else v128.store(p, v128.add<T>(v128.load(p), acc));
}
