import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../../../src/main/services/datasets/csv-import';
import { DatasetImportError } from '../../../../src/main/services/datasets/errors';
import { DEFAULT_IMPORT_OPTIONS, DEFAULT_MAX_ROWS, type ImportOptions } from '../../../../src/shared/datasets';
import { writeGzipBomb } from './gzip-bomb';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/csv');
const tmp = mkdtempSync(join(tmpdir(), 'csv-import-'));
const STOP = 'import stopped (choose "drop rows with missing or invalid values" to skip them)';

function file(name: string, text: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

async function failure(path: string, options: Partial<ImportOptions> = {}): Promise<DatasetImportError> {
  const error = await importCsv(path, { ...DEFAULT_IMPORT_OPTIONS, ...options }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DatasetImportError)) throw new Error(`expected a DatasetImportError from ${path}, got ${String(error)}`);
  return error;
}

describe('the bad-CSV corpus (tests/fixtures/csv): each file fails with its exact message', () => {
  it.each([
    [
      'ragged.csv',
      `ragged.csv: 1 problem found, ${STOP} — line 3: "3,x" (ragged row) — expected 3 fields like the header, found 2`,
    ],
    [
      'not-a-number.csv',
      `not-a-number.csv: 1 problem found, ${STOP} — line 2, column "b": "abc" (not a number) — expected a number`,
    ],
    [
      'trailing-letters.csv',
      `trailing-letters.csv: 1 problem found, ${STOP} — line 2, column "b": "12abc" (not a number) — expected a number`,
    ],
    ['hex.csv', `hex.csv: 1 problem found, ${STOP} — line 2, column "a": "0x1A" (not a number) — expected a number`],
    [
      'decimal-comma.csv',
      `decimal-comma.csv: 1 problem found, ${STOP} — line 2, column "a": "1,5" (not a number) — expected a number`,
    ],
    ['empty-cell.csv', `empty-cell.csv: 1 problem found, ${STOP} — line 2, column "b": "" (empty cell) — expected a number`],
    [
      'nan-infinity.csv',
      `nan-infinity.csv: 2 problems found, ${STOP} — line 2, column "a": "NaN" (NaN or Infinity) — expected a number; line 3, column "b": "Infinity" (NaN or Infinity) — expected a number`,
    ],
    [
      'overflow.csv',
      `overflow.csv: 1 problem found, ${STOP} — line 3, column "a": "1e999" (NaN or Infinity) — expected a number`,
    ],
    [
      'quoted-newline-then-bad.csv',
      `quoted-newline-then-bad.csv: 1 problem found, ${STOP} — line 4, column "b": "oops" (not a number) — expected a number`,
    ],
    ['crlf-bad.csv', `crlf-bad.csv: 1 problem found, ${STOP} — line 3, column "b": "-" (not a number) — expected a number`],
    [
      'empty-label.csv',
      `empty-label.csv: 1 problem found, ${STOP} — line 2, column "label": "" (empty cell) — expected a class name`,
    ],
    [
      'unclosed-quote.csv',
      `unclosed-quote.csv: 1 problem found, ${STOP} — line 2: "1,2,x\\n3,4,y\\n" (quotes) — expected well-formed quotes (Quoted field unterminated)`,
    ],
    [
      'malformed-quote.csv',
      `malformed-quote.csv: 1 problem found, ${STOP} — line 2: "1,2\\"x,y\\n3,4,y\\n" (quotes) — expected well-formed quotes (Trailing quote on quoted field is malformed)`,
    ],
    ['header-only.csv', 'header-only.csv: the file has no data rows'],
    [
      'ambiguous-delimiter.csv',
      'ambiguous-delimiter.csv: the delimiter is ambiguous ("," gives 2 columns, ";" gives 2 columns): choose one',
    ],
    ['not-utf8.csv', 'not-utf8.csv: the file is not valid UTF-8 text (an invalid byte sequence in bytes 0–17); save it as UTF-8'],
  ])('%s', async (name, message) => {
    expect((await failure(join(FIXTURES, name))).message).toBe(message);
  });
});

describe('importCsv problems', () => {
  it('reports each problem with its line, column, raw value and what was expected', async () => {
    const e = await failure(join(FIXTURES, 'nan-infinity.csv'));
    expect(e.problems).toEqual([
      { line: 2, column: 'a', value: 'NaN', expected: 'a number', reason: 'NaN or Infinity' },
      { line: 3, column: 'b', value: 'Infinity', expected: 'a number', reason: 'NaN or Infinity' },
    ]);
    expect(e.totalProblems).toBe(2);
  });

  it('keeps the first 20 problems and counts all of them', async () => {
    const good = Array.from({ length: 60 }, (_, i) => `${i},${i},c`).join('\n');
    const bad = Array.from({ length: 30 }, (_, i) => `${i},x${i},c`).join('\n');
    const e = await failure(file('many.csv', `a,b,label\n${good}\n${bad}\n`));
    expect(e.problems).toHaveLength(20);
    expect(e.totalProblems).toBe(30);
    expect(e.message).toContain('30 problems found');
    expect(e.message).toContain('… 27 more');
  });

  it('drops invalid rows when asked and reports how many and why', async () => {
    const r = await importCsv(join(FIXTURES, 'nan-infinity.csv'), { ...DEFAULT_IMPORT_OPTIONS, dropInvalid: true });
    expect(r.dataset.n).toBe(1);
    expect(Array.from(r.dataset.x)).toEqual([3, 4]);
    expect(r.report.droppedRows).toBe(2);
    expect(r.report.dropReasons).toEqual({ 'NaN or Infinity': 2 });
  });

  it('never reads an empty cell as 0', async () => {
    const r = await importCsv(join(FIXTURES, 'empty-cell.csv'), { ...DEFAULT_IMPORT_OPTIONS, dropInvalid: true });
    expect(Array.from(r.dataset.x)).toEqual([2, 3]);
    expect(r.report.columns[1].missing).toBe(1);
  });

  it('rejects a file over the size cap with the limit in the message', async () => {
    expect((await failure(join(FIXTURES, 'ragged.csv'), { maxFileBytes: 10 })).message).toBe(
      'ragged.csv: the file is 26 bytes, over the 10-byte limit',
    );
  });

  it('rejects a row longer than the field cap (an unclosed quote eating the file)', async () => {
    const path = file('runaway.csv', `a,b,label\n1,2,"${'x'.repeat(5000)}\n`.repeat(1) + '3,4,y\n'.repeat(2000));
    const e = await failure(path, { maxFieldBytes: 1000 });
    expect(e.message).toMatch(
      /^runaway\.csv: a row starting at line 2 is longer than the 1,000-character limit \(an unclosed quote\?\)$/,
    );
  });

  it('names the columns when the label column does not exist', async () => {
    expect((await failure(join(FIXTURES, 'ragged.csv'), { labelColumn: 'species' })).message).toBe(
      'ragged.csv: label column "species" not found; columns are: "a", "b", "label"',
    );
  });
});

describe('importCsv reading', () => {
  it('reads a UTF-8 BOM, CR line ends and quoted fields holding delimiters, quotes and newlines', async () => {
    const path = file('cr.csv', '\ufeffname,"x, y",label\r"a ""q""",1,"one,\rtwo"\r"b",2,three\r"c",3,"one,\rtwo"\r');
    const r = await importCsv(path, { ...DEFAULT_IMPORT_OPTIONS, textFeatures: 'one-hot' });
    expect(r.dataset.featureNames).toEqual(['x, y', 'name=a "q"', 'name=b', 'name=c']);
    expect(r.dataset.target).toMatchObject({ kind: 'classes', classNames: ['one,\rtwo', 'three'] });
    expect(Array.from(r.dataset.x)).toEqual([1, 1, 0, 0, 2, 0, 1, 0, 3, 0, 0, 1]);
  });

  it('reads a gzipped CSV like the plain one', async () => {
    const text = 'a,b,label\n1,2,x\n3,4,y\n';
    const plain = await importCsv(file('p.csv', text), DEFAULT_IMPORT_OPTIONS);
    const gz = await importCsv(file('p.csv.gz', gzipSync(text)), DEFAULT_IMPORT_OPTIONS);
    expect(Array.from(gz.dataset.x)).toEqual(Array.from(plain.dataset.x));
    expect(gz.dataset.name).toBe('p');
  });

  it('skips leading lines and reads the rest without a header when told', async () => {
    const path = file('sk.csv', '150,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n7.0,3.2,4.7,1.4,1\n');
    const auto = await importCsv(path, { ...DEFAULT_IMPORT_OPTIONS, task: 'classification' });
    expect(auto.report.warnings[0]).toMatch(/header row has numbers as names \(150, 4\).*skip 1 line/);
    const r = await importCsv(path, { ...DEFAULT_IMPORT_OPTIONS, skipLines: 1, header: 'no' });
    expect(r.dataset.n).toBe(2);
    expect(r.dataset.featureNames).toEqual(['column 1', 'column 2', 'column 3', 'column 4']);
    expect(r.dataset.target).toMatchObject({ kind: 'classes', classNames: ['0', '1'] });
  });

  it('numbers lines after skipped lines and quoted newlines by physical line', async () => {
    const e = await failure(file('ln.csv', 'junk\nmore junk\na,b,label\n1,2,"x\ny"\n3,bad,z\n'), { skipLines: 2 });
    expect(e.problems[0]).toMatchObject({ line: 6, column: 'b', value: 'bad' });
  });

  it('reads a numeric label with many values as a regression target, or as classes when asked', async () => {
    const text = 'x,y\n' + Array.from({ length: 60 }, (_, i) => `${i},${i * 1.5}`).join('\n');
    const r = await importCsv(file('reg.csv', text), DEFAULT_IMPORT_OPTIONS);
    expect(r.dataset.target).toMatchObject({ kind: 'regression', names: ['y'] });
    const ints = 'x,y\n1,10\n2,2\n3,10\n';
    const c = await importCsv(file('cls.csv', ints), DEFAULT_IMPORT_OPTIONS);
    expect(c.dataset.target).toMatchObject({ kind: 'classes', classNames: ['2', '10'] });
  });

  it('refuses a text label as a regression target', async () => {
    expect((await failure(join(FIXTURES, '../csv/ragged.csv'), { task: 'regression', dropInvalid: true })).message).toBe(
      'ragged.csv: label column "label" holds text, so it cannot be a regression target',
    );
  });

  it('uses the chosen label and feature columns and reports column roles and statistics', async () => {
    const path = file('roles.csv', 'id,h,w,kind\n1,10,2,a\n2,20,4,b\n3,30,6,a\n');
    const r = await importCsv(path, { ...DEFAULT_IMPORT_OPTIONS, labelColumn: 'kind', featureColumns: ['w', 1] });
    expect(r.dataset.featureNames).toEqual(['w', 'h']);
    expect(r.report.columns.map((c) => c.role)).toEqual(['ignored', 'feature', 'feature', 'label']);
    expect(r.report.columns[1]).toMatchObject({ min: 10, max: 30, mean: 20, distinct: 3 });
    expect(r.report.classBalance.map((c) => c.count)).toEqual([2, 1]);
    expect(r.report.preview[0]).toEqual(['1', '10', '2', 'a']);
  });

  it('leaves text feature columns out when asked, with a warning', async () => {
    const path = file('drop.csv', 'color,h,label\nred,1,a\nblue,2,b\n');
    const r = await importCsv(path, { ...DEFAULT_IMPORT_OPTIONS, textFeatures: 'drop' });
    expect(r.dataset.featureNames).toEqual(['h']);
    expect(r.report.warnings).toContain('text column "color" is left out (text features: drop)');
  });

  it('puts the feature matrix on a SharedArrayBuffer', async () => {
    const r = await importCsv(join(FIXTURES, '../../../resources/datasets/iris.csv'), DEFAULT_IMPORT_OPTIONS);
    expect(r.dataset.x.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('collects every problem and keeps the valid rows in collect-all mode', async () => {
    const r = await importCsv(join(FIXTURES, 'nan-infinity.csv'), { ...DEFAULT_IMPORT_OPTIONS, collectAll: true });
    expect([r.report.totalProblems, r.report.problems.length, r.dataset.n]).toEqual([2, 2, 1]);
  });
});

describe('import budgets: rows and memory are refused before they are allocated', () => {
  it('refuses a 1 GiB gzip bomb (268,435,456 rows in a ~1 MB file) once it passes the default row limit, naming how to raise it', async () => {
    const path = join(tmp, 'bomb.csv.gz');
    expect(writeGzipBomb(path, 1024)).toBeLessThan(2 * 1024 ** 2);
    const progress: number[] = [];
    const error = await importCsv(path, DEFAULT_IMPORT_OPTIONS, (p) => progress.push(p.rows)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatasetImportError);
    expect((error as Error).message).toMatch(
      /^bomb\.csv\.gz: the dataset has more than 10,000,000 rows, the row limit; .*--max-rows/,
    );
    // It stopped reading right after the limit, not at the end of the file.
    expect(Math.max(...progress)).toBeLessThan(DEFAULT_MAX_ROWS + 300_000);
  });

  it('refuses the bomb against the memory budget when that is the lower limit', async () => {
    const path = join(tmp, 'bomb-small.csv.gz');
    writeGzipBomb(path, 64);
    const error = await failure(path, { memoryBudgetBytes: 8 * 1024 ** 2 });
    // One feature (4 bytes) and the label (8 bytes) stored, 26 bytes of the parser's working memory (csvBytesPerRow).
    expect(error.message).toMatch(
      /the dataset needs more than 8\.0 MiB with the parser's working memory \(more than [\d,]+ rows × 38 bytes\), more than the import memory budget of 8\.0 MiB; .*--memory-budget/,
    );
  });

  it("refuses a bomb with a raised row limit before the parser's working memory passes the budget (code and limit in the params)", async () => {
    const path = join(tmp, 'bomb-rows.csv.gz');
    writeGzipBomb(path, 64); // 16,777,216 rows
    const budget = 32 * 1024 ** 2;
    const progress: number[] = [];
    const error = await importCsv(path, { ...DEFAULT_IMPORT_OPTIONS, maxRows: 2 ** 31 - 1, memoryBudgetBytes: budget }, (p) =>
      progress.push(p.rows),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetImportError);
    const wire = (error as DatasetImportError).toWireError();
    expect(wire).toMatchObject({ code: 'dataset-import', params: { file: 'bomb-rows.csv.gz', limit: 'memory-budget' } });
    expect(wire.message).toMatch(/import memory budget of 32\.0 MiB; .*--memory-budget in the CLI, BACKPROP_MEMORY_BUDGET/);
    // Refused within a chunk of budget ÷ 38 bytes a row (~883,000 rows), long before the stored bytes alone (12 a row) pass it.
    expect(Math.max(...progress)).toBeLessThan(budget / 38 + 100_000);
  });

  it('estimates a plain file from the bytes read so far and refuses before reading it all', async () => {
    const path = file('big.csv', 'a,b,c\n' + '1.5,2.5,0\n'.repeat(600_000));
    const rowsSeen: number[] = [];
    const error = await importCsv(path, { ...DEFAULT_IMPORT_OPTIONS, memoryBudgetBytes: 1024 ** 2, maxFileBytes: 1 << 30 }, (p) =>
      rowsSeen.push(p.rows),
    ).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /the dataset needs about [\d.]+ MiB with the parser's working memory \(about 5\d\d,\d{3} rows × 44 bytes\), more than the import memory budget of 1\.0 MiB/,
    );
    expect(Math.max(0, ...rowsSeen)).toBeLessThan(600_000);
  });

  it('imports within the limits', async () => {
    const path = file('small.csv', 'a,b\n' + '1,0\n2,1\n'.repeat(500));
    const result = await importCsv(path, { ...DEFAULT_IMPORT_OPTIONS, maxRows: 1000, memoryBudgetBytes: 38_000 });
    expect(result.dataset.n).toBe(1000);
    await expect(importCsv(path, { ...DEFAULT_IMPORT_OPTIONS, maxRows: 999 })).rejects.toThrow(
      /more than 999 rows, the row limit/,
    );
  });
});

describe('wide files', () => {
  it('imports a CSV of 100,000 columns (its header is longer than the 256 KB sniff head)', async () => {
    const columns = 100_000;
    const header = Array.from({ length: columns }, (_, j) => `c${j}`).join(',');
    const row = (k: number) => Array.from({ length: columns }, (_, j) => (j === columns - 1 ? k % 2 : (j + k) % 10)).join(',');
    const path = file('wide.csv', [header, ...Array.from({ length: 6 }, (_, k) => row(k))].join('\n') + '\n');
    const result = await importCsv(path, DEFAULT_IMPORT_OPTIONS);
    expect([result.dataset.n, result.dataset.d]).toEqual([6, columns - 1]);
    expect(result.report.header).toBe(true);
  });

  it('refuses a file whose first line is longer than the row limit, naming the limit', async () => {
    const path = file('one-line.csv', '1,'.repeat(300_000) + '1');
    const error = await failure(path, { maxFieldBytes: 100_000 });
    expect(error.message).toBe(
      'one-line.csv: the first lines are longer than the 100,000-character row limit (a row of very many columns, or no line breaks); raise maxFieldBytes to import it',
    );
  });
});

describe('the quote option', () => {
  it("imports fields quoted with ' as numbers when quote is ', and as text (one-hot) otherwise", async () => {
    const path = file('single-quoted.csv', "x,y,label\n'1',2,a\n'3',4,b\n'5',6,a\n");
    const result = await importCsv(path, { ...DEFAULT_IMPORT_OPTIONS, quote: "'" });
    expect([result.dataset.n, result.dataset.d]).toEqual([3, 2]);
    expect([...result.dataset.x]).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await importCsv(path, DEFAULT_IMPORT_OPTIONS)).dataset.featureNames).toEqual(['y', "x='1'", "x='3'", "x='5'"]);
  });

  it("keeps every line a row with quote 'none', where \" would join lines", async () => {
    const path = file('stray-quotes.csv', 'x,label\n1,"a\n2,b"\n3,"a\n');
    const result = await importCsv(path, { ...DEFAULT_IMPORT_OPTIONS, quote: 'none' });
    expect(result.dataset.n).toBe(3);
    expect(result.report.classBalance.map((c) => c.className).sort()).toEqual(['"a', 'b"']);
  });
});
