/** Data preparation: seeded (stratified) train / validation / test split, then a normalization fitted on train only. */
import type { Dataset, Normalization } from './dataset';
import { createRng } from '../rng';
import { splitIndices, takeRows } from './split';
import { applyNormalizationInto, fitNormalization } from './normalize';

export interface PrepareOptions {
  /** Fraction of the rows (of the published training set, if any) held out for validation, in [0, 1). */
  validation: number;
  /** Fraction held out for testing; ignored when the source ships its own test set. */
  test: number;
  normalize: Normalization['kind'];
  seed: number;
  /** Keep class proportions in every split (classification only). */
  stratify: boolean;
}

export const DEFAULT_PREPARE_OPTIONS: PrepareOptions = {
  validation: 0.1,
  test: 0.1,
  normalize: 'zscore',
  seed: 42,
  stratify: true,
};

export interface PreparedSplits {
  train: Dataset;
  validation: Dataset | null;
  test: Dataset | null;
  normalization: Normalization;
}

const allRows = (n: number) => new Int32Array(n).map((_, i) => i);

/** Normalize a split's own copy in place (the copy was made by takeRows, so no one else holds it). */
function normalized(data: Dataset, norm: Normalization): Dataset {
  if (norm.kind !== 'none') applyNormalizationInto(data.x, data.d, norm, data.x);
  return data;
}

/**
 * Split and normalize. `publishedTest` (e.g. MNIST's t10k) becomes the test split as is, and the
 * validation split is then taken from `dataset`. Empty splits are null. Inputs are not modified.
 */
export function prepareSplits(dataset: Dataset, publishedTest: Dataset | undefined, options: PrepareOptions): PreparedSplits {
  const rng = createRng(options.seed);
  const classes = options.stratify && dataset.target.kind === 'classes' ? dataset.target.y : undefined;
  const fractions = { validation: options.validation, test: publishedTest ? 0 : options.test };
  const idx = splitIndices(dataset.n, fractions, rng, classes);
  if (idx.train.length === 0) throw new Error(`prepare: no training rows remain out of ${dataset.n}`);
  const train = takeRows(dataset, idx.train, `${dataset.name} (train)`, true);
  const norm = fitNormalization(train.x, train.n, train.d, options.normalize);
  const validation = idx.validation.length > 0 ? takeRows(dataset, idx.validation, `${dataset.name} (validation)`, true) : null;
  const heldOut = idx.test.length > 0 ? takeRows(dataset, idx.test, `${dataset.name} (test)`, true) : null;
  const test = publishedTest ? takeRows(publishedTest, allRows(publishedTest.n), publishedTest.name, true) : heldOut;
  if (test && test.d !== dataset.d)
    throw new Error(`prepare: the test set has ${test.d} features, the training set ${dataset.d}`);
  return {
    train: normalized(train, norm),
    validation: validation && normalized(validation, norm),
    test: test && normalized(test, norm),
    normalization: norm,
  };
}
