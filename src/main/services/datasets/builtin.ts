/** Built-in datasets: the core's 2-D generators (spiral, circles, xor, gauss) and Iris read from resources by the CSV importer. */
import { join } from 'node:path';
import { BUILTIN_GENERATORS } from '../../../core/datasets/builtin/index';
import { classBalance, datasetColumnStats } from '../../../core/datasets/stats';
import { importCsv } from './csv-import';
import { resolveResourcesDir } from './resources';
import { DEFAULT_IMPORT_OPTIONS, type DataSource, type ImportResult } from '../../../shared/datasets';

type BuiltinSource = Extract<DataSource, { kind: 'builtin' }>;

/** Generate or load a built-in dataset. Iris comes from `<resources>/datasets/iris.csv`. */
export async function importBuiltin(source: BuiltinSource, resourcesDir?: string): Promise<ImportResult> {
  if (source.name === 'iris') {
    const result = await importCsv(join(resolveResourcesDir(resourcesDir), 'datasets', 'iris.csv'), { ...DEFAULT_IMPORT_OPTIONS, labelColumn: 'species' });
    result.dataset.name = 'Iris';
    return result;
  }
  const generate = BUILTIN_GENERATORS[source.name];
  const dataset = generate({ samples: source.samples, noise: source.noise, seed: source.seed });
  const preview = Array.from({ length: Math.min(10, dataset.n) }, (_, i) => {
    const cls = dataset.target.kind === 'classes' ? dataset.target.classNames[dataset.target.y[i]] : '';
    return [...Array.from(dataset.x.subarray(i * dataset.d, (i + 1) * dataset.d), (v) => v.toPrecision(4)), cls];
  });
  return {
    dataset,
    report: {
      format: 'builtin', rows: dataset.n, droppedRows: 0, dropReasons: {}, delimiter: null, header: null,
      columns: datasetColumnStats(dataset), classBalance: classBalance(dataset.target), preview, warnings: [], problems: [], totalProblems: 0,
    },
  };
}
