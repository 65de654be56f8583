/** Turning a filled CsvRowSink into a Dataset: class encoding or regression target, one-hot columns appended. */
import type { Dataset, Target } from '../../../core/datasets/dataset';
import { encodeClasses, numericLabelKey, sortClassNames } from '../../../core/datasets/class-names';
import type { ColumnPlan } from '../../../core/datasets/columns';
import { ColumnError } from '../../../core/datasets/column-error';
import type { CsvRowSink } from './csv-rows';

/** A numeric label with integer values and at most this many distinct values is read as classes by default. */
export const MAX_AUTO_CLASSES = 50;

function numericClasses(values: Float64Array): Target {
  const names: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const key = numericLabelKey(values[i]);
    let c = index.get(key);
    if (c === undefined) {
      c = names.length;
      index.set(key, c);
      names.push(key);
    }
    codes[i] = c;
  }
  return { kind: 'classes', ...encodeClasses(codes, names) };
}

/** Decide the task: the user's choice, else classes for text or small-integer labels, regression otherwise. */
export function decideTask(
  sink: CsvRowSink,
  labelNumeric: boolean,
  task: 'classification' | 'regression' | undefined,
  labelName: string,
): 'classification' | 'regression' {
  if (!labelNumeric) {
    if (task === 'regression') {
      const message = `label column "${labelName}" holds text, so it cannot be a regression target`;
      throw new ColumnError('label-text-regression', message, { column: labelName });
    }
    return 'classification';
  }
  if (task) return task;
  const values = sink.labelNumbers.values();
  const distinct = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    if (!Number.isInteger(values[i])) return 'regression';
    distinct.add(values[i]);
    if (distinct.size > MAX_AUTO_CLASSES) return 'regression';
  }
  return 'classification';
}

/** Build the dataset: x = numeric features then one-hot blocks ("column=value", categories sorted). */
export function assembleDataset(
  name: string,
  names: readonly string[],
  plan: ColumnPlan,
  sink: CsvRowSink,
  labelNumeric: boolean,
  task: 'classification' | 'regression',
): Dataset {
  const n = sink.rows;
  let target: Target;
  if (!labelNumeric) target = { kind: 'classes', ...encodeClasses(sink.labelText.codes.values(), sink.labelText.names) };
  else if (task === 'classification') target = numericClasses(sink.labelNumbers.values());
  else target = { kind: 'regression', names: [names[plan.label]], y: Float32Array.from(sink.labelNumbers.values()) };
  const numeric = sink.matrix.finish();
  const featureNames = plan.numericFeatures.map((j) => names[j]);
  if (plan.oneHotFeatures.length === 0) return { name, n, d: featureNames.length, x: numeric, featureNames, target };
  const blocks = sink.oneHot.map((col, t) => {
    const sorted = sortClassNames(col.names);
    sorted.classNames.forEach((v) => featureNames.push(`${names[plan.oneHotFeatures[t]]}=${v}`));
    return { codes: col.codes.values(), remap: sorted.remap, width: col.names.length };
  });
  const d = featureNames.length;
  const dn = plan.numericFeatures.length;
  const x = new Float32Array(new SharedArrayBuffer(n * d * 4));
  for (let i = 0; i < n; i++) {
    x.set(numeric.subarray(i * dn, i * dn + dn), i * d);
    let at = i * d + dn;
    for (const b of blocks) {
      x[at + b.remap[b.codes[i]]] = 1;
      at += b.width;
    }
  }
  return { name, n, d, x, featureNames, target };
}
