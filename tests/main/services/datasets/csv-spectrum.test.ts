import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../../../src/main/services/datasets/csv-chunks';
import { sniffText } from '../../../../src/main/services/datasets/sniff';

const root = dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));
const BROKEN = 'location_coordinates';
const cases = readdirSync(join(root, 'csvs'))
  .map((f) => f.replace(/\.csv$/, ''))
  .filter((name) => name !== BROKEN);

/** The rows as csv-spectrum's JSON describes them: objects keyed by the header. */
function asObjects(rows: string[][]): Record<string, string>[] {
  const [header, ...data] = rows;
  return data.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j]])));
}

describe('csv-spectrum cases parse equal to their JSON', () => {
  it.each(cases)('%s (whole, and fed in 3-character chunks)', (name) => {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(root, 'csvs', `${name}.csv`)));
    const expected: unknown = JSON.parse(readFileSync(join(root, 'json', `${name}.json`), 'utf8'));
    const sniff = sniffText(text, true, { delimiter: ',' });
    for (const chunkSize of [undefined, 3]) {
      const parsed = parseCsvText(text, { delimiter: ',', newline: sniff.newline, chunkSize });
      expect(parsed.problems).toEqual([]);
      expect(asObjects(parsed.rows)).toEqual(expected);
    }
  });

  // location_coordinates is broken upstream: its JSON holds the phone number 1234567890 while the CSV holds
  // 2095257564, so no parser can match that JSON. Check instead that we read what the CSV really contains
  // (a bare quote inside an unquoted field is kept as text, as papaparse does).
  it('reads the broken location_coordinates case as its CSV actually is', () => {
    const text = readFileSync(join(root, 'csvs', `${BROKEN}.csv`), 'utf8');
    const parsed = parseCsvText(text, { delimiter: ',', newline: '\n' });
    expect(asObjects(parsed.rows)).toEqual([
      {
        'Contact Phone Number': '2095257564',
        'Location Coordinates': '37\ufffd36\'37.8"N 121\ufffd2\'17.9"W',
        Cities: 'Modesto',
        Counties: 'Stanislaus',
      },
    ]);
  });
});
