/** Two Gaussian blobs (TensorFlow Playground "gaussian"): class 0 around (0.4, 0.4), class 1 around (−0.4, −0.4). */
import type { Dataset } from '../dataset';
import { createRng } from '../../rng';
import { classDataset, intOption, noiseOption } from './make-dataset';
import type { TwoClassOptions } from './make-dataset';

/** `samples` points (default 200, alternating classes), each coordinate = centre + noise·N(0,1) (default std 0.2). */
export function makeGaussians(opts: TwoClassOptions = {}): Dataset {
  const n = intOption('makeGaussians', 'samples', opts.samples, 200, 2, 1_000_000);
  const noise = noiseOption('makeGaussians', opts.noise, 0.2);
  const rng = createRng(opts.seed ?? 0);
  const x = new Float32Array(n * 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    const centre = c === 0 ? 0.4 : -0.4;
    x[i * 2] = centre + noise * rng.normal();
    x[i * 2 + 1] = centre + noise * rng.normal();
    y[i] = c;
  }
  return classDataset('gauss', x, y, ['class 0', 'class 1']);
}
