import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../../../src/main/services/datasets/csv-import';
import { DEFAULT_IMPORT_OPTIONS } from '../../../../src/shared/datasets';

const tmp = mkdtempSync(join(tmpdir(), 'csv-prop-'));

/** A finite number written as text in one of several spellings a CSV may hold. */
const cell = fc
  .tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom('plain', 'exp', 'fixed', 'int'), fc.boolean())
  .map(([v, style, quoted]) => {
    const value = style === 'int' ? Math.trunc(v) : v;
    const number = value === 0 ? 0 : value; // -0 reads back as 0
    const text = style === 'exp' ? number.toExponential() : style === 'fixed' ? number.toFixed(3) : String(number);
    return { value: Number(text), text: quoted ? `"${text}"` : text };
  });

const table = fc
  .tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 25 }))
  .chain(([cols, rows]) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));

describe('CSV round trip (property)', () => {
  it('random numeric tables written with random quoting, line ends, BOM and final newline read back to the same numbers', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        fc.boolean(),
        async (rows, eol, delimiter, bom, finalEol) => {
          const cols = rows[0].length;
          const header = Array.from({ length: cols }, (_, j) => `c${j}`).join(delimiter);
          const body = rows.map((r) => r.map((c) => c.text).join(delimiter)).join(eol);
          const path = join(tmp, `t${run++}.csv`);
          writeFileSync(path, `${bom ? '\ufeff' : ''}${header}${eol}${body}${finalEol ? eol : ''}`);
          const { dataset } = await importCsv(path, { ...DEFAULT_IMPORT_OPTIONS, header: 'yes', delimiter, task: 'regression' });
          const features = rows.flatMap((r) => r.slice(0, -1).map((c) => Math.fround(c.value)));
          const labels = rows.map((r) => Math.fround(r[cols - 1].value));
          expect(Array.from(dataset.x)).toEqual(features);
          expect(dataset.target.kind === 'regression' && Array.from(dataset.target.y)).toEqual(labels);
        },
      ),
      { numRuns: 150, seed: 20261128 },
    );
  });
});
