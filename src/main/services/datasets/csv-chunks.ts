/** CsvChunkParser: feeds decoded text chunks to the row sink — a scanner for quote-free text, papaparse's Parser where the quote character appears. */
import Papa from 'papaparse';
import { DatasetImportError } from './errors';
import { DEFAULT_QUOTE, type CsvProblem, type Delimiter, type Quote } from '../../../shared/datasets';

/** The part of papaparse's Parser.parse result we read. */
interface PapaChunk {
  data: string[][];
  errors: { type: string; code: string; message: string; row?: number }[];
  meta: { cursor: number };
}

/** Line breaks inside a row's fields (only quoted fields can hold them): \r\n, \n and lone \r count once each. */
export function lineBreaks(row: string[]): number {
  let count = 0;
  for (const field of row) {
    for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) count++;
    for (let i = field.indexOf('\r'); i >= 0; i = field.indexOf('\r', i + 1)) if (field[i + 1] !== '\n') count++;
  }
  return count;
}

/** Where parsed rows go: CsvRowSink (the importer) or RecordingSink (plain string rows). */
export interface RowSink {
  /** A row split into fields, starting on physical line `line`. */
  add(row: string[], line: number): void;
  /** A quote-free line text[start, end) to split on `delimiter`. */
  addLine(text: string, start: number, end: number, delimiter: string, line: number): void;
  /** A row rejected by the parser itself (malformed quotes). */
  rejectRow(problem: CsvProblem): void;
}

/** Collects rows as strings with their physical line numbers (tests, previews). */
export class RecordingSink implements RowSink {
  readonly rows: string[][] = [];
  readonly lines: number[] = [];
  readonly problems: CsvProblem[] = [];
  add(row: string[], line: number): void {
    this.rows.push(row);
    this.lines.push(line);
  }
  addLine(text: string, start: number, end: number, delimiter: string, line: number): void {
    this.add(text.slice(start, end).split(delimiter), line);
  }
  rejectRow(problem: CsvProblem): void {
    this.problems.push(problem);
  }
}

export class CsvChunkParser {
  /** The next row's physical line (1-based); advanced as rows are consumed. */
  line: number;
  /** Text after the last complete row, waiting for the next chunk; set by push, read by push/end. */
  private leftover = '';
  private headerPending: boolean;
  /** The quote character, or null when quotes are plain text (every line then takes the scanner). */
  private readonly quoteChar: string | null;
  readonly preview: string[][] = [];

  constructor(
    private readonly path: string,
    private readonly sink: RowSink,
    private readonly delimiter: Delimiter,
    private readonly newline: '\n' | '\r\n' | '\r',
    options: { header: boolean; firstLine: number; maxFieldBytes: number; quote?: Quote },
    private readonly maxFieldBytes = options.maxFieldBytes,
  ) {
    this.line = options.firstLine;
    this.headerPending = options.header;
    const quote = options.quote ?? DEFAULT_QUOTE;
    this.quoteChar = quote === 'none' ? null : quote;
  }

  /** Consume a chunk of text (final: the end of the file, so the last row needs no line break). */
  push(chunk: string, final = false): void {
    const text = this.leftover + chunk;
    this.leftover = '';
    if (text.length === 0) return;
    const quoted = this.quoteChar !== null && text.includes(this.quoteChar);
    const consumed = quoted ? this.quoted(text, final) : this.plain(text, final);
    this.leftover = text.slice(consumed);
    if (this.leftover.length > this.maxFieldBytes) {
      throw new DatasetImportError(
        this.path,
        `a row starting at line ${this.line} is longer than the ${this.maxFieldBytes.toLocaleString('en')}-character limit (an unclosed quote?)`,
      );
    }
  }

  end(): void {
    this.push('', true);
  }

  private keepPreview(row: string[]): void {
    if (this.preview.length < 10 && row.length > 1) this.preview.push(row);
  }

  /** No quotes: scan line by line; returns how many characters were consumed. */
  private plain(text: string, final: boolean): number {
    const breakChar = this.newline === '\r' ? '\r' : '\n';
    const crlf = this.newline === '\r\n';
    let pos = 0;
    for (;;) {
      let next = text.indexOf(breakChar, pos);
      if (next < 0) {
        if (!final || pos === text.length) return pos;
        next = text.length;
      }
      const end = crlf && next > pos && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
      if (this.headerPending) this.headerPending = false;
      else {
        if (this.preview.length < 10) this.keepPreview(text.slice(pos, end).split(this.delimiter));
        this.sink.addLine(text, pos, end, this.delimiter, this.line);
      }
      this.line++;
      pos = next + 1;
      if (pos >= text.length) return text.length;
    }
  }

  /** Quotes present: papaparse's Parser on the text; returns the cursor after the last complete row. */
  private quoted(text: string, final: boolean): number {
    // A fresh config per parser: Papa mutates the config it gets.
    const quoteChar = this.quoteChar ?? '"';
    const parser = new Papa.Parser({ delimiter: this.delimiter, newline: this.newline, quoteChar, escapeChar: quoteChar });
    const result: PapaChunk = parser.parse(text, 0, !final);
    const quoteErrors = new Map<number, string>();
    for (const e of result.errors)
      if (e.type === 'Quotes' && e.row !== undefined && !quoteErrors.has(e.row)) quoteErrors.set(e.row, e.message);
    result.data.forEach((row, r) => {
      const at = this.line;
      this.line += 1 + lineBreaks(row);
      if (this.headerPending) {
        this.headerPending = false;
        return;
      }
      const quote = quoteErrors.get(r);
      if (quote !== undefined) {
        this.sink.rejectRow({
          line: at,
          column: null,
          value: row.join(this.delimiter).slice(0, 80),
          expected: `well-formed quotes (${quote})`,
          reason: 'quotes',
        });
        return;
      }
      this.keepPreview(row);
      this.sink.add(row, at);
    });
    return final ? text.length : result.meta.cursor;
  }
}

/** Parse CSV text into string rows, fed in chunks of `chunkSize` characters (to exercise chunk boundaries). */
export function parseCsvText(
  text: string,
  options: {
    delimiter: Delimiter;
    newline: '\n' | '\r\n' | '\r';
    header?: boolean;
    chunkSize?: number;
    maxFieldBytes?: number;
    quote?: Quote;
  },
): RecordingSink {
  const sink = new RecordingSink();
  const parser = new CsvChunkParser('text', sink, options.delimiter, options.newline, {
    header: options.header ?? false,
    firstLine: 1,
    maxFieldBytes: options.maxFieldBytes ?? 1 << 20,
    quote: options.quote,
  });
  const size = options.chunkSize ?? (text.length || 1);
  for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size));
  parser.end();
  return sink;
}
