/** Tests the predictions CSV: header with p(<class>) columns, quoting, and spreadsheet-formula defusing. */
import { describe, expect, it } from 'vitest';
import { csvField, predictionsToCsv } from '../../../../src/main/services/models/predictions-csv';

describe('predictionsToCsv', () => {
  it('writes row, predicted and one probability column per class', () => {
    const csv = predictionsToCsv([{ row: 1, predicted: 'b', probabilities: [0.25, 0.75] }], ['a', 'b']);
    expect(csv).toBe('row,predicted,p(a),p(b)\n1,b,0.25,0.75\n');
  });

  it('writes only row and predicted for regression', () => {
    expect(predictionsToCsv([{ row: 3, predicted: '-1.5', probabilities: [] }], [])).toBe('row,predicted\n3,-1.5\n');
  });

  it('quotes commas and quotes and defuses formulas', () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField('=cmd()')).toBe("'=cmd()");
    expect(csvField('-2.5')).toBe('-2.5');
  });
});
