/** Column roles: which source column is the label, which are features (numeric or one-hot text), which are left out. */
import { ColumnError } from './column-error';

export type ColumnRef = string | number;

export interface ColumnPlan {
  /** 0-based source index of the label column. */
  label: number;
  /** Source indices of numeric feature columns, in output order. */
  numericFeatures: number[];
  /** Source indices of text feature columns to one-hot encode (after the numeric ones). */
  oneHotFeatures: number[];
  /** Text feature columns left out because textFeatures is 'drop'. */
  droppedText: number[];
}

/** Find a column by exact name or 0-based index; throws naming the columns that exist. */
export function resolveColumn(ref: ColumnRef, names: readonly string[], what: 'label' | 'feature'): number {
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 0 && ref < names.length) return ref;
    throw new ColumnError(
      `${what}-out-of-range`,
      `${what} column index ${ref} is out of range: the file has ${names.length} columns (0–${names.length - 1})`,
      { index: ref, count: names.length, last: names.length - 1 },
    );
  }
  const i = names.indexOf(ref);
  if (i >= 0) return i;
  if (/^\d+$/.test(ref) && Number(ref) < names.length) return Number(ref);
  const columns = names.map((n) => `"${n}"`).join(', ');
  throw new ColumnError(`${what}-not-found`, `${what} column "${ref}" not found; columns are: ${columns}`, {
    column: ref,
    columns,
  });
}

/**
 * Decide column roles. Default label: the last column; default features: every other column.
 * Text feature columns are one-hot encoded or dropped as asked.
 */
export function planColumns(
  names: readonly string[],
  types: readonly ('numeric' | 'text')[],
  options: { labelColumn?: ColumnRef; featureColumns?: ColumnRef[]; textFeatures: 'one-hot' | 'drop' },
): ColumnPlan {
  if (names.length < 2) {
    const message = `the file has ${names.length} column; expected at least 2 (features and a label)`;
    throw new ColumnError('too-few-columns', message, { count: names.length });
  }
  const label = options.labelColumn === undefined ? names.length - 1 : resolveColumn(options.labelColumn, names, 'label');
  const features = options.featureColumns
    ? options.featureColumns.map((ref) => resolveColumn(ref, names, 'feature'))
    : names.map((_, i) => i).filter((i) => i !== label);
  if (features.includes(label)) {
    const column = names[label];
    throw new ColumnError('label-is-feature', `column "${column}" cannot be both the label and a feature`, { column });
  }
  const seen = new Set<number>();
  for (const f of features) {
    if (seen.has(f)) {
      throw new ColumnError('feature-twice', `feature column "${names[f]}" is listed twice`, { column: names[f] });
    }
    seen.add(f);
  }
  const numericFeatures = features.filter((i) => types[i] === 'numeric');
  const text = features.filter((i) => types[i] === 'text');
  const plan: ColumnPlan = {
    label,
    numericFeatures,
    oneHotFeatures: options.textFeatures === 'one-hot' ? text : [],
    droppedText: options.textFeatures === 'drop' ? text : [],
  };
  if (plan.numericFeatures.length + plan.oneHotFeatures.length === 0) {
    const message = 'no feature columns remain (every feature column is text and text features are dropped)';
    throw new ColumnError('no-features', message);
  }
  return plan;
}
