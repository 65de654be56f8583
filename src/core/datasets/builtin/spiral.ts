/** The cs231n / TensorFlow Playground spiral: K interleaved arms, one class per arm. */
import type { Dataset } from '../dataset';
import { createRng } from '../../rng';
import { classDataset, classNames, intOption, noiseOption } from './make-dataset';

export interface SpiralOptions {
  /** Points per arm (default 100). */
  samplesPerClass?: number;
  /** Number of arms = classes (default 3). */
  classes?: number;
  /** Std of the angle noise in radians (default 0.2, as in cs231n). */
  noise?: number;
  seed?: number;
}

/** Arm j: radius r = i/(N−1) from 0 to 1, angle 4j + 4r + noise·N(0,1); point (r·sin θ, r·cos θ). */
export function makeSpiral(opts: SpiralOptions = {}): Dataset {
  const perClass = intOption('makeSpiral', 'samplesPerClass', opts.samplesPerClass, 100, 2, 1_000_000);
  const k = intOption('makeSpiral', 'classes', opts.classes, 3, 2, 100);
  const noise = noiseOption('makeSpiral', opts.noise, 0.2);
  const rng = createRng(opts.seed ?? 0);
  const n = perClass * k;
  const x = new Float32Array(n * 2);
  const y = new Int32Array(n);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < perClass; i++) {
      const row = j * perClass + i;
      const r = i / (perClass - 1);
      const theta = 4 * j + 4 * r + noise * rng.normal();
      x[row * 2] = r * Math.sin(theta);
      x[row * 2 + 1] = r * Math.cos(theta);
      y[row] = j;
    }
  }
  return classDataset('spiral', x, y, classNames(k));
}
