/** Shared plumbing of the built-in 2-D classification datasets: option checks and the Dataset record. */
import type { Dataset } from '../dataset';

/** A 2-D classification Dataset (features x1, x2) from N×2 points and N class indices. */
export function classDataset(name: string, x: Float32Array, y: Int32Array, classNames: string[]): Dataset {
  return { name, n: y.length, d: 2, x, featureNames: ['x1', 'x2'], target: { kind: 'classes', classNames, y } };
}

/** `value` (or `fallback` when undefined), checked to be an integer in [min, max]. */
export function intOption(
  generator: string,
  option: string,
  value: number | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  const v = value ?? fallback;
  if (!(Number.isInteger(v) && v >= min && v <= max))
    throw new Error(`${generator}: ${option} must be an integer in [${min}, ${max}], got ${v}`);
  return v;
}

/** `value` (or `fallback`), checked to be a finite number ≥ 0. */
export function noiseOption(generator: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!(Number.isFinite(v) && v >= 0)) throw new Error(`${generator}: noise must be a finite number ≥ 0, got ${v}`);
  return v;
}

/** Options shared by the two-class generators: total samples, noise level, seed. */
export interface TwoClassOptions {
  samples?: number;
  noise?: number;
  seed?: number;
}

/** Class names "class 0" … "class k−1". */
export function classNames(k: number): string[] {
  return Array.from({ length: k }, (_, i) => `class ${i}`);
}
