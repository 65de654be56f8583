/** Formats predictions as CSV: row, predicted, then p(<class name>) per class (classification) — RFC 4180 quoting. */
import type { Prediction } from '../../../shared/model';

/** Quote a field when it holds a comma, quote, CR or LF; a leading =, +, -, @ gets a ' so spreadsheets do not run it. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[+-]?(\d|\.\d)/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Predictions → CSV text with a header. classNames: C names → columns row, predicted, p(name1)…p(nameC);
 * for regression (no class names) the columns are row, predicted.
 */
export function predictionsToCsv(predictions: readonly Prediction[], classNames: readonly string[]): string {
  const header = ['row', 'predicted', ...classNames.map((c) => `p(${c})`)].map(csvField).join(',');
  const lines = predictions.map((p) =>
    [String(p.row), csvField(p.predicted), ...p.probabilities.map((v) => String(v))].join(','),
  );
  return `${[header, ...lines].join('\n')}\n`;
}
