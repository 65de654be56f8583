/** Build a ModelSnapshot (what a model file stores) from a run's latest weights and its prepared data. */
import type { ModelSnapshot, NamedTensor } from '../../../shared/model';
import type { RunRecord } from './run-record';

/** The run's latest weights (or `tensors`, e.g. a checkpoint's) with everything a model file needs; throws while there are none. */
export function snapshotOf(record: RunRecord, tensors: NamedTensor[] | null = record.state): ModelSnapshot {
  const { prepared, request } = record;
  if (!tensors || !prepared) {
    throw new Error(
      `run "${record.id}" has no weights yet (${record.status}): they arrive after an epoch, on pause, or when it ends`,
    );
  }
  const { target } = prepared.train;
  const summary = record.summary();
  return {
    formatVersion: 1,
    architecture: request.architecture,
    precision: request.config.precision,
    tensors,
    normalization: prepared.normalization,
    featureNames: [...prepared.train.featureNames],
    classNames: target.kind === 'classes' ? [...target.classNames] : [],
    targetNames: target.kind === 'regression' ? [...target.names] : [],
    trainingConfig: request.config,
    metrics: { train: summary.train, validation: summary.validation, test: summary.test },
    datasetName: prepared.train.name,
  };
}
