/** Streaming CSV import (in the calling thread; the worker runs this): papaparse behind a strict, line-counting wrapper. */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import Papa from 'papaparse';
import { planColumns, type ColumnPlan } from '../../../core/datasets/columns';
import { classBalance } from '../../../core/datasets/stats';
import { CsvRowSink } from './csv-rows';
import { assembleDataset, decideTask } from './csv-assemble';
import { DatasetImportError, MAX_REPORTED_PROBLEMS, problemsError } from './errors';
import { sniffCsv } from './sniff';
import { isGzip, openTextStream } from './text-stream';
import { DEFAULT_MAX_FIELD_BYTES, DEFAULT_MAX_FILE_BYTES, type CsvSniff, type ImportOptions, type ImportProgress, type ImportResult } from './types';

/** Problems kept when collecting all (inspect). */
export const MAX_COLLECTED_PROBLEMS = 1000;

/** Line breaks inside a row's fields (only quoted fields can hold them): \r\n, \n and lone \r count once each. */
function lineBreaks(row: string[]): number {
  let count = 0;
  for (const field of row) {
    for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) count++;
    for (let i = field.indexOf('\r'); i >= 0; i = field.indexOf('\r', i + 1)) if (field[i + 1] !== '\n') count++;
  }
  return count;
}

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
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxFieldBytes = options.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES;
  const totalBytes = (await stat(path).catch((e: Error) => {
    throw new DatasetImportError(path, `cannot open the file: ${e.message}`);
  })).size;
  if (!isGzip(path) && totalBytes > maxFileBytes) {
    throw new DatasetImportError(path, `the file is ${totalBytes.toLocaleString('en')} bytes, over the ${maxFileBytes.toLocaleString('en')}-byte limit`);
  }
  const sniff = await sniffCsv(path, options);
  if (sniff.ambiguous) {
    const list = sniff.candidates.map((c) => `${JSON.stringify(c.delimiter)} gives ${c.columns} columns`).join(', ');
    throw new DatasetImportError(path, `the delimiter is ambiguous (${list}): choose one`);
  }
  const warnings: string[] = [];
  headerWarnings(sniff, options, warnings);
  const names = uniqueNames(sniff.columnNames, warnings);
  let plan: ColumnPlan;
  try {
    plan = planColumns(names, sniff.columnTypes, options);
  } catch (e) {
    throw new DatasetImportError(path, (e as Error).message);
  }
  plan.droppedText.forEach((j) => warnings.push(`text column "${names[j]}" is left out (text features: drop)`));
  const collect = options.collectAll === true;
  const keep = collect ? MAX_COLLECTED_PROBLEMS : MAX_REPORTED_PROBLEMS;
  const sink = new CsvRowSink(names, sniff.columnTypes, plan, keep, isGzip(path) ? maxFileBytes * 2 : totalBytes * 2 + 4096);
  const { stream, state } = openTextStream(path, { maxFileBytes, skipLines: options.skipLines, newline: sniff.newline });
  let line = options.skipLines + 1;
  let headerPending = sniff.header;
  let lastRowBytes = 0;
  const preview: string[][] = [];

  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      stream.destroy();
      reject(e);
    };
    stream.on('error', fail);
    Papa.parse<string[]>(stream, {
      delimiter: sniff.delimiter,
      newline: sniff.newline,
      quoteChar: '"',
      skipEmptyLines: false,
      chunk(results, parser) {
        if (settled) return parser.abort();
        if (signal?.aborted) {
          parser.abort();
          return fail(new DatasetImportError(path, 'the import was cancelled'));
        }
        const rows = results.data;
        const quoteErrors = new Map<number, string>();
        for (const err of results.errors) if (err.type === 'Quotes' && err.row !== undefined) quoteErrors.set(err.row, err.message);
        for (let r = 0; r < rows.length; r++) {
          const row = rows[r];
          const at = line;
          line += 1 + (state.sawQuote ? lineBreaks(row) : 0);
          if (headerPending) {
            headerPending = false;
            continue;
          }
          const quote = quoteErrors.get(r);
          if (quote !== undefined) {
            sink.problem({ line: at, column: null, value: row.join(sniff.delimiter).slice(0, 80), expected: `well-formed quotes (${quote})`, reason: 'quotes' });
            sink.droppedRows++;
            sink.dropReasons.quotes = (sink.dropReasons.quotes ?? 0) + 1;
            continue;
          }
          sink.add(row, at);
          if (preview.length < 10 && row.length > 1) preview.push(row.slice());
        }
        if (rows.length > 0) lastRowBytes = state.textBytes;
        else if (state.textBytes - lastRowBytes > maxFieldBytes + (2 << 20)) {
          parser.abort();
          fail(new DatasetImportError(path, `a row starting at line ${line} is longer than the ${maxFieldBytes.toLocaleString('en')}-byte field limit (an unclosed quote?)`));
          return;
        }
        onProgress?.({ bytesRead: state.bytesRead, totalBytes, rows: sink.rows });
      },
      complete() {
        if (settled) return;
        settled = true;
        resolve();
      },
      error(e: Error) {
        fail(e instanceof DatasetImportError ? e : new DatasetImportError(path, `cannot read the file: ${e.message}`));
      },
    });
  });

  if (sink.totalProblems > 0 && !options.dropInvalid && !collect) throw problemsError(path, sink.problems, sink.totalProblems);
  if (sink.rows === 0) {
    if (collect) throw problemsError(path, sink.problems, sink.totalProblems);
    throw new DatasetImportError(path, sink.droppedRows > 0 ? `all ${sink.droppedRows} data rows were invalid` : 'the file has no data rows');
  }
  if (sink.emptyLines > 0) warnings.push(`${sink.emptyLines} empty line(s) skipped`);
  const labelNumeric = sniff.columnTypes[plan.label] === 'numeric';
  let task: 'classification' | 'regression';
  try {
    task = decideTask(sink, labelNumeric, options.task, names[plan.label]);
  } catch (e) {
    throw new DatasetImportError(path, (e as Error).message);
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
