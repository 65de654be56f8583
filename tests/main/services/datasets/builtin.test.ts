import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBuiltin } from '../../../../src/main/services/datasets/builtin';
import { resolveResourcesDir } from '../../../../src/main/services/datasets/resources';

const RESOURCES = join(import.meta.dirname, '../../../../resources');

describe('importBuiltin', () => {
  it('loads Iris from resources/datasets/iris.csv through the CSV importer: 150 rows, 50 per species', async () => {
    const { dataset, report } = await importBuiltin({ kind: 'builtin', name: 'iris' }, RESOURCES);
    expect([dataset.name, dataset.n, dataset.d]).toEqual(['Iris', 150, 4]);
    expect(dataset.featureNames).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    expect(report.classBalance.map((c) => [c.className, c.count])).toEqual([
      ['setosa', 50],
      ['versicolor', 50],
      ['virginica', 50],
    ]);
    // Fisher's published column means.
    expect(report.columns.slice(0, 4).map((c) => Number(c.mean?.toFixed(3)))).toEqual([5.843, 3.057, 3.758, 1.199]);
  });

  it("loads scikit-learn's 8×8 digits from resources/datasets/digits.csv.gz: 1,797 images, 10 classes, pixels 0..16", async () => {
    const { dataset, report } = await importBuiltin({ kind: 'builtin', name: 'digits' }, RESOURCES);
    expect([dataset.name, dataset.n, dataset.d, dataset.imageShape]).toEqual(['Digits', 1797, 64, [8, 8]]);
    expect(dataset.featureNames.slice(0, 2)).toEqual(['pixel 0,0', 'pixel 0,1']);
    expect(dataset.target.kind === 'classes' && dataset.target.classNames).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
    // scikit-learn's load_digits: class counts 178 182 177 183 181 182 181 179 174 180.
    expect(report.classBalance.map((c) => c.count)).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    expect([Math.min(...dataset.x), Math.max(...dataset.x)]).toEqual([0, 16]);
    // The first image (a zero) as load_digits().data[0] gives it.
    expect(Array.from(dataset.x.subarray(0, 8))).toEqual([0, 0, 5, 13, 9, 1, 0, 0]);
  });

  it('generates the 2-D datasets with the sample count, noise and seed asked for', async () => {
    const a = await importBuiltin({ kind: 'builtin', name: 'circles', samples: 120, noise: 0.1, seed: 3 });
    const b = await importBuiltin({ kind: 'builtin', name: 'circles', samples: 120, noise: 0.1, seed: 3 });
    expect([a.dataset.n, a.dataset.d]).toEqual([120, 2]);
    expect(Array.from(a.dataset.x)).toEqual(Array.from(b.dataset.x));
    expect(a.report.format).toBe('builtin');
    expect(a.report.columns.map((c) => c.name)).toEqual(['x1', 'x2']);
  });

  it.each(['spiral', 'xor', 'gauss'] as const)('generates %s with class labels', async (name) => {
    const { dataset, report } = await importBuiltin({ kind: 'builtin', name, samples: 90, seed: 1 });
    expect(dataset.target.kind).toBe('classes');
    expect(report.classBalance.reduce((a, c) => a + c.count, 0)).toBe(dataset.n);
  });
});

describe('resolveResourcesDir', () => {
  it('walks up from a folder until it finds resources/datasets', () => {
    expect(resolveResourcesDir(undefined, join(RESOURCES, '..', 'src', 'main', 'services'))).toBe(
      join(RESOURCES, '..', 'resources'),
    );
  });

  it('rejects a given folder without datasets/', () => {
    expect(() => resolveResourcesDir('/tmp')).toThrow('resources folder /tmp has no datasets/ folder');
  });
});
