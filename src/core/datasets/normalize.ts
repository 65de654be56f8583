/** Feature scaling: fit none / min-max / z-score on the training rows, apply x' = (x − offset) / scale. */
import type { Normalization } from './dataset';

export type NormalizationKind = Normalization['kind'];

/**
 * Fit a normalization on x: N×D (training split only). Constant columns get scale 1.
 * minmax: offset min, scale max−min; zscore: offset mean, scale population std.
 */
export function fitNormalization(x: Float32Array, n: number, d: number, kind: NormalizationKind): Normalization {
  if (x.length !== n * d) throw new Error(`fitNormalization: x has ${x.length} values, expected n×d = ${n}×${d}`);
  const offset = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(1);
  if (kind === 'none' || n === 0) return { kind, offset, scale };
  for (let j = 0; j < d; j++) {
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i * d + j];
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
    }
    if (kind === 'minmax') {
      offset[j] = min;
      scale[j] = max > min ? max - min : 1;
    } else {
      const mean = sum / n;
      let ss = 0;
      for (let i = 0; i < n; i++) {
        const e = x[i * d + j] - mean;
        ss += e * e;
      }
      const std = Math.sqrt(ss / n);
      offset[j] = mean;
      scale[j] = std > 1e-12 ? std : 1;
    }
  }
  return { kind, offset, scale };
}

/**
 * Apply a fitted normalization: x: N×D → x': N×D (a new array; x is not modified).
 * Throws when the normalization's width is not d or a scale is not a positive finite number.
 */
export function applyNormalization(x: Float32Array, d: number, norm: Normalization): Float32Array {
  return applyNormalizationInto(x, d, norm, new Float32Array(x.length));
}

/** Same as applyNormalization but writes into `out` (N×D; may be x itself) and returns it. */
export function applyNormalizationInto(x: Float32Array, d: number, norm: Normalization, out: Float32Array): Float32Array {
  if (norm.offset.length !== d || norm.scale.length !== d) {
    throw new Error(
      `applyNormalization: normalization has ${norm.offset.length} offsets and ${norm.scale.length} scales, expected ${d} (one per feature)`,
    );
  }
  if (x.length % d !== 0) throw new Error(`applyNormalization: x has ${x.length} values, not a multiple of d = ${d}`);
  if (out.length !== x.length) throw new Error(`applyNormalization: out has ${out.length} values, x has ${x.length}`);
  norm.scale.forEach((s, j) => {
    if (!(Number.isFinite(s) && s > 0))
      throw new Error(`applyNormalization: scale[${j}] = ${s}, expected a positive finite number`);
  });
  if (norm.kind === 'none') {
    if (out !== x) out.set(x);
    return out;
  }
  const inv = norm.scale.map((s) => 1 / s);
  for (let i = 0; i < x.length; i += d) {
    for (let j = 0; j < d; j++) out[i + j] = (x[i + j] - norm.offset[j]) * inv[j];
  }
  return out;
}
