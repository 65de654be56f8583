import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetService } from '../../../../src/main/services/datasets/service';

const RESOURCES = join(import.meta.dirname, '../../../../resources');
const FIXTURES = join(import.meta.dirname, '../../../fixtures/csv');
const split = { validation: 0.2, test: 0.2, normalize: 'zscore' as const, seed: 1, stratify: true };

describe('DatasetService', () => {
  it('imports, lists, gets and removes datasets by id', async () => {
    const service = new DatasetService({ resourcesDir: RESOURCES, inThread: true });
    const iris = await service.import({ kind: 'builtin', name: 'iris' });
    const xor = await service.import({ kind: 'builtin', name: 'xor', samples: 100, seed: 2 });
    expect(service.list().map((s) => s.id)).toEqual([iris.id, xor.id]);
    expect(service.get(iris.id).dataset.n).toBe(150);
    service.remove(iris.id);
    expect(service.list().map((s) => s.id)).toEqual([xor.id]);
    expect(() => service.get(iris.id)).toThrow(`no dataset with id "${iris.id}" (known: ${xor.id})`);
  });

  it('summarises a dataset as JSON-safe data, with plot points for 2-D data only', async () => {
    const service = new DatasetService({ resourcesDir: RESOURCES, inThread: true });
    const spiral = await service.import({ kind: 'builtin', name: 'spiral', samples: 300, seed: 4 });
    expect(JSON.parse(JSON.stringify(spiral))).toEqual(spiral);
    expect(spiral).toMatchObject({
      source: 'builtin:spiral (samples 300, seed 4)',
      task: 'classification',
      d: 2,
      imageShape: null,
    });
    expect(spiral.points).toHaveLength(spiral.n);
    const iris = await service.import({ kind: 'builtin', name: 'iris' });
    expect(iris.points).toBeNull();
    expect(iris.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
  });

  it('splits in the dataset worker exactly as in the calling thread, refusing an over-budget split at once', async () => {
    const workerPath = join(import.meta.dirname, '../../../../out/main/dataset-worker.js');
    const service = new DatasetService({ resourcesDir: RESOURCES, workerPath });
    const { id } = await service.import({ kind: 'builtin', name: 'iris' });
    expect(() => service.prepareOffThread(id, split, 1000)).toThrow(/needs about .* more than the .* left of the memory budget/);
    const { features, prepared } = service.prepareOffThread(id, split);
    expect(features).toBe(4);
    const offThread = await prepared;
    const inThread = new DatasetService({ resourcesDir: RESOURCES, inThread: true });
    const here = inThread.prepare((await inThread.import({ kind: 'builtin', name: 'iris' })).id, split);
    expect(offThread.train.x).toEqual(here.train.x);
    expect(offThread.test?.target).toEqual(here.test?.target);
    expect(offThread.normalization).toEqual(here.normalization);
    expect(offThread.train.x.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(service.prepare(id, split)).toBe(offThread); // cached for the in-thread readers (insight)
  });

  it('caches prepared splits per options', async () => {
    const service = new DatasetService({ resourcesDir: RESOURCES, inThread: true });
    const { id } = await service.import({ kind: 'builtin', name: 'iris' });
    const a = service.prepare(id, split);
    expect(service.prepare(id, { ...split })).toBe(a);
    expect(service.prepare(id, { ...split, seed: 2 })).not.toBe(a);
    expect([a.train.n, a.validation?.n, a.test?.n]).toEqual([90, 30, 30]);
  });

  it('validates import options at the boundary', async () => {
    const service = new DatasetService({ inThread: true });
    await expect(service.import({ kind: 'csv', path: join(FIXTURES, 'ragged.csv') }, { skipLines: -1 })).rejects.toThrow(
      /skipLines/,
    );
  });

  it('passes import errors through with their problems', async () => {
    const service = new DatasetService({ inThread: true });
    await expect(service.import({ kind: 'csv', path: join(FIXTURES, 'hex.csv') })).rejects.toMatchObject({
      name: 'DatasetImportError',
      problems: [{ line: 2, column: 'a', value: '0x1A' }],
    });
  });

  it('refuses size options above the host limits, and 2^40 at the schema', async () => {
    const service = new DatasetService({ inThread: true, limits: { maxFieldBytes: 1024 } });
    const csv = { kind: 'csv' as const, path: join(FIXTURES, 'hex.csv') };
    for (const key of ['maxFileBytes', 'maxFieldBytes', 'maxRows', 'memoryBudgetBytes'] as const) {
      await expect(service.import(csv, { [key]: 2 ** 40 })).rejects.toMatchObject({
        name: 'ZodError',
        issues: [{ code: 'too_big', path: [key] }],
      });
    }
    await expect(service.import(csv, { maxFieldBytes: 2048 })).rejects.toThrow(
      "import option maxFieldBytes = 2048 is above this host's limit of 1024",
    );
  });

  it('refuses a split that does not fit the budget it is given, before allocating it', async () => {
    const service = new DatasetService({ resourcesDir: RESOURCES, inThread: true });
    const { id } = await service.import({ kind: 'builtin', name: 'iris' });
    // 150 rows × (4 features × 4 + 3 × 4 label + 13 index bytes) = 6,150 bytes.
    expect(() => service.prepare(id, split, 6149)).toThrow(
      /splitting dataset "ds1" \(150 rows × 4 features\) needs about 6\.0 KiB, more than the 6\.0 KiB left/,
    );
    expect(service.prepare(id, split, 6150).train.n).toBe(90);
  });
});
