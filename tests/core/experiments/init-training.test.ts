import { beforeAll, describe, expect, it } from 'vitest';
import { initTraining } from '../../../src/core/experiments/init-training';
import { runExperiment, type ExperimentRun } from '../../../src/core/experiments/run-experiment';
import { fastKernels, loadDigits } from './digits';

describe('init-training on builtin:digits (5-layer ReLU net, SGD, 2,000 iterations)', () => {
  let run: ExperimentRun;
  beforeAll(async () => {
    run = runExperiment(initTraining, { seed: 5, data: await loadDigits(), kernels: fastKernels, params: { units: 50 } });
  });

  it("std 0.01's loss stays above He's after 2,000 iterations", () => {
    const [std, , he] = run.results;
    expect([std.label, he.label]).toEqual(['std 0.01', 'He']);
    expect(std.series[0].y).toHaveLength(2000);
    expect(std.figures.finalSmoothedLoss).toBeGreaterThan(he.figures.finalSmoothedLoss);
  });
});
