/** The data of the training experiments: a dataset split into training and test rows scaled to [0, 1], and seeded subsets. */
import type { Dataset } from '../datasets/dataset';
import { prepareSplits } from '../datasets/prepare';
import { takeRows } from '../datasets/split';
import { createRng } from '../rng';
import type { ExperimentData } from './experiment';

/**
 * Stratified split (20 % test unless the source ships its own test set, as Fashion-MNIST does) with min–max scaling
 * fitted on the training rows: pixels end up in [0, 1] like the book's normalize=True. Classification only.
 */
export function prepareExperimentData(dataset: Dataset, publishedTest: Dataset | undefined, seed: number): ExperimentData {
  if (dataset.target.kind !== 'classes')
    throw new Error(`experiments need a classification dataset; ${dataset.name} is a regression dataset`);
  const splits = prepareSplits(dataset, publishedTest, { validation: 0, test: 0.2, normalize: 'minmax', seed, stratify: true });
  if (!splits.test) throw new Error(`${dataset.name}: too few rows for a test split`);
  return { train: splits.train, test: splits.test, normalization: splits.normalization };
}

/** `n` rows of `data` drawn without replacement by a PRNG seeded with `seed` (all rows when n ≥ data.n), in drawn order. */
export function sampleRows(data: Dataset, n: number, seed: number): Dataset {
  const order = Int32Array.from({ length: data.n }, (_, i) => i);
  createRng(seed).shuffle(order);
  return takeRows(data, order.subarray(0, Math.min(n, data.n)), `${data.name} (${Math.min(n, data.n)} rows)`);
}

/** The number of classes of a classification dataset. */
export function classCount(data: Dataset): number {
  if (data.target.kind !== 'classes') throw new Error(`${data.name} is not a classification dataset`);
  return data.target.classNames.length;
}
