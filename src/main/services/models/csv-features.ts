/**
 * Reads the feature columns a model needs from a CSV: by name under a header row (a label column, if present, is ignored),
 * or by position in a headerless file.
 * An adapter over the dataset service's sniffer and text stream: importDataset always wants a label column.
 */
import Papa from 'papaparse';
import { parseStrictNumber, numberProblem } from '../../../core/datasets/number';
import { DatasetImportError } from '../datasets/errors';
import { sniffCsv } from '../datasets/sniff';
import { openTextStream } from '../datasets/text-stream';
import { DEFAULT_MAX_FILE_BYTES, type SniffOptions } from '../../../shared/datasets';

/** How to read the file, like `train`'s data flags: header auto|yes|no (default auto), lines to skip, delimiter. */
export type CsvReadOptions = Omit<SniffOptions, 'around'>;

export interface CsvFeatures {
  /** N×D raw (un-normalized) features, D = featureNames.length, in the model's feature order. */
  x: Float32Array;
  rows: number;
}

/** Grow-by-doubling float buffer. */
class Rows {
  data = new Float32Array(1024);
  length = 0;
  push(values: Float32Array): void {
    if (this.length + values.length > this.data.length) {
      const next = new Float32Array(Math.max(this.data.length * 2, this.length + values.length));
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    this.data.set(values, this.length);
    this.length += values.length;
  }
}

/** The model's `column k` names (a headerless training file's) as 0-based positions, or null when they are not all such names. */
function namedPositions(featureNames: readonly string[]): number[] | null {
  const positions = featureNames.map((n) => /^column (\d+)$/.exec(n)?.[1]);
  return positions.every((p) => p !== undefined) ? positions.map((p) => Number(p) - 1) : null;
}

/** Which file column holds each model feature: by header name, else by position (a clear error on a column-count mismatch). */
function featureColumns(
  path: string,
  header: boolean,
  columnNames: readonly string[],
  featureNames: readonly string[],
): number[] {
  if (header) {
    const missing = featureNames.filter((n) => !columnNames.includes(n));
    if (missing.length > 0) {
      throw new DatasetImportError(
        path,
        `the model needs feature column(s) ${missing.map((n) => JSON.stringify(n)).join(', ')} but the header has ${columnNames.map((n) => JSON.stringify(n)).join(', ')} (a file without a header: --header no)`,
      );
    }
    return featureNames.map((n) => columnNames.indexOf(n));
  }
  const width = columnNames.length;
  if (width === featureNames.length) return featureNames.map((_, j) => j);
  const positions = namedPositions(featureNames);
  if (positions && Math.max(...positions) < width) return positions;
  throw new DatasetImportError(
    path,
    `the file has no header and ${width} column(s), but the model needs ${featureNames.length} feature(s) by position (${featureNames.map((n) => JSON.stringify(n)).join(', ')}): give exactly ${featureNames.length} columns, or a header row naming them`,
  );
}

/**
 * Stream `path` and return its `featureNames` columns (by header name, or by position without a header) as N×D float32.
 * Throws DatasetImportError naming the line, column and value of the first bad cell or a missing column.
 */
export async function readCsvFeatures(
  path: string,
  featureNames: readonly string[],
  read: CsvReadOptions = {},
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<CsvFeatures> {
  const skipLines = read.skipLines ?? 0;
  const sniff = await sniffCsv(path, {
    header: read.header ?? 'auto',
    skipLines,
    ...(read.delimiter ? { delimiter: read.delimiter } : {}),
    maxFileBytes,
  }).catch((e: Error) => {
    throw e instanceof DatasetImportError ? e : new DatasetImportError(path, `cannot read the file: ${e.message}`);
  });
  const columns = featureColumns(path, sniff.header, sniff.columnNames, featureNames);
  const width = sniff.columnNames.length;
  const { stream } = openTextStream(path, { maxFileBytes, skipLines, newline: sniff.newline });
  const out = new Rows();
  const row = new Float32Array(columns.length);
  let line = skipLines;
  await new Promise<void>((resolve, reject) => {
    let failed: Error | null = null;
    const fail = (e: Error): void => {
      failed ??= e;
      stream.destroy();
      reject(failed);
    };
    stream.on('error', (e: Error) => fail(e instanceof DatasetImportError ? e : new DatasetImportError(path, e.message)));
    Papa.parse<string[]>(stream, {
      delimiter: sniff.delimiter,
      newline: sniff.newline,
      quoteChar: '"',
      skipEmptyLines: false,
      chunk(results, parser) {
        for (const cells of results.data) {
          line++;
          if (failed) return parser.abort();
          if ((sniff.header && line === skipLines + 1) || (cells.length === 1 && cells[0] === '')) continue;
          if (cells.length !== width) {
            fail(
              new DatasetImportError(
                path,
                `line ${line} has ${cells.length} fields, expected ${width} like the ${sniff.header ? 'header' : 'first row'}`,
              ),
            );
            return parser.abort();
          }
          for (let j = 0; j < columns.length; j++) {
            const raw = cells[columns[j]];
            const v = parseStrictNumber(raw);
            if (Number.isNaN(v)) {
              fail(
                new DatasetImportError(
                  path,
                  `line ${line}, column "${featureNames[j]}": ${JSON.stringify(raw.slice(0, 40))} (${numberProblem(raw) ?? 'not a number'}) — expected a number`,
                ),
              );
              return parser.abort();
            }
            row[j] = v;
          }
          out.push(row);
        }
      },
      complete: () => {
        if (!failed) resolve();
      },
      error: (e: Error) => fail(new DatasetImportError(path, e.message)),
    });
  });
  return { x: out.data.slice(0, out.length), rows: out.length / Math.max(1, columns.length) };
}
