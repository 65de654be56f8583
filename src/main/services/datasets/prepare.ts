/** prepareDataset: split and normalize an imported dataset (the pure work is prepareSplits in src/core). */
import { prepareSplits, type PrepareOptions } from '../../../core/datasets/prepare';
import type { ImportResult, PreparedData } from '../../../shared/datasets';

/** Train / validation / test split (stratified, seeded) and a normalization fitted on train only. */
export function prepareDataset(imported: ImportResult, options: PrepareOptions): PreparedData {
  const splits = prepareSplits(imported.dataset, imported.publishedTest, options);
  return { ...splits, report: imported.report };
}
