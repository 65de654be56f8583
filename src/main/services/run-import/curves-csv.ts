/**
 * The curves an exported train.py writes (losses.csv: iteration,loss; epochs.csv: epoch,iteration,train_loss,
 * train_accuracy,validation_loss,validation_accuracy,train_seconds,samples, or without the last two as train.py wrote
 * it before it timed its steps), read strictly: an exact header, every cell checked, iterations increasing, epochs
 * numbered 1, 2, 3…; the first wrong cell is a RunImportError naming its file, row and column.
 */
import Papa from 'papaparse';
import type { EpochMetrics, LossPoint } from '../../../shared/runs';
import { RunImportError } from './run-import-error';

export const LOSSES_HEADER = ['iteration', 'loss'] as const;
export const EPOCHS_HEADER = [
  'epoch',
  'iteration',
  'train_loss',
  'train_accuracy',
  'validation_loss',
  'validation_accuracy',
] as const;
/** epochs.csv with the seconds spent in training steps and the rows trained on, both counted from the run's start. */
export const TIMED_EPOCHS_HEADER = [...EPOCHS_HEADER, 'train_seconds', 'samples'] as const;

/** A decimal number as our importer accepts it (no hex, no '12abc', no empty cell). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Python's spelling of a non-finite float (a diverged loss), accepted in loss columns only. */
const PYTHON_NON_FINITE: Record<string, number> = { nan: Number.NaN, inf: Infinity, '-inf': -Infinity };

/**
 * The rows of a CSV text under the first of `headers` its header line equals (header line excluded), with that
 * header; a ragged row or a quote error is refused with its line.
 */
function rows(
  file: string,
  text: string,
  headers: readonly (readonly string[])[],
): { header: readonly string[]; data: string[][] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true, delimiter: ',' });
  const error = parsed.errors[0];
  if (error)
    throw new RunImportError({ file, row: (error.row ?? 0) + 1, column: '', value: '', expected: `CSV (${error.message})` });
  const [first, ...data] = parsed.data;
  const header = headers.find((h) => first !== undefined && first.join(',') === h.join(','));
  if (!header)
    throw new RunImportError({
      file,
      row: 1,
      column: '',
      value: (first ?? []).join(','),
      expected: `the header ${headers.map((h) => h.join(',')).join(' or ')}`,
    });
  data.forEach((row, i) => {
    if (row.length !== header.length)
      throw new RunImportError({ file, row: i + 2, column: '', value: row.join(','), expected: `${header.length} cells` });
  });
  return { header, data };
}

/** A cell reader for row `row` (1-based line) of `file`. */
function cells(file: string, header: readonly string[], row: number, values: string[]) {
  const fail = (j: number, expected: string): never => {
    throw new RunImportError({ file, row, column: header[j], value: values[j], expected });
  };
  return {
    integer(j: number, min: number): number {
      const v = Number(values[j]);
      return /^\d+$/.test(values[j]) && Number.isSafeInteger(v) && v >= min ? v : fail(j, `an integer ≥ ${min}`);
    },
    loss(j: number): number {
      const t = values[j].trim();
      if (t in PYTHON_NON_FINITE) return PYTHON_NON_FINITE[t];
      return DECIMAL.test(t) && Number.isFinite(Number(t)) ? Number(t) : fail(j, 'a number (or nan/inf)');
    },
    /** A finite decimal ≥ `min`. */
    decimal(j: number, min: number): number {
      const t = values[j].trim();
      const v = Number(t);
      return DECIMAL.test(t) && Number.isFinite(v) && v >= min ? v : fail(j, `a number ≥ ${min}`);
    },
    /** An accuracy in [0, 1], or null for an empty cell (a regression model has none). */
    accuracy(j: number): number | null {
      const t = values[j].trim();
      if (t === '') return null;
      const v = Number(t);
      return DECIMAL.test(t) && v >= 0 && v <= 1 ? v : fail(j, 'an accuracy between 0 and 1, or empty');
    },
  };
}

/** losses.csv → [iteration, loss] points, iterations strictly increasing from 1. */
export function parseLosses(file: string, text: string): LossPoint[] {
  const points: LossPoint[] = [];
  rows(file, text, [LOSSES_HEADER]).data.forEach((values, i) => {
    const c = cells(file, LOSSES_HEADER, i + 2, values);
    const iteration = c.integer(0, 1);
    const previous = points.at(-1)?.[0] ?? 0;
    if (iteration <= previous)
      throw new RunImportError({
        file,
        row: i + 2,
        column: 'iteration',
        value: values[0],
        expected: `an iteration after ${previous}`,
      });
    points.push([iteration, c.loss(1)]);
  });
  if (points.length === 0) throw new RunImportError({ file, row: '', column: '', value: '', expected: 'at least one loss row' });
  return points;
}

/** One epochs.csv row: the metrics (epoch 0-based, as the app counts) and the iteration the epoch ended at. */
export interface ImportedEpoch {
  metrics: EpochMetrics;
  iteration: number;
  /** Seconds spent in training steps and rows trained on, from the start to this epoch's end (null: not recorded). */
  trainSeconds: number | null;
  samples: number | null;
}

/** epochs.csv → per-epoch metrics; epochs numbered 1, 2, 3…, iterations non-decreasing, validation all or nothing per row. */
export function parseEpochs(file: string, text: string): ImportedEpoch[] {
  const epochs: ImportedEpoch[] = [];
  const { header, data } = rows(file, text, [TIMED_EPOCHS_HEADER, EPOCHS_HEADER]);
  const timed = header.length === TIMED_EPOCHS_HEADER.length;
  data.forEach((values, i) => {
    const row = i + 2;
    const c = cells(file, header, row, values);
    const epoch = c.integer(0, 1);
    if (epoch !== i + 1) throw new RunImportError({ file, row, column: 'epoch', value: values[0], expected: `epoch ${i + 1}` });
    const iteration = c.integer(1, 0);
    const previous = epochs.at(-1)?.iteration ?? 0;
    if (iteration < previous)
      throw new RunImportError({ file, row, column: 'iteration', value: values[1], expected: `an iteration ≥ ${previous}` });
    const train = { loss: c.loss(2), accuracy: c.accuracy(3) };
    const validation = values[4].trim() === '' ? null : { loss: c.loss(4), accuracy: c.accuracy(5) };
    if (validation === null && values[5].trim() !== '')
      throw new RunImportError({
        file,
        row,
        column: 'validation_loss',
        value: '',
        expected: 'a loss beside the validation accuracy',
      });
    const before = epochs.at(-1);
    const trainSeconds = timed ? c.decimal(6, before?.trainSeconds ?? 0) : null;
    const samples = timed ? c.integer(7, before?.samples ?? 0) : null;
    epochs.push({ metrics: { epoch: epoch - 1, train, validation }, iteration, trainSeconds, samples });
  });
  return epochs;
}
