/** Seeded train / validation / test split of row indices, stratified by class when asked, and row selection. */
import type { Dataset, Target } from './dataset';

/** What the split needs from the core Rng: an in-place Fisher–Yates shuffle. */
export interface Shuffler {
  shuffle(a: Int32Array): void;
}

export interface SplitIndices {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

function checkFraction(name: string, f: number): void {
  if (!(Number.isFinite(f) && f >= 0 && f < 1)) throw new Error(`split: ${name} fraction is ${f}, expected a number in [0, 1)`);
}

/** Rows grouped by class (ascending class, rows ascending within a class): a stable counting sort, typed arrays only. */
function groupByClass(n: number, classes: Int32Array | undefined): { order: Int32Array; starts: Float64Array } {
  const order = new Int32Array(n);
  if (!classes || n === 0) {
    for (let i = 0; i < n; i++) order[i] = i;
    return { order, starts: Float64Array.of(0, n) };
  }
  let min = classes[0];
  let max = classes[0];
  for (let i = 1; i < n; i++) {
    min = Math.min(min, classes[i]);
    max = Math.max(max, classes[i]);
  }
  if (max - min >= 1 << 24) throw new Error(`split: class indices span ${min}…${max}, expected class indices 0…k−1`);
  const counts = new Float64Array(max - min + 1);
  for (let i = 0; i < n; i++) counts[classes[i] - min]++;
  const present = counts.filter((c) => c > 0);
  const starts = new Float64Array(present.length + 1);
  for (let g = 0; g < present.length; g++) starts[g + 1] = starts[g] + present[g];
  /** Next free position of each class value in `order`. */
  const next = new Float64Array(counts.length);
  for (let v = 0, g = 0; v < counts.length; v++) if (counts[v] > 0) next[v] = starts[g++];
  for (let i = 0; i < n; i++) order[next[classes[i] - min]++] = i;
  return { order, starts };
}

/**
 * Split n rows into train / validation / test index sets (each sorted ascending).
 * With `classes` (y: N class indices) each class is split in the same proportions (stratified).
 * Counts per group: test = round(size·test), validation = round(size·validation), train = the rest.
 * Memory: typed arrays only (about 13 bytes a row), so that hundreds of millions of rows fit.
 */
export function splitIndices(
  n: number,
  fractions: { validation: number; test: number },
  rng: Shuffler,
  classes?: Int32Array,
): SplitIndices {
  checkFraction('validation', fractions.validation);
  checkFraction('test', fractions.test);
  if (fractions.validation + fractions.test >= 1) {
    throw new Error(
      `split: validation + test = ${fractions.validation + fractions.test}, expected less than 1 so that rows remain for training`,
    );
  }
  if (classes && classes.length !== n) throw new Error(`split: ${classes.length} class labels for ${n} rows`);
  const { order, starts } = groupByClass(n, classes);
  /** Per row: 0 train, 1 validation, 2 test. */
  const part = new Uint8Array(n);
  const sizes = [0, 0, 0];
  for (let g = 0; g + 1 < starts.length; g++) {
    const idx = order.subarray(starts[g], starts[g + 1]);
    rng.shuffle(idx);
    const nTest = Math.round(idx.length * fractions.test);
    const nVal = Math.round(idx.length * fractions.validation);
    for (let k = 0; k < idx.length; k++) part[idx[k]] = k < nTest ? 2 : k < nTest + nVal ? 1 : 0;
    sizes[2] += nTest;
    sizes[1] += nVal;
    sizes[0] += idx.length - nTest - nVal;
  }
  const out = sizes.map((size) => new Int32Array(size));
  const filled = [0, 0, 0];
  for (let i = 0; i < n; i++) out[part[i]][filled[part[i]]++] = i;
  return { train: out[0], validation: out[1], test: out[2] };
}

function takeTarget(target: Target, rows: Int32Array): Target {
  if (target.kind === 'classes') {
    const y = new Int32Array(rows.length);
    rows.forEach((r, i) => (y[i] = target.y[r]));
    return { kind: 'classes', classNames: target.classNames, y };
  }
  const t = target.names.length;
  const y = new Float32Array(rows.length * t);
  rows.forEach((r, i) => y.set(target.y.subarray(r * t, r * t + t), i * t));
  return { kind: 'regression', names: target.names, y };
}

/**
 * Select rows of a dataset: x: N×D → M×D for M = rows.length (copies; the source is untouched).
 * With `shared` the copy lives on a SharedArrayBuffer (so that training workers can read it without a copy).
 */
export function takeRows(data: Dataset, rows: Int32Array, name: string, shared = false): Dataset {
  const { d } = data;
  const x = shared ? new Float32Array(new SharedArrayBuffer(rows.length * d * 4)) : new Float32Array(rows.length * d);
  rows.forEach((r, i) => {
    if (r < 0 || r >= data.n) throw new Error(`takeRows: row ${r} is outside [0, ${data.n})`);
    x.set(data.x.subarray(r * d, r * d + d), i * d);
  });
  const out: Dataset = { name, n: rows.length, d, x, featureNames: data.featureNames, target: takeTarget(data.target, rows) };
  if (data.imageShape) out.imageShape = data.imageShape;
  return out;
}
