/**
 * Overfitting and regularisation (book §6.4): a deep ReLU MLP on a few hundred training rows, trained without
 * regularisation, with weight decay λ, and with Dropout; each cell records train and test accuracy per epoch.
 */
import type { CellContext, CellResult, ExperimentDefinition, ExperimentParams } from './experiment';
import { classCount, sampleRows } from './experiment-data';
import { mlpSpec } from './network-spec';
import { param } from './params';
import { trainCurve } from './train-curve';
import { deriveSeed } from '../rng';

const CASES = ['no regularisation', 'weight decay', 'dropout'] as const;

const labels = (p: ExperimentParams): string[] => [
  'no regularisation',
  `weight decay λ = ${p.weightDecay}`,
  `dropout ${p.dropout}`,
];

function runCell(index: number, ctx: CellContext): CellResult {
  const { params: p, data } = ctx;
  if (!data) throw new Error('overfitting: needs a dataset');
  const kind = CASES[index];
  const train = sampleRows(data.train, p.samples, deriveSeed(ctx.seed, 3));
  const curve = trainCurve({
    spec: mlpSpec(train.d, p.hidden, p.units, classCount(train), { dropout: kind === 'dropout' ? p.dropout : 0 }),
    config: {
      optimizer: 'sgd',
      learningRate: p.learningRate,
      batchSize: p.batchSize,
      epochs: p.epochs,
      seed: ctx.seed,
      weightDecay: kind === 'weight decay' ? p.weightDecay : 0,
    },
    train,
    evaluate: { train, test: data.test },
    kernels: ctx.kernels,
    hooks: ctx.hooks,
  });
  const last = (name: string): number => curve.accuracy[name][curve.accuracy[name].length - 1];
  const figures = { trainAccuracy: last('train'), testAccuracy: last('test'), gap: last('train') - last('test') };
  return { index, label: labels(p)[index], series: curve.series, figures };
}

export const overfitting: ExperimentDefinition = {
  name: 'overfitting',
  needsData: true,
  params: [
    param('samples', 300, 10, 100_000, true),
    param('hidden', 6, 1, 10, true),
    param('units', 100, 2, 1000, true),
    param('epochs', 200, 1, 5000, true),
    param('batchSize', 100, 1, 10_000, true),
    param('learningRate', 0.01, 1e-6, 10),
    param('weightDecay', 0.1, 0, 10),
    param('dropout', 0.15, 0, 0.95),
  ],
  cells: labels,
  runCell,
  summarize: (_p, results) => {
    const summary: Record<string, number> = {};
    for (const [i, name] of ['plain', 'weightDecay', 'dropout'].entries()) {
      const r = results[i];
      if (!r) continue;
      summary[`${name}.trainAccuracy`] = r.figures.trainAccuracy;
      summary[`${name}.testAccuracy`] = r.figures.testAccuracy;
      summary[`${name}.gap`] = r.figures.gap;
    }
    return summary;
  },
};
