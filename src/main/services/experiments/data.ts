/** The data an experiment trains on: a source imported by the dataset importer, split and scaled by core's prepareExperimentData. */
import type { ExperimentData } from '../../../core/experiments/experiment';
import { prepareExperimentData } from '../../../core/experiments/experiment-data';
import { importDataset, type ImportEnv } from '../datasets/import';
import { DEFAULT_IMPORT_OPTIONS, type DataSource, type ImportOptions } from '../../../shared/datasets';

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
  return prepareExperimentData(dataset, publishedTest, seed);
}
