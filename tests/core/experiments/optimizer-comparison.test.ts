import { beforeAll, describe, expect, it } from 'vitest';
import { optimizerComparison } from '../../../src/core/experiments/optimizer-comparison';
import { runExperiment, type ExperimentRun } from '../../../src/core/experiments/run-experiment';
import { fastKernels, loadDigits } from './digits';

describe('optimizer-comparison on builtin:digits', () => {
  let run: ExperimentRun;
  beforeAll(async () => {
    // Fewer iterations and narrower layers than the default (2,000 × 100 units) keep the test fast; the ordering is the book's.
    run = runExperiment(optimizerComparison, {
      seed: 3,
      data: await loadDigits(),
      kernels: fastKernels,
      params: { iterations: 300, units: 50, smoothing: 50 },
    });
  });

  it('records one loss per iteration for each of SGD, Momentum, AdaGrad and Adam', () => {
    expect(run.results.map((r) => [r.label, r.series[0].y.length])).toEqual([
      ['SGD', 300],
      ['Momentum', 300],
      ['AdaGrad', 300],
      ['Adam', 300],
    ]);
  });

  it('ends with SGD having the highest smoothed loss of the four', () => {
    const losses = run.results.map((r) => r.figures.finalSmoothedLoss);
    expect(Math.max(...losses)).toBe(run.results[0].figures.finalSmoothedLoss);
    expect(run.summary.highestFinalLoss).toBe('SGD');
  });
});
