import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetImportError } from '../../../../src/main/services/datasets/errors';
import { importDataset } from '../../../../src/main/services/datasets/import';
import { DEFAULT_IMPORT_OPTIONS, type ImportProgress } from '../../../../src/shared/datasets';

const ROOT = join(import.meta.dirname, '../../../..');
const WORKER = join(ROOT, 'out/main/dataset-worker.js');
const IRIS = join(ROOT, 'resources/datasets/iris.csv');
const FIXTURES = join(ROOT, 'tests/fixtures/csv');

// vitest cannot run the .ts worker entry: these tests use the build output (npx electron-vite build).
describe.skipIf(!existsSync(WORKER))('the import worker (out/main/dataset-worker.js)', () => {
  it('parses a CSV off-thread and returns x on a SharedArrayBuffer', async () => {
    const progress: ImportProgress[] = [];
    const { dataset, report } = await importDataset(
      { kind: 'csv', path: IRIS },
      DEFAULT_IMPORT_OPTIONS,
      (p) => progress.push(p),
      undefined,
      { workerPath: WORKER },
    );
    expect([dataset.n, dataset.d]).toEqual([150, 4]);
    expect(dataset.x.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(report.warnings).toEqual([]);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('sends import errors back as DatasetImportError with their problems and message', async () => {
    const error = await importDataset(
      { kind: 'csv', path: join(FIXTURES, 'hex.csv') },
      DEFAULT_IMPORT_OPTIONS,
      undefined,
      undefined,
      { workerPath: WORKER },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetImportError);
    expect(error).toMatchObject({ totalProblems: 1, problems: [{ line: 2, column: 'a', value: '0x1A' }] });
    expect((error as Error).message).toMatch(/^hex\.csv: 1 problem found/);
  });

  it('stops a running import when the signal aborts', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'worker-')), 'big.csv');
    writeFileSync(path, 'a,b,c,label\n' + '1,2,3,x\n4,5,6,y\n'.repeat(1_500_000));
    const controller = new AbortController();
    const pending = importDataset({ kind: 'csv', path }, DEFAULT_IMPORT_OPTIONS, undefined, controller.signal, {
      workerPath: WORKER,
    });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow('big.csv: the import was cancelled');
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      importDataset({ kind: 'csv', path: IRIS }, DEFAULT_IMPORT_OPTIONS, undefined, controller.signal, { workerPath: WORKER }),
    ).rejects.toThrow(/cancelled/);
  });
});

describe('importDataset without a worker build', () => {
  it('rejects an explicit worker path that does not exist', async () => {
    await expect(
      importDataset({ kind: 'csv', path: IRIS }, DEFAULT_IMPORT_OPTIONS, undefined, undefined, {
        workerPath: '/nonexistent/dataset-worker.js',
      }),
    ).rejects.toThrow('dataset worker not found at /nonexistent/dataset-worker.js');
  });

  it('parses in the calling thread when asked', async () => {
    const { dataset } = await importDataset({ kind: 'csv', path: IRIS }, DEFAULT_IMPORT_OPTIONS, undefined, undefined, {
      inThread: true,
    });
    expect(dataset.n).toBe(150);
  });
});
