/**
 * Reads the feature columns a model needs, by name, from a CSV with a header row (a label column, if present, is ignored).
 * An adapter over the dataset service's sniffer and text stream: importDataset always wants a label column.
 */
import Papa from 'papaparse';
import { parseStrictNumber, numberProblem } from '../../../core/datasets/number';
import { DatasetImportError } from '../datasets/errors';
import { sniffCsv } from '../datasets/sniff';
import { openTextStream } from '../datasets/text-stream';
import { DEFAULT_MAX_FILE_BYTES } from '../../../shared/datasets';

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

/**
 * Stream `path` and return its `featureNames` columns (found by header name) as N×D float32.
 * Throws DatasetImportError naming the line, column and value of the first bad cell or a missing column.
 */
export async function readCsvFeatures(path: string, featureNames: readonly string[], maxFileBytes = DEFAULT_MAX_FILE_BYTES): Promise<CsvFeatures> {
  const sniff = await sniffCsv(path, { header: 'yes', maxFileBytes }).catch((e: Error) => {
    throw e instanceof DatasetImportError ? e : new DatasetImportError(path, `cannot read the file: ${e.message}`);
  });
  const missing = featureNames.filter((n) => !sniff.columnNames.includes(n));
  if (missing.length > 0) {
    throw new DatasetImportError(path, `the model needs feature column(s) ${missing.map((n) => JSON.stringify(n)).join(', ')} but the header has ${sniff.columnNames.map((n) => JSON.stringify(n)).join(', ')}`);
  }
  const columns = featureNames.map((n) => sniff.columnNames.indexOf(n));
  const width = sniff.columnNames.length;
  const { stream } = openTextStream(path, { maxFileBytes, skipLines: 0, newline: sniff.newline });
  const out = new Rows();
  const row = new Float32Array(columns.length);
  let line = 0;
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
          if (line === 1 || (cells.length === 1 && cells[0] === '')) continue;
          if (cells.length !== width) {
            fail(new DatasetImportError(path, `line ${line} has ${cells.length} fields, expected ${width} like the header`));
            return parser.abort();
          }
          for (let j = 0; j < columns.length; j++) {
            const raw = cells[columns[j]];
            const v = parseStrictNumber(raw);
            if (Number.isNaN(v)) {
              fail(new DatasetImportError(path, `line ${line}, column "${featureNames[j]}": ${JSON.stringify(raw.slice(0, 40))} (${numberProblem(raw) ?? 'not a number'}) — expected a number`));
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
