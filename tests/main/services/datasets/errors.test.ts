/** A dataset import that fails without cell problems carries a stable reason and its values to the page (and through the worker). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../../../src/main/services/datasets/csv-import';
import { DatasetImportError } from '../../../../src/main/services/datasets/errors';
import { parseIdx } from '../../../../src/main/services/datasets/idx';
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from '../../../../src/shared/datasets';
import { toWireError } from '../../../../src/shared/errors';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/csv');
const tmp = mkdtempSync(join(tmpdir(), 'import-reason-'));

function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

async function wireOf(path: string, options: Partial<ImportOptions> = {}) {
  const error = await importCsv(path, { ...DEFAULT_IMPORT_OPTIONS, ...options }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DatasetImportError)) throw new Error(`expected a DatasetImportError, got ${String(error)}`);
  return toWireError(error);
}

describe('dataset-import reasons on the wire', () => {
  it('ambiguous-delimiter: the candidates as delimiter → columns; the message stays the CLI text', async () => {
    const wire = await wireOf(join(FIXTURES, 'ambiguous-delimiter.csv'));
    expect(wire).toMatchObject({
      code: 'dataset-import',
      params: { reason: 'ambiguous-delimiter', file: 'ambiguous-delimiter.csv', candidates: '"," → 2, ";" → 2' },
    });
    expect(wire.message).toBe(
      'ambiguous-delimiter.csv: the delimiter is ambiguous ("," gives 2 columns, ";" gives 2 columns): choose one',
    );
  });

  it('cannot-open: a missing file', async () => {
    const wire = await wireOf(join(tmp, 'missing.csv'));
    expect(wire.params).toMatchObject({ reason: 'cannot-open', file: 'missing.csv' });
  });

  it('no-data-rows and all-rows-invalid', async () => {
    expect((await wireOf(join(FIXTURES, 'header-only.csv'))).params.reason).toBe('no-data-rows');
    const bad = file('all-bad.csv', 'a,b,label\n1,2,\n3,4,\n');
    expect((await wireOf(bad, { dropInvalid: true })).params).toMatchObject({ reason: 'all-rows-invalid', count: 2 });
  });

  it('file-too-large: size and limit, formatted', async () => {
    const big = file('big.csv', 'a,b,label\n1,2,3\n');
    expect((await wireOf(big, { maxFileBytes: 4 })).params).toMatchObject({ reason: 'file-too-large', size: '16', limit: '4' });
  });

  it('column roles (planColumns) and the task (decideTask) keep their reason', async () => {
    const path = file('roles.csv', 'a,b,kind\n1,2,x\n3,4,y\n');
    expect((await wireOf(path, { labelColumn: 'nope' })).params).toMatchObject({ reason: 'label-not-found', column: 'nope' });
    expect((await wireOf(path, { task: 'regression' })).params).toMatchObject({
      reason: 'label-text-regression',
      column: 'kind',
    });
  });

  it('idx headers: bad magic and a truncated header', () => {
    const header = Buffer.alloc(8);
    header.writeUInt32BE(0x0901, 0);
    const wire = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        return toWireError(e);
      }
      throw new Error('expected a failure');
    };
    expect(wire(() => parseIdx(header, 'x.idx', 1)).params).toMatchObject({
      reason: 'idx-bad-magic',
      magic: '0x00000901',
      expected: '0x00000801',
    });
    const shortImages = Buffer.alloc(6);
    shortImages.writeUInt32BE(0x0803, 0);
    expect(wire(() => parseIdx(shortImages, 'y.idx', 3)).params).toMatchObject({ reason: 'idx-truncated-header', bytes: 6 });
  });

  it('the reason survives the worker (toJSON → fromJSON)', async () => {
    const wire = await wireOf(join(FIXTURES, 'ambiguous-delimiter.csv'));
    const error = await importCsv(join(FIXTURES, 'ambiguous-delimiter.csv'), DEFAULT_IMPORT_OPTIONS).catch(
      (e: DatasetImportError) => e,
    );
    const copy = DatasetImportError.fromJSON(structuredClone((error as DatasetImportError).toJSON()));
    expect(toWireError(copy)).toEqual(wire);
  });
});
