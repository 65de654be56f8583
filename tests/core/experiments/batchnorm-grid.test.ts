import { beforeAll, describe, expect, it } from 'vitest';
import { batchnormGrid, weightScale } from '../../../src/core/experiments/batchnorm-grid';
import { runExperiment, type ExperimentRun } from '../../../src/core/experiments/run-experiment';
import { fastKernels, loadDigits } from './digits';

describe('batchnorm-grid on builtin:digits', () => {
  let run: ExperimentRun;
  beforeAll(async () => {
    // 16 scales × {BN, no BN}, 20 epochs and 200 iterations per cell as in the book; 500 rows in batches of 50 and
    // 30 units (instead of 1,000 rows, batches of 100, 100 units) keep the test fast.
    run = runExperiment(batchnormGrid, {
      seed: 1,
      data: await loadDigits(),
      kernels: fastKernels,
      params: { samples: 500, batchSize: 50, units: 30 },
    });
  });

  it('uses 16 weight scales log-spaced from 1 to 1e-4', () => {
    expect(weightScale(0, 16)).toBe(1);
    expect(weightScale(15, 16)).toBeCloseTo(1e-4, 15);
    expect(run.results).toHaveLength(32);
    expect(run.results[0].series.find((s) => s.name === 'train accuracy')!.y).toHaveLength(20);
  });

  it('with BN the final training accuracy is higher in at least 10 of the 16 cells', () => {
    expect(run.summary.bnWins).toBeGreaterThanOrEqual(10);
  });
});
