/** The XOR quadrants (TensorFlow Playground "exclusive or"): class 1 where x1 and x2 have opposite signs. */
import type { Dataset } from '../dataset';
import { createRng } from '../../rng';
import { classDataset, intOption, noiseOption } from './make-dataset';
import type { TwoClassOptions } from './make-dataset';

/** `samples` points (default 200) uniform in [−1, 1]² kept 0.05 away from the axes, labelled, then plus noise·N(0,1) (default 0). */
export function makeXor(opts: TwoClassOptions = {}): Dataset {
  const n = intOption('makeXor', 'samples', opts.samples, 200, 1, 1_000_000);
  const noise = noiseOption('makeXor', opts.noise, 0);
  const rng = createRng(opts.seed ?? 0);
  const x = new Float32Array(n * 2);
  const y = new Int32Array(n);
  const coordinate = (): number => {
    const u = 2 * rng.next() - 1;
    return u + (u >= 0 ? 0.05 : -0.05) * (1 - Math.abs(u));
  };
  for (let i = 0; i < n; i++) {
    const a = coordinate();
    const b = coordinate();
    y[i] = a * b >= 0 ? 0 : 1;
    x[i * 2] = a + noise * rng.normal();
    x[i * 2 + 1] = b + noise * rng.normal();
  }
  return classDataset('xor', x, y, ['same sign', 'opposite sign']);
}
