import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../../../src/main/services/datasets/csv-chunks';
import type { Delimiter } from '../../../../src/shared/datasets';

/** Representative plain cases in the spirit of papaparse's core parser tests, as our own table: input → rows. */
const CASES: { name: string; input: string; rows: string[][]; delimiter?: Delimiter; newline?: '\n' | '\r\n' | '\r' }[] = [
  { name: 'one row', input: 'A,b,c', rows: [['A', 'b', 'c']] },
  {
    name: 'two rows',
    input: 'A,b,c\nd,E,f',
    rows: [
      ['A', 'b', 'c'],
      ['d', 'E', 'f'],
    ],
  },
  { name: 'whitespace at the edges of unquoted fields is kept', input: 'a ,  b ,c', rows: [['a ', '  b ', 'c']] },
  { name: 'quoted field', input: 'A,"B",C', rows: [['A', 'B', 'C']] },
  { name: 'quoted field with a delimiter', input: 'A,"B,B",C', rows: [['A', 'B,B', 'C']] },
  { name: 'quoted field with \\n', input: 'A,"B\nB",C', rows: [['A', 'B\nB', 'C']] },
  { name: 'quoted field with \\r\\n', input: 'A,"B\r\nB",C', rows: [['A', 'B\r\nB', 'C']], newline: '\r\n' },
  { name: 'escaped quotes', input: 'A,"B""B""B",C', rows: [['A', 'B"B"B', 'C']] },
  { name: 'a field that is only an escaped quote', input: 'A,"""",C', rows: [['A', '"', 'C']] },
  {
    name: 'quoted field at the end of a row',
    input: 'a,b,"c,c\nc"\nd,e,f',
    rows: [
      ['a', 'b', 'c,c\nc'],
      ['d', 'e', 'f'],
    ],
  },
  { name: 'empty quoted fields', input: 'a,"",c', rows: [['a', '', 'c']] },
  {
    name: 'empty fields',
    input: 'a,,c\n,,',
    rows: [
      ['a', '', 'c'],
      ['', '', ''],
    ],
  },
  {
    name: 'tab delimiter',
    input: 'a\tb\tc\nd\te\tf',
    rows: [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ],
    delimiter: '\t',
  },
  { name: 'semicolon delimiter with a decimal comma kept as text', input: 'a;1,5;c', rows: [['a', '1,5', 'c']], delimiter: ';' },
  {
    name: 'CRLF line ends',
    input: 'a,b\r\nc,d\r\n',
    rows: [
      ['a', 'b'],
      ['c', 'd'],
    ],
    newline: '\r\n',
  },
  {
    name: 'CR line ends',
    input: 'a,b\rc,d\r',
    rows: [
      ['a', 'b'],
      ['c', 'd'],
    ],
    newline: '\r',
  },
  {
    name: 'a trailing newline adds no row',
    input: 'a,b\nc,d\n',
    rows: [
      ['a', 'b'],
      ['c', 'd'],
    ],
  },
  { name: 'an empty line in the middle is an empty row', input: 'a,b\n\nc,d', rows: [['a', 'b'], [''], ['c', 'd']] },
];

describe('papaparse-style core cases', () => {
  it.each(CASES)('$name', ({ input, rows, delimiter, newline }) => {
    for (const chunkSize of [undefined, 1, 2, 5]) {
      const parsed = parseCsvText(input, { delimiter: delimiter ?? ',', newline: newline ?? '\n', chunkSize });
      expect(parsed.rows, `chunk size ${chunkSize}`).toEqual(rows);
    }
  });

  it('counts physical lines: a quoted newline advances the line of the next row', () => {
    const parsed = parseCsvText('a,"x\ny",c\nd,e,f\ng,"1\r\n2\r3",h\ni,j,k', { delimiter: ',', newline: '\n' });
    expect(parsed.lines).toEqual([1, 3, 4, 7]);
  });

  it('reports an unterminated quote as a problem on the line where the row starts', () => {
    const parsed = parseCsvText('a,b\nc,"d\ne,f', { delimiter: ',', newline: '\n' });
    expect(parsed.problems).toMatchObject([
      { line: 2, reason: 'quotes', expected: 'well-formed quotes (Quoted field unterminated)' },
    ]);
  });
});
