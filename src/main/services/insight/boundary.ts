/**
 * The decision boundary of a classifier on a 2-D plane through its feature space (two chosen features, the others at
 * their training mean, or the first two principal components): the predicted class over a grid, and the data on it.
 */
import type { Sequential } from '../../../core/index';
import type { Dataset } from '../../../core/datasets/dataset';
import { liftPoint, projectRow, type Plane } from '../../../core/projection/plane';
import type { BoundaryResult } from '../../../shared/insight';

type Points = BoundaryResult['points'];

/** How plane coordinates are shown: display = a·scale + offset per axis (a feature's raw units, or the PCA scores as they are). */
export interface AxisUnits {
  scale: [number, number];
  offset: [number, number];
}

/** Rows predicted in one forward pass of the grid when the caller does not size the chunks (see inferenceChunkRows). */
const DEFAULT_CHUNK = 2048;

/**
 * Up to `max` points of the splits (normalized rows) projected on `plane`, in display units, with split codes 0/1/2
 * for train/validation/test.
 */
export function boundaryPoints(splits: (Dataset | null)[], plane: Plane, units: AxisUnits, max: number): Points {
  const present = splits.map((s, code) => ({ s, code })).filter((e): e is { s: Dataset; code: number } => e.s !== null);
  const total = present.reduce((n, e) => n + e.s.n, 0);
  const stride = Math.max(1, Math.ceil(total / max));
  const xs: number[] = [];
  const ys: number[] = [];
  const cls: number[] = [];
  const split: number[] = [];
  for (const { s, code } of present) {
    if (s.target.kind !== 'classes')
      throw new Error(`decision boundary: dataset "${s.name}" is a regression dataset; the boundary needs classes`);
    for (let i = 0; i < s.n; i += stride) {
      const [a, b] = projectRow(plane, s.x.subarray(i * s.d, (i + 1) * s.d));
      xs.push(a * units.scale[0] + units.offset[0]);
      ys.push(b * units.scale[1] + units.offset[1]);
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
 * Predict the class at the centre of every cell of a resolution×resolution grid over aRange × bRange (plane
 * coordinates; row 0 at the top, bRange[1]), each cell lifted to a full feature row: predicted (−1 where a probability
 * is NaN) and the winning probability. Cells go through the network `chunkRows` at a time (bounding the time and memory
 * of one pass; rows are independent, so the chunk size does not change a cell), lifted into one reused input buffer
 * (an ordinary array: the kernels stage it per pass, and repeated grids of one network leave nothing behind).
 */
export function predictGrid(
  network: Sequential,
  plane: Plane,
  aRange: [number, number],
  bRange: [number, number],
  resolution: number,
  chunkRows = DEFAULT_CHUNK,
): { predicted: Int32Array; confidence: Float32Array } {
  const d = plane.origin.length;
  const cells = resolution * resolution;
  const predicted = new Int32Array(cells);
  const confidence = new Float32Array(cells);
  const chunk = Math.max(1, Math.min(chunkRows, cells));
  const input = new Float64Array(chunk * d);
  for (let start = 0; start < cells; start += chunk) {
    const rows = Math.min(chunk, cells - start);
    const x = rows === chunk ? input : input.subarray(0, rows * d);
    for (let k = 0; k < rows; k++) {
      const r = Math.floor((start + k) / resolution);
      const c = (start + k) % resolution;
      const a = aRange[0] + ((c + 0.5) / resolution) * (aRange[1] - aRange[0]);
      const b = bRange[1] - ((r + 0.5) / resolution) * (bRange[1] - bRange[0]);
      liftPoint(plane, a, b, x, k * d);
    }
    const probs = network.probabilities({ rows, cols: d, data: x });
    const classes = probs.cols;
    for (let k = 0; k < rows; k++) {
      let best = 0;
      let nan = false;
      for (let j = 0; j < classes; j++) {
        const p = probs.data[k * classes + j];
        if (Number.isNaN(p)) nan = true;
        if (p > probs.data[k * classes + best]) best = j;
      }
      predicted[start + k] = nan ? -1 : best;
      confidence[start + k] = nan ? NaN : probs.data[k * classes + best];
    }
  }
  return { predicted, confidence };
}
