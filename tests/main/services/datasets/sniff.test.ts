import { describe, expect, it } from 'vitest';
import { detectNewline, sniffText } from '../../../../src/main/services/datasets/sniff';

describe('sniffText', () => {
  it('detects ; and tab delimiters and reports the single candidate as unambiguous', () => {
    expect(sniffText('a;b;c\n1;2;3\n', true)).toMatchObject({ delimiter: ';', ambiguous: false, candidates: [{ delimiter: ';', columns: 3 }] });
    expect(sniffText('a\tb\n1\t2\n', true)).toMatchObject({ delimiter: '\t', ambiguous: false });
  });

  it('lists every consistent delimiter and flags the choice as ambiguous', () => {
    const s = sniffText('1,5;2,5\n3,5;4,5\n', true);
    expect(s.ambiguous).toBe(true);
    expect(s.candidates).toEqual([{ delimiter: ',', columns: 3 }, { delimiter: ';', columns: 2 }]);
  });

  it('is not ambiguous once the user chose a delimiter', () => {
    expect(sniffText('1,5;2,5\n3,5;4,5\n', true, { delimiter: ';' })).toMatchObject({ delimiter: ';', ambiguous: false, columnTypes: ['text', 'text'] });
  });

  it('guesses a header when text sits above numeric columns, and says why', () => {
    const s = sniffText('x,y,label\n1,2,a\n3,4,b\n', true);
    expect(s).toMatchObject({ header: true, columnNames: ['x', 'y', 'label'], columnTypes: ['numeric', 'numeric', 'text'] });
    expect(s.headerReason).toBe('"x" is text above a numeric column');
  });

  it('reads a first row of numbers as data and names the columns', () => {
    expect(sniffText('1,2,a\n3,4,b\n', true)).toMatchObject({ header: false, columnNames: ['column 1', 'column 2', 'column 3'], rows: [['1', '2', 'a'], ['3', '4', 'b']] });
  });

  it('follows the header override and skips leading lines', () => {
    const s = sniffText('# exported\nx,y\n1,2\n', true, { skipLines: 1, header: 'no' });
    expect(s).toMatchObject({ header: false, headerReason: 'set by the user', rows: [['x', 'y'], ['1', '2']] });
  });

  it('drops a cut last line when the head is not the whole file', () => {
    expect(sniffText('a,b\n1,2\n3,', false).rows).toEqual([['1', '2']]);
  });
});

describe('detectNewline', () => {
  it('takes the first line break: \\r\\n, \\r or \\n', () => {
    expect([detectNewline('a\r\nb'), detectNewline('a\rb'), detectNewline('a\nb\r\n'), detectNewline('ab')]).toEqual(['\r\n', '\r', '\n', '\n']);
  });
});
