/** Sign patterns of every ReLU input, to tell when a perturbation moved some pre-activation across the kink at 0. */
import type { Matrix } from '../matrix';

/** Write 1 where an element of `inputs` (in order) is > 0, else 0, into `out` (grown when too short); returns `out`. */
export function signPattern(inputs: readonly Matrix[], out: Uint8Array): Uint8Array {
  let total = 0;
  for (const m of inputs) total += m.data.length;
  const pattern = out.length === total ? out : new Uint8Array(total);
  let k = 0;
  for (const m of inputs) for (let i = 0; i < m.data.length; i++) pattern[k++] = m.data[i] > 0 ? 1 : 0;
  return pattern;
}

/** True when the two patterns differ anywhere (some ReLU input changed sign). */
export function patternsDiffer(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return true;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return true;
  return false;
}
