/** Two concentric rings (TensorFlow Playground "circle"): class 1 inside radius 0.5, class 0 between 0.7 and 1. */
import type { Dataset } from '../dataset';
import { createRng } from '../../rng';
import { classDataset, intOption, noiseOption } from './make-dataset';
import type { TwoClassOptions } from './make-dataset';

/** `samples` points (default 200, half per class) at uniform angles, each coordinate plus noise·N(0,1) (default 0.05). */
export function makeCircles(opts: TwoClassOptions = {}): Dataset {
  const n = intOption('makeCircles', 'samples', opts.samples, 200, 2, 1_000_000);
  const noise = noiseOption('makeCircles', opts.noise, 0.05);
  const rng = createRng(opts.seed ?? 0);
  const x = new Float32Array(n * 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const inner = i % 2 === 1;
    const r = inner ? 0.5 * rng.next() : 0.7 + 0.3 * rng.next();
    const angle = 2 * Math.PI * rng.next();
    x[i * 2] = r * Math.sin(angle) + noise * rng.normal();
    x[i * 2 + 1] = r * Math.cos(angle) + noise * rng.normal();
    y[i] = inner ? 1 : 0;
  }
  return classDataset('circles', x, y, ['outer', 'inner']);
}
