import { describe, expect, it } from 'vitest';
import { detectNewline, sniffText } from '../../../../src/main/services/datasets/sniff';

describe('sniffText', () => {
  it('detects ; and tab delimiters and reports the single candidate as unambiguous', () => {
    expect(sniffText('a;b;c\n1;2;3\n', true)).toMatchObject({
      delimiter: ';',
      ambiguous: false,
      candidates: [{ delimiter: ';', columns: 3 }],
    });
    expect(sniffText('a\tb\n1\t2\n', true)).toMatchObject({ delimiter: '\t', ambiguous: false });
  });

  it('lists every consistent delimiter and flags the choice as ambiguous', () => {
    const s = sniffText('1,5;2,5\n3,5;4,5\n', true);
    expect(s.ambiguous).toBe(true);
    expect(s.candidates).toEqual([
      { delimiter: ',', columns: 3 },
      { delimiter: ';', columns: 2 },
    ]);
  });

  it('is not ambiguous once the user chose a delimiter', () => {
    expect(sniffText('1,5;2,5\n3,5;4,5\n', true, { delimiter: ';' })).toMatchObject({
      delimiter: ';',
      ambiguous: false,
      columnTypes: ['text', 'text'],
    });
  });

  it('guesses a header when text sits above numeric columns, and says why', () => {
    const s = sniffText('x,y,label\n1,2,a\n3,4,b\n', true);
    expect(s).toMatchObject({ header: true, columnNames: ['x', 'y', 'label'], columnTypes: ['numeric', 'numeric', 'text'] });
    expect(s.headerReason).toBe('"x" is text above a numeric column');
  });

  it('reads a first row of numbers as data and names the columns', () => {
    expect(sniffText('1,2,a\n3,4,b\n', true)).toMatchObject({
      header: false,
      columnNames: ['column 1', 'column 2', 'column 3'],
      rows: [
        ['1', '2', 'a'],
        ['3', '4', 'b'],
      ],
    });
  });

  it('follows the header override and skips leading lines', () => {
    const s = sniffText('# exported\nx,y\n1,2\n', true, { skipLines: 1, header: 'no' });
    expect(s).toMatchObject({
      header: false,
      headerReason: 'set by the user',
      rows: [
        ['x', 'y'],
        ['1', '2'],
      ],
    });
  });

  it('drops a cut last line when the head is not the whole file', () => {
    expect(sniffText('a,b\n1,2\n3,', false).rows).toEqual([['1', '2']]);
  });
});

/** A scikit-learn style file: a metadata line `n,d,class names…`, then n rows of d features and an integer class. */
function wineLike(n: number): string {
  const rows = Array.from({ length: n }, (_, i) =>
    [...Array.from({ length: 13 }, (_, j) => ((i * 7 + j) % 11) + 0.25), Math.floor((i * 3) / n)].join(','),
  );
  return [`${n},13,class_0,class_1,class_2`, ...rows].join('\n') + '\n';
}

describe('sniffText on a file whose first line is metadata', () => {
  it('suggests skipping the first line, with both field counts', () => {
    const s = sniffText(wineLike(40), true);
    expect(s.skipSuggestion).toEqual({ lines: 1, firstFields: 5, fields: 14 });
    expect(s.width).toBe(14);
  });

  it('re-reads with the line skipped: 14 columns, no header, the last column three classes', () => {
    const s = sniffText(wineLike(40), true, { skipLines: 1, header: 'auto' });
    expect(s).toMatchObject({
      skipSuggestion: null,
      header: false,
      headerBasis: 'looks-like-data',
      sampledRows: 40,
      complete: true,
    });
    expect(s.columnNames).toHaveLength(14);
    expect(s.labels[13]).toEqual({ task: 'classification', classes: 3 });
    expect(s.labels[0]).toEqual({ task: 'regression' });
    expect(s.rowLines.slice(0, 3)).toEqual([2, 3, 4]);
  });
});

describe('sniffText preview', () => {
  it('shows 25 rows and counts physical lines across quoted line breaks and empty lines', () => {
    const s = sniffText('name,x\n"two\nlines",1\n\nplain,2\n', true);
    expect(s.rows).toEqual([
      ['two\nlines', '1'],
      ['plain', '2'],
    ]);
    expect(s.rowLines).toEqual([2, 5]);
    const long = sniffText(['a,b', ...Array.from({ length: 60 }, (_, i) => `${i},${i % 2}`)].join('\n'), true);
    expect(long.rows).toHaveLength(25);
    expect(long.labels[1]).toEqual({ task: 'classification', classes: 2 });
  });
});

describe('sniffText quote option', () => {
  it("reads ' as the quote character when asked: a quoted comma stays inside its field", () => {
    const text = "city,x,label\n'Paris, FR',1,a\n'Oslo, NO',2,b\n";
    expect(sniffText(text, true, { quote: "'" }).rows).toEqual([
      ['Paris, FR', '1', 'a'],
      ['Oslo, NO', '2', 'b'],
    ]);
    expect(sniffText(text, true).rows[0]).toEqual(["'Paris", " FR'", '1', 'a']);
  });

  it("reads quotes as plain text with 'none': a stray \" neither joins lines nor hides delimiters", () => {
    const text = 'title,x,label\n"Hello,1,a\n"World,2,b\n';
    const plain = sniffText(text, true, { quote: 'none' });
    expect(plain.rows).toEqual([
      ['"Hello', '1', 'a'],
      ['"World', '2', 'b'],
    ]);
    expect(plain.rowLines).toEqual([2, 3]);
    expect(sniffText(text, true).rows).toHaveLength(1);
  });
});

describe('detectNewline', () => {
  it('takes the first line break: \\r\\n, \\r or \\n', () => {
    expect([detectNewline('a\r\nb'), detectNewline('a\rb'), detectNewline('a\nb\r\n'), detectNewline('ab')]).toEqual([
      '\r\n',
      '\r',
      '\n',
      '\n',
    ]);
  });
});
