/** Every chapter-6 experiment by name, in the book's order. */
import type { ExperimentDefinition, ExperimentName } from './experiment';
import { optimizerPaths } from './optimizer-paths';
import { optimizerComparison } from './optimizer-comparison';
import { initActivations } from './init-activations';
import { initTraining } from './init-training';
import { batchnormGrid } from './batchnorm-grid';
import { overfitting } from './overfitting';
import { hyperparameterSearch } from './hyperparameter-search';

export const EXPERIMENTS: Record<ExperimentName, ExperimentDefinition> = {
  'optimizer-paths': optimizerPaths,
  'optimizer-comparison': optimizerComparison,
  'init-activations': initActivations,
  'init-training': initTraining,
  'batchnorm-grid': batchnormGrid,
  overfitting,
  'hyperparameter-search': hyperparameterSearch,
};
