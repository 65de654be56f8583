import { beforeAll, describe, expect, it } from 'vitest';
import { overfitting } from '../../../src/core/experiments/overfitting';
import { runExperiment, type ExperimentRun } from '../../../src/core/experiments/run-experiment';
import { fastKernels, loadDigits } from './digits';

describe('overfitting on builtin:digits (300 training rows, 6 hidden layers, 200 epochs, λ = 0.1)', () => {
  let run: ExperimentRun;
  beforeAll(async () => {
    // 50 units instead of 100 keep the test fast.
    run = runExperiment(overfitting, { seed: 2, data: await loadDigits(), kernels: fastKernels, params: { units: 50 } });
  });

  it('records train and test accuracy for each of the 200 epochs, without, with weight decay and with dropout', () => {
    expect(run.results.map((r) => r.label)).toEqual(['no regularisation', 'weight decay λ = 0.1', 'dropout 0.15']);
    for (const r of run.results)
      expect(r.series.filter((s) => s.name.endsWith('accuracy')).map((s) => s.y.length)).toEqual([200, 200]);
  });

  it('the train–test gap with weight decay is smaller than without', () => {
    const [plain, decay] = run.results;
    expect(plain.figures.gap).toBeGreaterThan(0);
    expect(decay.figures.gap).toBeLessThan(plain.figures.gap);
  });
});
