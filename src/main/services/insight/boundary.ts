/** The decision boundary of a 2-D classifier: the predicted class over a grid of the plane, and the data points on it. */
import type { Sequential } from '../../../core/index';
import type { Dataset, Normalization } from '../../../core/datasets/dataset';
import type { BoundaryResult } from '../../../shared/insight';

type Points = BoundaryResult['points'];

/** Up to `max` points of the splits in the data's own units (x = x'·scale + offset), split codes 0/1/2 for train/validation/test. */
export function boundaryPoints(splits: (Dataset | null)[], normalization: Normalization, max: number): Points {
  const present = splits.map((s, code) => ({ s, code })).filter((e): e is { s: Dataset; code: number } => e.s !== null);
  const total = present.reduce((n, e) => n + e.s.n, 0);
  const stride = Math.max(1, Math.ceil(total / max));
  const xs: number[] = [];
  const ys: number[] = [];
  const cls: number[] = [];
  const split: number[] = [];
  for (const { s, code } of present) {
    if (s.d !== 2) throw new Error(`decision boundary: dataset "${s.name}" has ${s.d} features; the boundary needs exactly 2`);
    if (s.target.kind !== 'classes')
      throw new Error(`decision boundary: dataset "${s.name}" is a regression dataset; the boundary needs classes`);
    for (let i = 0; i < s.n; i += stride) {
      xs.push(s.x[2 * i] * normalization.scale[0] + normalization.offset[0]);
      ys.push(s.x[2 * i + 1] * normalization.scale[1] + normalization.offset[1]);
      cls.push(s.target.y[i]);
      split.push(code);
    }
  }
  return { x: Float32Array.from(xs), y: Float32Array.from(ys), cls: Int32Array.from(cls), split: Uint8Array.from(split) };
}

/** The points' bounding box widened by 10 % on each side (a unit box around a single point). */
export function planeRange(values: Float32Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi >= lo)) return [-1, 1];
  const pad = hi > lo ? 0.1 * (hi - lo) : 1;
  return [lo - pad, hi + pad];
}

/**
 * Predict the class at the centre of every cell of a resolution×resolution grid over xRange × yRange (raw units,
 * normalized before the forward pass): predicted (−1 where a probability is NaN) and the winning probability.
 */
export function predictGrid(
  network: Sequential,
  normalization: Normalization,
  xRange: [number, number],
  yRange: [number, number],
  resolution: number,
): { predicted: Int32Array; confidence: Float32Array } {
  const cells = resolution * resolution;
  const x = new Float64Array(cells * 2);
  for (let r = 0; r < resolution; r++) {
    const yv = yRange[1] - ((r + 0.5) / resolution) * (yRange[1] - yRange[0]);
    for (let c = 0; c < resolution; c++) {
      const xv = xRange[0] + ((c + 0.5) / resolution) * (xRange[1] - xRange[0]);
      const k = r * resolution + c;
      x[2 * k] = (xv - normalization.offset[0]) / normalization.scale[0];
      x[2 * k + 1] = (yv - normalization.offset[1]) / normalization.scale[1];
    }
  }
  const probs = network.probabilities({ rows: cells, cols: 2, data: x });
  const classes = probs.cols;
  const predicted = new Int32Array(cells);
  const confidence = new Float32Array(cells);
  for (let k = 0; k < cells; k++) {
    let best = 0;
    let nan = false;
    for (let j = 0; j < classes; j++) {
      const p = probs.data[k * classes + j];
      if (Number.isNaN(p)) nan = true;
      if (p > probs.data[k * classes + best]) best = j;
    }
    predicted[k] = nan ? -1 : best;
    confidence[k] = nan ? NaN : probs.data[k * classes + best];
  }
  return { predicted, confidence };
}
