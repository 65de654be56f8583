/** Sniffing the head of a CSV: line ends, delimiter, header guess, a metadata first line, column names, types and label outcomes, a preview. */
import Papa from 'papaparse';
import { parseStrictNumber } from '../../../core/datasets/number';
import { readHead } from './text-stream';
import { DatasetImportError } from './errors';
import { MAX_AUTO_CLASSES } from './csv-assemble';
import {
  DELIMITERS,
  DEFAULT_MAX_FIELD_BYTES,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_QUOTE,
  type CsvSniff,
  type Delimiter,
  type HeaderBasis,
  type ImportOptions,
  type LabelOutcome,
  type Quote,
  type SniffOptions,
} from '../../../shared/datasets';

/** Only this much of the file is read: the preview of a 60,000-row file never waits for the whole file. */
const HEAD_CHARS = 256 * 1024;
const SAMPLE_ROWS = 100;
export const PREVIEW_ROWS = 25;

type Newline = '\n' | '\r\n' | '\r';

/** The first line break decides the file's line end. */
export function detectNewline(text: string): Newline {
  const at = text.search(/[\r\n]/);
  if (at < 0 || text[at] === '\n') return '\n';
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}

/** Drop the first `n` physical lines. */
function skipLines(text: string, n: number, newline: Newline): string {
  const breakChar = newline === '\r' ? '\r' : '\n';
  let at = 0;
  for (let k = 0; k < n; k++) {
    const next = text.indexOf(breakChar, at);
    if (next < 0) return '';
    at = next + 1;
  }
  return text.slice(at);
}

/** Split on line breaks and delimiters only ('none': a quote is an ordinary character). */
function splitPlain(text: string, delimiter: Delimiter, newline: Newline, limit?: number): string[][] {
  const lines = text.split(newline);
  if (lines.at(-1) === '') lines.pop();
  return lines.slice(0, limit).map((line) => line.split(delimiter));
}

/** Rows of `text` (empty lines dropped) with the 1-based physical line each starts on, counted from `firstLine`. */
function parseRows(
  text: string,
  delimiter: Delimiter,
  newline: Newline,
  firstLine: number,
  quote: Quote,
  limit?: number,
): { rows: string[][]; lines: number[] } {
  // A fresh config object per call: Papa.parse mutates the one it gets.
  const parsed =
    quote === 'none'
      ? splitPlain(text, delimiter, newline, limit)
      : Papa.parse<string[]>(text, {
          delimiter,
          newline,
          quoteChar: quote,
          escapeChar: quote,
          ...(limit === undefined ? {} : { preview: limit }),
          skipEmptyLines: false,
        }).data;
  const breakChar = newline === '\r' ? '\r' : '\n';
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = firstLine;
  for (const row of parsed) {
    if (!(row.length === 1 && row[0] === '')) {
      rows.push(row);
      lines.push(line);
    }
    // A quoted field may hold line breaks: the row then spans more physical lines.
    line += 1 + row.reduce((n, field) => n + field.split(breakChar).length - 1, 0);
  }
  return { rows, lines };
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
function guessHeader(first: string[], rest: string[][]): { header: boolean; basis: HeaderBasis; clash: string | null } {
  if (rest.length === 0) {
    return first.some((v) => !isNumber(v))
      ? { header: true, basis: 'single-text', clash: null }
      : { header: false, basis: 'single-numbers', clash: null };
  }
  const types = guessColumnTypes(rest, first.length);
  const clash = first.findIndex((v, j) => types[j] === 'numeric' && !isNumber(v));
  if (clash >= 0) return { header: true, basis: 'text-above-number', clash: first[clash] };
  if (types.every((t) => t === 'text')) {
    const distinct = new Set(first).size === first.length && first.every((v) => v.trim() !== '');
    const recurs = first.some((v, j) => rest.some((r) => r[j] === v));
    if (distinct && !recurs) return { header: true, basis: 'distinct-names', clash: null };
  }
  return { header: false, basis: 'looks-like-data', clash: null };
}

const REASONS: Record<HeaderBasis, (clash: string | null) => string> = {
  user: () => 'set by the user',
  'single-text': () => 'a single row holding text: read as column names',
  'single-numbers': () => 'a single row of numbers: read as data',
  'text-above-number': (clash) => `"${clash}" is text above a numeric column`,
  'distinct-names': () => 'the first row has distinct names that never recur below',
  'looks-like-data': () => 'the first row looks like data',
};

/** What a label in each column would give, by the import's own rule: text or ≤ MAX_AUTO_CLASSES integers are classes. */
export function labelOutcomes(rows: string[][], types: ('numeric' | 'text')[]): LabelOutcome[] {
  return types.map((type, j) => {
    const distinct = new Set<string>();
    for (const row of rows) {
      const value = (row[j] ?? '').trim();
      if (value === '') continue;
      if (type === 'numeric') {
        const x = parseStrictNumber(value);
        if (Number.isNaN(x)) continue;
        if (!Number.isInteger(x)) return { task: 'regression' };
        distinct.add(String(x));
        if (distinct.size > MAX_AUTO_CLASSES) return { task: 'regression' };
      } else distinct.add(value);
    }
    return { task: 'classification', classes: distinct.size };
  });
}

/** Sniff decoded head text (pure; `complete` false means the last line may be cut and is dropped). */
export function sniffText(raw: string, complete: boolean, options: Partial<ImportOptions> & SniffOptions = {}): CsvSniff {
  const newline = detectNewline(raw);
  const skipped = options.skipLines ?? 0;
  const quote = options.quote ?? DEFAULT_QUOTE;
  let text = skipLines(raw, skipped, newline);
  if (!complete) text = text.slice(0, Math.max(0, text.lastIndexOf(newline === '\r' ? '\r' : '\n')));
  const tried = DELIMITERS.map((delimiter) => {
    const { rows } = parseRows(text, delimiter, newline, skipped + 1, quote, SAMPLE_ROWS + 1);
    const counts = new Set(rows.map((r) => r.length));
    const columns = rows.length > 0 ? rows[0].length : 0;
    const restCounts = new Set(rows.slice(1).map((r) => r.length));
    const restColumns = rows.length > 1 ? rows[1].length : 0;
    const afterFirst = rows.length > 2 && restCounts.size === 1 && restColumns >= 2 && restColumns !== columns;
    return { delimiter, columns, restColumns, consistent: counts.size === 1 && columns >= 2, afterFirst };
  });
  const candidates = tried.filter((t) => t.consistent).map((t) => ({ delimiter: t.delimiter, columns: t.columns }));
  const chosen =
    tried.find((t) => t.delimiter === options.delimiter) ??
    tried.find((t) => t.consistent) ??
    tried.find((t) => t.afterFirst) ??
    [...tried].sort((a, b) => b.columns - a.columns)[0];
  const ambiguous = options.delimiter === undefined && candidates.length > 1;
  const { rows, lines } = parseRows(text, chosen.delimiter, newline, skipped + 1, quote);
  const [first = [], ...rest] = rows;
  const guess = guessHeader(first, rest.slice(0, SAMPLE_ROWS));
  const userHeader = options.header === 'yes' || options.header === 'no';
  const header = options.header === 'yes' ? true : options.header === 'no' ? false : guess.header;
  const basis: HeaderBasis = userHeader ? 'user' : guess.basis;
  const clash = userHeader ? null : guess.clash;
  const columns = first.length;
  const dataRows = header ? rest : rows;
  const dataLines = header ? lines.slice(1) : lines;
  const columnNames = header ? first.map((v, j) => v.trim() || `column ${j + 1}`) : first.map((_, j) => `column ${j + 1}`);
  const columnTypes = guessColumnTypes(dataRows.slice(0, SAMPLE_ROWS), columns);
  const around = options.around;
  const at = around === undefined ? -1 : dataLines.findIndex((line) => line >= around - 3);
  const from = Math.max(0, Math.min(at, dataRows.length - PREVIEW_ROWS));
  const preview = dataRows.slice(from, from + PREVIEW_ROWS);
  return {
    candidates,
    delimiter: chosen.delimiter,
    ambiguous,
    newline,
    header,
    headerReason: REASONS[basis](clash),
    headerBasis: basis,
    headerClash: clash,
    columnNames,
    columnTypes,
    rows: preview,
    rowLines: dataLines.slice(from, from + PREVIEW_ROWS),
    width: Math.max(columns, ...preview.map((r) => r.length)),
    skipSuggestion: chosen.afterFirst ? { lines: skipped + 1, firstFields: chosen.columns, fields: chosen.restColumns } : null,
    labels: labelOutcomes(dataRows, columnTypes),
    sampledRows: dataRows.length,
    complete,
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
export async function sniffCsv(path: string, options: Partial<ImportOptions> & SniffOptions = {}): Promise<CsvSniff> {
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
