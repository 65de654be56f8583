/** "Train this one": a hyperparameter-search trial becomes an ordinary run of the studio (same network, optimizer and data), kept in the runs table. */
import type { ExperimentState } from '../../../shared/api/experiments';
import { mlpSpec } from '../../../core/experiments/network-spec';
import type { Studio } from '../lib/studio.svelte';

/**
 * Put trial `index`'s network (the search's ReLU MLP), SGD with its learning rate and weight decay, its batch size,
 * epochs and seed into the editors, on the search's dataset (digits unless another image dataset is loaded), and train.
 */
export async function trainTrial(studio: Studio, state: ExperimentState, index: number): Promise<void> {
  const trial = state.results[index];
  if (!trial) return;
  if (!studio.dataset?.imageShape) await studio.loadBuiltin('digits');
  const dataset = studio.dataset;
  if (!dataset) return;
  const p = state.params;
  studio.architecture = mlpSpec(dataset.d, p.hidden, p.units, Math.max(2, dataset.classNames.length));
  studio.config = {
    ...studio.config,
    optimizer: 'sgd',
    learningRate: trial.figures.learningRate,
    weightDecay: trial.figures.weightDecay,
    batchSize: p.batchSize,
    epochs: p.epochs,
    seed: state.seed,
    schedule: { kind: 'constant' },
  };
  studio.split = { ...studio.split, validation: p.validation, normalize: 'minmax' };
  await studio.train();
}
