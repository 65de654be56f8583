/** Fixture of the checkpoint tests: a real checkpoint of the CLASSIFIER model after 3 Adam batches on seeded data. */
import { createNetwork, createRng, Trainer } from '../../../../src/core';
import type { Dataset, Precision } from '../../../../src/core';
import type { Checkpoint } from '../../../../src/main/services/checkpoints/checkpoint-codec';
import { CLASSIFIER, makeSnapshot } from '../../../fixtures/models/snapshot';

export function makeCheckpoint(precision: Precision, batches = 3): Checkpoint {
  const model = makeSnapshot(precision);
  const config = { ...model.trainingConfig, optimizer: 'adam' as const, batchSize: 8, epochs: 4 };
  const rng = createRng(3);
  const n = 40;
  const data: Dataset = {
    name: 'noise',
    n,
    d: 3,
    featureNames: ['a', 'b', 'c'],
    x: Float32Array.from({ length: n * 3 }, () => rng.normal()),
    target: { kind: 'classes', classNames: ['p', 'q', 'r'], y: Int32Array.from({ length: n }, (_, i) => i % 3) },
  };
  const trainer = new Trainer(createNetwork(CLASSIFIER, { precision, seed: model.trainingConfig.seed }), data, config);
  for (let i = 0; i < batches; i++) trainer.trainBatch();
  const state = trainer.exportState();
  return {
    model: { ...model, trainingConfig: config, tensors: state.weights },
    point: { trainer: state, earlyStopping: { bestValidationLoss: 0.75, epochsWithoutImprovement: 1 } },
    runName: 'run-3',
  };
}
