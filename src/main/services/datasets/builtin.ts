/** Built-in datasets: the core's 2-D generators (spiral, circles, xor, gauss), and Iris and the 8×8 digits read from resources by the CSV importer. */
import { join } from 'node:path';
import { BUILTIN_GENERATORS } from '../../../core/datasets/builtin/index';
import { classBalance, datasetColumnStats } from '../../../core/datasets/stats';
import { importCsv } from './csv-import';
import { resolveResourcesDir } from './resources';
import { DEFAULT_IMPORT_OPTIONS, type DataSource, type ImportResult } from '../../../shared/datasets';

type BuiltinSource = Extract<DataSource, { kind: 'builtin' }>;

/** The digits file: 64 pixel columns (0..16, row by row) then the digit, no header (see resources/datasets/README.md). */
const DIGITS_SIDE = 8;

/** scikit-learn's 8×8 digits (1,797 images, classes 0–9) from `<resources>/datasets/digits.csv.gz`, as an 8×8 image dataset. */
async function importDigits(resourcesDir?: string): Promise<ImportResult> {
  const pixels = DIGITS_SIDE * DIGITS_SIDE;
  const path = join(resolveResourcesDir(resourcesDir), 'datasets', 'digits.csv.gz');
  const result = await importCsv(path, { ...DEFAULT_IMPORT_OPTIONS, header: 'no', labelColumn: pixels, task: 'classification' });
  const { dataset } = result;
  if (dataset.d !== pixels) throw new Error(`${path}: expected ${pixels} pixel columns, found ${dataset.d}`);
  dataset.name = 'Digits';
  dataset.imageShape = [DIGITS_SIDE, DIGITS_SIDE];
  dataset.featureNames = Array.from({ length: pixels }, (_, j) => `pixel ${Math.floor(j / DIGITS_SIDE)},${j % DIGITS_SIDE}`);
  result.report.columns.forEach((c, j) => {
    if (j < pixels) c.name = dataset.featureNames[j];
  });
  return result;
}

/** Generate or load a built-in dataset. Iris comes from `<resources>/datasets/iris.csv`, digits from `digits.csv.gz`. */
export async function importBuiltin(source: BuiltinSource, resourcesDir?: string): Promise<ImportResult> {
  if (source.name === 'iris') {
    const result = await importCsv(join(resolveResourcesDir(resourcesDir), 'datasets', 'iris.csv'), {
      ...DEFAULT_IMPORT_OPTIONS,
      labelColumn: 'species',
    });
    result.dataset.name = 'Iris';
    return result;
  }
  if (source.name === 'digits') return importDigits(resourcesDir);
  const generate = BUILTIN_GENERATORS[source.name];
  const dataset = generate({ samples: source.samples, noise: source.noise, seed: source.seed });
  const preview = Array.from({ length: Math.min(10, dataset.n) }, (_, i) => {
    const cls = dataset.target.kind === 'classes' ? dataset.target.classNames[dataset.target.y[i]] : '';
    return [...Array.from(dataset.x.subarray(i * dataset.d, (i + 1) * dataset.d), (v) => v.toPrecision(4)), cls];
  });
  return {
    dataset,
    report: {
      format: 'builtin',
      rows: dataset.n,
      droppedRows: 0,
      dropReasons: {},
      delimiter: null,
      header: null,
      columns: datasetColumnStats(dataset),
      classBalance: classBalance(dataset.target),
      preview,
      warnings: [],
      problems: [],
      totalProblems: 0,
    },
  };
}
