/** Streaming CSV import (in the calling thread; the worker runs this): decoded chunks → CsvChunkParser → CsvRowSink → Dataset. */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { planColumns, type ColumnPlan } from '../../../core/datasets/columns';
import { classBalance } from '../../../core/datasets/stats';
import { CsvChunkParser } from './csv-chunks';
import { CsvRowSink } from './csv-rows';
import { assembleDataset, decideTask } from './csv-assemble';
import { DatasetImportError, MAX_REPORTED_PROBLEMS, problemsError } from './errors';
import { ImportBudget, csvBytesPerRow } from './import-budget';
import { sniffCsv } from './sniff';
import { isGzip, openTextStream } from './text-stream';
import {
  DEFAULT_IMPORT_LIMITS,
  type CsvSniff,
  type ImportOptions,
  type ImportProgress,
  type ImportResult,
} from '../../../shared/datasets';

/** Problems kept when collecting all (inspect). */
export const MAX_COLLECTED_PROBLEMS = 1000;

/** Unique column names: a repeated name gets " (2)", " (3)"… and a warning. */
function uniqueNames(names: string[], warnings: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const k = (seen.get(name) ?? 0) + 1;
    seen.set(name, k);
    if (k === 1) return name;
    warnings.push(`column name "${name}" appears more than once; occurrence ${k} is called "${name} (${k})"`);
    return `${name} (${k})`;
  });
}

function headerWarnings(sniff: CsvSniff, options: ImportOptions, warnings: string[]): void {
  const numericNames = sniff.header ? sniff.columnNames.filter((n) => /^[+-]?\d/.test(n)) : [];
  if (numericNames.length > 0) {
    warnings.push(
      `the header row has numbers as names (${numericNames.slice(0, 3).join(', ')}): if that line is not column names, choose "skip ${options.skipLines + 1} line(s)" with header "no"`,
    );
  }
}

/**
 * Import a CSV (plain or .gz) strictly: every ragged row, non-number, empty cell, NaN or Infinity is a problem with
 * its physical line and column. Throws DatasetImportError unless options.dropInvalid or options.collectAll.
 */
export async function importCsv(
  path: string,
  options: ImportOptions,
  onProgress?: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_IMPORT_LIMITS.maxFileBytes;
  const maxFieldBytes = options.maxFieldBytes ?? DEFAULT_IMPORT_LIMITS.maxFieldBytes;
  const limits = {
    maxRows: options.maxRows ?? DEFAULT_IMPORT_LIMITS.maxRows,
    memoryBudgetBytes: options.memoryBudgetBytes ?? DEFAULT_IMPORT_LIMITS.memoryBudgetBytes,
  };
  const totalBytes = (
    await stat(path).catch((e: Error) => {
      throw DatasetImportError.because(path, `cannot open the file: ${e.message}`, 'cannot-open', { detail: e.message });
    })
  ).size;
  if (!isGzip(path) && totalBytes > maxFileBytes) {
    const [size, limit] = [totalBytes.toLocaleString('en'), maxFileBytes.toLocaleString('en')];
    const summary = `the file is ${size} bytes, over the ${limit}-byte limit`;
    throw DatasetImportError.because(path, summary, 'file-too-large', { size, limit });
  }
  const sniff = await sniffCsv(path, options);
  if (sniff.ambiguous) {
    const list = sniff.candidates.map((c) => `${JSON.stringify(c.delimiter)} gives ${c.columns} columns`).join(', ');
    const candidates = sniff.candidates.map((c) => `${JSON.stringify(c.delimiter)} → ${c.columns}`).join(', ');
    throw DatasetImportError.because(path, `the delimiter is ambiguous (${list}): choose one`, 'ambiguous-delimiter', {
      candidates,
    });
  }
  const warnings: string[] = [];
  headerWarnings(sniff, options, warnings);
  const names = uniqueNames(sniff.columnNames, warnings);
  let plan: ColumnPlan;
  try {
    plan = planColumns(names, sniff.columnTypes, options);
  } catch (e) {
    throw DatasetImportError.wrap(path, e);
  }
  plan.droppedText.forEach((j) => warnings.push(`text column "${names[j]}" is left out (text features: drop)`));
  const collect = options.collectAll === true;
  const keep = collect ? MAX_COLLECTED_PROBLEMS : MAX_REPORTED_PROBLEMS;
  const perRow = csvBytesPerRow(
    plan.numericFeatures.length,
    plan.oneHotFeatures.length,
    sniff.columnTypes[plan.label] === 'numeric',
  );
  const budget = new ImportBudget(path, limits, perRow.stored + perRow.working);
  const matrixBytes = Math.min(isGzip(path) ? maxFileBytes * 2 : totalBytes * 2 + 4096, limits.memoryBudgetBytes + (256 << 20));
  const sink = new CsvRowSink(names, sniff.columnTypes, plan, keep, matrixBytes);
  const { stream, state } = openTextStream(path, { maxFileBytes, skipLines: options.skipLines, newline: sniff.newline });
  const chunks = new CsvChunkParser(path, sink, sniff.delimiter, sniff.newline, {
    header: sniff.header,
    firstLine: options.skipLines + 1,
    maxFieldBytes,
    quote: options.quote,
  });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (signal?.aborted) throw new DatasetImportError(path, 'the import was cancelled');
      chunks.push(chunk);
      if (!isGzip(path)) budget.checkProjected(sink.rows, state.bytesRead, totalBytes);
      budget.check(sink.rows);
      onProgress?.({ bytesRead: state.bytesRead, totalBytes, rows: sink.rows });
    }
    chunks.end();
  } finally {
    stream.destroy();
  }
  const preview = chunks.preview;

  if (sink.totalProblems > 0 && !options.dropInvalid && !collect) throw problemsError(path, sink.problems, sink.totalProblems);
  if (sink.rows === 0) {
    if (collect && sink.totalProblems > 0)
      throw new DatasetImportError(
        path,
        `no valid rows: ${sink.totalProblems} problems found`,
        sink.problems,
        sink.totalProblems,
      );
    const count = sink.droppedRows;
    if (count > 0) throw DatasetImportError.because(path, `all ${count} data rows were invalid`, 'all-rows-invalid', { count });
    throw DatasetImportError.because(path, 'the file has no data rows', 'no-data-rows');
  }
  if (sink.emptyLines > 0) warnings.push(`${sink.emptyLines} empty line(s) skipped`);
  const labelNumeric = sniff.columnTypes[plan.label] === 'numeric';
  let task: 'classification' | 'regression';
  try {
    task = decideTask(sink, labelNumeric, options.task, names[plan.label]);
  } catch (e) {
    throw DatasetImportError.wrap(path, e);
  }
  const dataset = assembleDataset(basename(path).replace(/\.csv(\.gz)?$/i, ''), names, plan, sink, labelNumeric, task);
  onProgress?.({ bytesRead: totalBytes, totalBytes, rows: sink.rows });
  return {
    dataset,
    report: {
      format: 'csv',
      rows: sink.rows,
      droppedRows: sink.droppedRows,
      dropReasons: sink.dropReasons,
      delimiter: sniff.delimiter,
      header: sniff.header,
      columns: sink.stats.map((s) => s.result()),
      classBalance: classBalance(dataset.target),
      preview,
      warnings,
      problems: sink.problems,
      totalProblems: sink.totalProblems,
    },
  };
}
