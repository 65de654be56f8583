import { beforeAll, describe, expect, it } from 'vitest';
import { hyperparameterSearch, median, trialHyperparameters } from '../../../src/core/experiments/hyperparameter-search';
import { resolveParams } from '../../../src/core/experiments/params';
import { runExperiment, type ExperimentRun } from '../../../src/core/experiments/run-experiment';
import type { ExperimentData } from '../../../src/core/experiments/experiment';
import { fastKernels, loadDigits } from './digits';

describe('hyperparameter-search on builtin:digits', () => {
  let data: ExperimentData;
  let run: ExperimentRun;
  // 8 trials of 20 epochs with 50 units (instead of 100 trials of 50 epochs with 100 units) keep the test fast.
  const params = { trials: 8, epochs: 20, units: 50 };
  beforeAll(async () => {
    data = await loadDigits();
    run = runExperiment(hyperparameterSearch, { seed: 11, data, kernels: fastKernels, params });
  });

  it('draws lr from 10^U(−6, −2) and weight decay from 10^U(−8, −4), per trial from the seed alone', () => {
    const p = resolveParams('hyperparameter-search', hyperparameterSearch.params);
    for (let i = 0; i < 50; i++) {
      const { learningRate, weightDecay } = trialHyperparameters(p, 11, i);
      expect(Math.log10(learningRate)).toBeGreaterThanOrEqual(-6);
      expect(Math.log10(learningRate)).toBeLessThan(-2);
      expect(Math.log10(weightDecay)).toBeGreaterThanOrEqual(-8);
      expect(Math.log10(weightDecay)).toBeLessThan(-4);
    }
    expect(trialHyperparameters(p, 11, 3)).toEqual(trialHyperparameters(p, 11, 3));
    expect(trialHyperparameters(p, 11, 3)).not.toEqual(trialHyperparameters(p, 12, 3));
  });

  it('is reproducible for a seed: the same trials give the same validation accuracies', () => {
    const again = runExperiment(hyperparameterSearch, {
      seed: 11,
      data,
      kernels: fastKernels,
      params: { ...params, trials: 2, epochs: 2 },
    });
    const first = run.results.slice(0, 2).map((r) => r.figures);
    expect(again.results.map((r) => r.figures.learningRate)).toEqual(first.map((f) => f.learningRate));
    const short = runExperiment(hyperparameterSearch, {
      seed: 11,
      data,
      kernels: fastKernels,
      params: { ...params, trials: 2, epochs: 2 },
    });
    expect(short.summary).toEqual(again.summary);
  });

  it('the best trial beats the median', () => {
    expect(run.summary.bestValidationAccuracy).toBeGreaterThan(run.summary.medianValidationAccuracy as number);
    expect(run.summary.top).toHaveLength(8);
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
