/** Sniffing the head of a CSV: line ends, delimiter candidates, header guess, column names and types. */
import Papa from 'papaparse';
import { parseStrictNumber } from '../../../core/datasets/number';
import { readHead } from './text-stream';
import { DatasetImportError } from './errors';
import { DELIMITERS, DEFAULT_MAX_FIELD_BYTES, DEFAULT_MAX_FILE_BYTES, type CsvSniff, type Delimiter, type ImportOptions } from '../../../shared/datasets';

const HEAD_CHARS = 256 * 1024;
const SAMPLE_ROWS = 100;
export const PREVIEW_ROWS = 10;

/** The first line break decides the file's line end. */
export function detectNewline(text: string): '\n' | '\r\n' | '\r' {
  const at = text.search(/[\r\n]/);
  if (at < 0 || text[at] === '\n') return '\n';
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}

/** Drop the first `n` physical lines. */
function skipLines(text: string, n: number, newline: '\n' | '\r\n' | '\r'): string {
  const breakChar = newline === '\r' ? '\r' : '\n';
  let at = 0;
  for (let k = 0; k < n; k++) {
    const next = text.indexOf(breakChar, at);
    if (next < 0) return '';
    at = next + 1;
  }
  return text.slice(at);
}

function parseRows(text: string, delimiter: Delimiter, newline: '\n' | '\r\n' | '\r'): string[][] {
  // A fresh config object per call: Papa.parse mutates the one it gets.
  const rows = Papa.parse<string[]>(text, { delimiter, newline, preview: SAMPLE_ROWS + 1, skipEmptyLines: true }).data;
  return rows;
}

const isNumber = (s: string) => !Number.isNaN(parseStrictNumber(s.trim()));

/** Per column: numeric when at least half of its non-empty sample values are numbers. */
export function guessColumnTypes(rows: string[][], columns: number): ('numeric' | 'text')[] {
  return Array.from({ length: columns }, (_, j) => {
    const values = rows.map((r) => r[j] ?? '').filter((v) => v.trim() !== '');
    const numbers = values.filter(isNumber).length;
    return values.length > 0 && numbers * 2 >= values.length ? 'numeric' : 'text';
  });
}

/** Guess whether the first row holds column names, and say why. */
function guessHeader(first: string[], rest: string[][]): { header: boolean; reason: string } {
  if (rest.length === 0) {
    return first.some((v) => !isNumber(v)) ? { header: true, reason: 'a single row holding text: read as column names' } : { header: false, reason: 'a single row of numbers: read as data' };
  }
  const types = guessColumnTypes(rest, first.length);
  const clash = first.findIndex((v, j) => types[j] === 'numeric' && !isNumber(v));
  if (clash >= 0) return { header: true, reason: `"${first[clash]}" is text above a numeric column` };
  if (types.every((t) => t === 'text')) {
    const distinct = new Set(first).size === first.length && first.every((v) => v.trim() !== '');
    const recurs = first.some((v, j) => rest.some((r) => r[j] === v));
    if (distinct && !recurs) return { header: true, reason: 'the first row has distinct names that never recur below' };
  }
  return { header: false, reason: 'the first row looks like data' };
}

/** Sniff decoded head text (pure; `complete` false means the last line may be cut and is dropped). */
export function sniffText(raw: string, complete: boolean, options: Partial<ImportOptions> = {}): CsvSniff {
  const newline = detectNewline(raw);
  let text = skipLines(raw, options.skipLines ?? 0, newline);
  if (!complete) text = text.slice(0, Math.max(0, text.lastIndexOf(newline === '\r' ? '\r' : '\n')));
  const tried = DELIMITERS.map((delimiter) => {
    const rows = parseRows(text, delimiter, newline);
    const counts = new Set(rows.map((r) => r.length));
    const columns = rows.length > 0 ? rows[0].length : 0;
    return { delimiter, rows, columns, consistent: counts.size === 1 && columns >= 2 };
  });
  const candidates = tried.filter((t) => t.consistent).map((t) => ({ delimiter: t.delimiter, columns: t.columns }));
  const chosen =
    tried.find((t) => t.delimiter === options.delimiter) ??
    tried.find((t) => t.consistent) ??
    [...tried].sort((a, b) => b.columns - a.columns)[0];
  const ambiguous = options.delimiter === undefined && candidates.length > 1;
  const [first = [], ...rest] = chosen.rows;
  const guess = guessHeader(first, rest);
  const header = options.header === 'yes' ? true : options.header === 'no' ? false : guess.header;
  const headerReason = options.header === 'yes' || options.header === 'no' ? 'set by the user' : guess.reason;
  const columns = first.length;
  const dataRows = header ? rest : chosen.rows;
  const columnNames = header ? first.map((v, j) => v.trim() || `column ${j + 1}`) : first.map((_, j) => `column ${j + 1}`);
  return {
    candidates,
    delimiter: chosen.delimiter,
    ambiguous,
    newline,
    header,
    headerReason,
    columnNames,
    columnTypes: guessColumnTypes(dataRows, columns),
    rows: dataRows.slice(0, PREVIEW_ROWS),
  };
}

/** Line breaks needed in the head (after skipped lines) to sniff: the header or first row, and a row after it. */
const HEAD_LINES = 2;

const lineBreaks = (text: string): number => text.match(/\n|\r(?!\n)/g)?.length ?? 0;

/**
 * Read the head of a CSV (plain or .gz) and sniff it. Wide files (a header of 100,000 columns is longer than the
 * 256 KB head) are read further, up to a few rows of the longest accepted row (maxFieldBytes), before sniffing;
 * a file whose first lines are longer still is refused naming that limit.
 */
export async function sniffCsv(path: string, options: Partial<ImportOptions> = {}): Promise<CsvSniff> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let head = await readHead(path, HEAD_CHARS, maxFileBytes);
  const wanted = (options.skipLines ?? 0) + HEAD_LINES;
  if (!head.complete && lineBreaks(head.text) < wanted) {
    const maxRow = options.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES;
    head = await readHead(path, Math.max(HEAD_CHARS, maxRow * (HEAD_LINES + 1)), maxFileBytes);
    if (!head.complete && lineBreaks(head.text) < wanted) {
      throw new DatasetImportError(
        path,
        `the first lines are longer than the ${maxRow.toLocaleString('en')}-character row limit (a row of very many columns, or no line breaks); raise maxFieldBytes to import it`,
      );
    }
  }
  return sniffText(head.text, head.complete, options);
}
