/**
 * Hyperparameter random search (book §6.5): trial i draws a learning rate 10^U(lrMin, lrMax) and a weight decay
 * 10^U(wdMin, wdMax) from its own seeded stream (so trials can run in any order, on any worker), trains on a small
 * training subset and records validation accuracy per epoch.
 */
import type { Dataset } from '../datasets/dataset';
import { takeRows } from '../datasets/split';
import { createRng, deriveSeed } from '../rng';
import type { CellContext, CellResult, ExperimentDefinition, ExperimentParams } from './experiment';
import { classCount, sampleRows } from './experiment-data';
import { mlpSpec } from './network-spec';
import { param } from './params';
import { trainCurve } from './train-curve';

/** The learning rate and weight decay trial `index` uses for `seed`. */
export function trialHyperparameters(
  p: ExperimentParams,
  seed: number,
  index: number,
): { learningRate: number; weightDecay: number } {
  const rng = createRng(deriveSeed(seed, 1000 + index));
  const learningRate = 10 ** (p.lrMin + (p.lrMax - p.lrMin) * rng.next());
  const weightDecay = 10 ** (p.wdMin + (p.wdMax - p.wdMin) * rng.next());
  return { learningRate, weightDecay };
}

/** The first (1 − validation) of the sampled rows train, the rest validate (the book's shuffled split). */
function splitRows(sample: Dataset, validation: number): { train: Dataset; validation: Dataset } {
  const held = Math.max(1, Math.round(sample.n * validation));
  const rows = (from: number, to: number): Int32Array => Int32Array.from({ length: to - from }, (_, i) => from + i);
  return {
    train: takeRows(sample, rows(0, sample.n - held), 'train'),
    validation: takeRows(sample, rows(sample.n - held, sample.n), 'validation'),
  };
}

function runCell(index: number, ctx: CellContext): CellResult {
  const { params: p, data } = ctx;
  if (!data) throw new Error('hyperparameter-search: needs a dataset');
  const { learningRate, weightDecay } = trialHyperparameters(p, ctx.seed, index);
  const { train, validation } = splitRows(sampleRows(data.train, p.samples, deriveSeed(ctx.seed, 3)), p.validation);
  const curve = trainCurve({
    spec: mlpSpec(train.d, p.hidden, p.units, classCount(train)),
    config: { optimizer: 'sgd', learningRate, weightDecay, batchSize: p.batchSize, epochs: p.epochs, seed: ctx.seed },
    train,
    evaluate: { train, validation },
    kernels: ctx.kernels,
    hooks: ctx.hooks,
  });
  const last = (name: string): number => curve.accuracy[name][curve.accuracy[name].length - 1];
  return {
    index,
    label: `trial ${index + 1}`,
    series: curve.series,
    figures: { learningRate, weightDecay, validationAccuracy: last('validation'), trainAccuracy: last('train') },
  };
}

/** The median of `values` (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const hyperparameterSearch: ExperimentDefinition = {
  name: 'hyperparameter-search',
  needsData: true,
  params: [
    param('trials', 100, 1, 10_000, true),
    param('samples', 500, 10, 100_000, true),
    param('validation', 0.2, 0.01, 0.9),
    param('epochs', 50, 1, 1000, true),
    param('batchSize', 100, 1, 10_000, true),
    param('hidden', 6, 1, 10, true),
    param('units', 100, 2, 1000, true),
    param('lrMin', -6, -10, 1),
    param('lrMax', -2, -10, 1),
    param('wdMin', -8, -12, 1),
    param('wdMax', -4, -12, 1),
  ],
  cells: (p) => Array.from({ length: p.trials }, (_, i) => `trial ${i + 1}`),
  runCell,
  summarize: (_p, results) => {
    const accuracy = results.map((r) => r.figures.validationAccuracy);
    const ranked = [...results].sort((a, b) => b.figures.validationAccuracy - a.figures.validationAccuracy || a.index - b.index);
    return {
      learningRate: results.map((r) => r.figures.learningRate),
      weightDecay: results.map((r) => r.figures.weightDecay),
      validationAccuracy: accuracy,
      top: ranked.slice(0, 20).map((r) => r.index),
      bestTrial: ranked[0]?.index ?? -1,
      bestValidationAccuracy: ranked[0]?.figures.validationAccuracy ?? Number.NaN,
      medianValidationAccuracy: median(accuracy),
    };
  },
};
