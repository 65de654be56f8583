/** The data an experiment trains on: a source imported by the dataset importer, split and scaled by core's prepareExperimentData. */
import type { Dataset } from '../../../core/datasets/dataset';
import type { ExperimentData } from '../../../core/experiments/experiment';
import { prepareExperimentData } from '../../../core/experiments/experiment-data';
import { importDataset, type ImportEnv } from '../datasets/import';
import { DEFAULT_IMPORT_OPTIONS, type DataSource, type ImportOptions } from '../../../shared/datasets';
import type { ExperimentStartRequest } from '../../../shared/api/experiments';
import type { DatasetService } from '../datasets/service';
import { datasetMissing, datasetRegression, datasetUnusable } from './errors';

/** The experiments' default dataset: scikit-learn's 8×8 digits, shipped with the app. */
export const DEFAULT_EXPERIMENT_SOURCE: DataSource = { kind: 'builtin', name: 'digits' };

/** Import `source` and split it for the experiments with `seed` (Fashion-MNIST's t10k files become the test rows). */
export async function loadExperimentData(
  source: DataSource,
  seed: number,
  options: ImportOptions = DEFAULT_IMPORT_OPTIONS,
  env: ImportEnv = {},
): Promise<ExperimentData> {
  const { dataset, publishedTest } = await importDataset(source, options, undefined, undefined, env);
  return split(dataset.name, dataset, publishedTest, seed);
}

/** The data of an experiment, its dataset's name, and the stored dataset's id ('' for the built-in digits loaded here). */
export interface ResolvedData {
  data: ExperimentData;
  name: string;
  datasetId: string;
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Split a dataset for the experiments; a regression dataset or one too small is refused with its code. */
function split(name: string, dataset: Dataset, publishedTest: Dataset | undefined, seed: number): ExperimentData {
  if (dataset.target.kind !== 'classes') throw datasetRegression(name);
  try {
    return prepareExperimentData(dataset, publishedTest, seed);
  } catch (error) {
    throw datasetUnusable(name, reason(error));
  }
}

/**
 * The stored dataset `request.datasetId` (missing: 'experiment-dataset-missing'), else builtin:digits from the
 * resources (its file missing: the same code), split with the request's seed.
 */
export async function resolveExperimentData(
  request: ExperimentStartRequest,
  datasets: DatasetService | undefined,
  resourcesDir: string | undefined,
): Promise<ResolvedData> {
  if (request.datasetId !== undefined) {
    let stored: ReturnType<DatasetService['get']>;
    try {
      if (!datasets) throw new Error('no dataset service');
      stored = datasets.get(request.datasetId);
    } catch (error) {
      throw datasetMissing(request.datasetId, reason(error));
    }
    const name = stored.summary.name;
    return { data: split(name, stored.dataset, stored.publishedTest, request.seed), name, datasetId: request.datasetId };
  }
  let imported: Awaited<ReturnType<typeof importDataset>>;
  try {
    imported = await importDataset(DEFAULT_EXPERIMENT_SOURCE, DEFAULT_IMPORT_OPTIONS, undefined, undefined, { resourcesDir });
  } catch (error) {
    throw datasetMissing('builtin:digits', reason(error));
  }
  return { data: split('Digits', imported.dataset, imported.publishedTest, request.seed), name: 'Digits', datasetId: '' };
}
