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

/**
 * Split n rows into train / validation / test index sets (each sorted ascending).
 * With `classes` (y: N class indices) each class is split in the same proportions (stratified).
 * Counts per group: test = round(size·test), validation = round(size·validation), train = the rest.
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
    throw new Error(`split: validation + test = ${fractions.validation + fractions.test}, expected less than 1 so that rows remain for training`);
  }
  if (classes && classes.length !== n) throw new Error(`split: ${classes.length} class labels for ${n} rows`);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const key = classes ? classes[i] : 0;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  }
  const train: number[] = [];
  const validation: number[] = [];
  const test: number[] = [];
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const idx = Int32Array.from(groups.get(key) ?? []);
    rng.shuffle(idx);
    const nTest = Math.round(idx.length * fractions.test);
    const nVal = Math.round(idx.length * fractions.validation);
    for (let k = 0; k < idx.length; k++) {
      (k < nTest ? test : k < nTest + nVal ? validation : train).push(idx[k]);
    }
  }
  const sorted = (a: number[]) => Int32Array.from(a).sort();
  return { train: sorted(train), validation: sorted(validation), test: sorted(test) };
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
