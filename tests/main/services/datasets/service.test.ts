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
    expect(spiral).toMatchObject({ source: 'builtin:spiral (samples 300, seed 4)', task: 'classification', d: 2, imageShape: null });
    expect(spiral.points).toHaveLength(spiral.n);
    const iris = await service.import({ kind: 'builtin', name: 'iris' });
    expect(iris.points).toBeNull();
    expect(iris.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
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
    await expect(service.import({ kind: 'csv', path: join(FIXTURES, 'ragged.csv') }, { skipLines: -1 })).rejects.toThrow(/skipLines/);
  });

  it('passes import errors through with their problems', async () => {
    const service = new DatasetService({ inThread: true });
    await expect(service.import({ kind: 'csv', path: join(FIXTURES, 'hex.csv') })).rejects.toMatchObject({
      name: 'DatasetImportError',
      problems: [{ line: 2, column: 'a', value: '0x1A' }],
    });
  });
});
