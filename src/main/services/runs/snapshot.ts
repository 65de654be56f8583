/** Build a ModelSnapshot (what a model file stores) from a run's latest weights and its prepared data. */
import type { ModelSnapshot } from '../../../shared/model';
import type { RunRecord } from './run-record';

/** The run's latest weights with everything a model file needs; throws while the worker has sent none yet. */
export function snapshotOf(record: RunRecord): ModelSnapshot {
  if (!record.state) {
    throw new Error(`run "${record.id}" has no weights yet (${record.status}): they arrive after an epoch, on pause, or when it ends`);
  }
  const { prepared, request } = record;
  const { target } = prepared.train;
  const summary = record.summary();
  return {
    formatVersion: 1,
    architecture: request.architecture,
    precision: request.config.precision,
    tensors: record.state,
    normalization: prepared.normalization,
    featureNames: [...prepared.train.featureNames],
    classNames: target.kind === 'classes' ? [...target.classNames] : [],
    targetNames: target.kind === 'regression' ? [...target.names] : [],
    trainingConfig: request.config,
    metrics: { train: summary.train, validation: summary.validation, test: summary.test },
    datasetName: prepared.train.name,
  };
}
