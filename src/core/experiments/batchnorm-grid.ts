/**
 * Batch Normalization across weight scales (book §6.3.2): for each of `scales` initial weight standard deviations,
 * log-spaced from 1 down to 1e-4, the same ReLU MLP is trained with and without BatchNormalization on a small training
 * subset; cell 2k is scale k with BN, cell 2k+1 without. Each records its training accuracy per epoch.
 */
import type { CellContext, CellResult, ExperimentDefinition, ExperimentParams } from './experiment';
import { classCount, sampleRows } from './experiment-data';
import { mlpSpec } from './network-spec';
import { param } from './params';
import { trainCurve } from './train-curve';
import { deriveSeed } from '../rng';

/** The k-th of n log-spaced standard deviations from 10^0 to 10^−4 (numpy's logspace(0, −4, n)). */
export const weightScale = (k: number, n: number): number => 10 ** (n === 1 ? 0 : (-4 * k) / (n - 1));

const cellLabel = (k: number, n: number, bn: boolean): string =>
  `std ${weightScale(k, n).toExponential(1)}, ${bn ? 'BN' : 'no BN'}`;

function runCell(index: number, ctx: CellContext): CellResult {
  const { params: p, data } = ctx;
  if (!data) throw new Error('batchnorm-grid: needs a dataset');
  const k = Math.floor(index / 2);
  const batchNorm = index % 2 === 0;
  const train = sampleRows(data.train, p.samples, deriveSeed(ctx.seed, 3));
  const curve = trainCurve({
    spec: mlpSpec(train.d, p.hidden, p.units, classCount(train), {
      init: { kind: 'std', std: weightScale(k, p.scales) },
      batchNorm,
    }),
    config: { optimizer: 'sgd', learningRate: p.learningRate, batchSize: p.batchSize, epochs: p.epochs, seed: ctx.seed },
    train,
    evaluate: { train },
    kernels: ctx.kernels,
    hooks: ctx.hooks,
  });
  const accuracy = curve.accuracy.train;
  return {
    index,
    label: cellLabel(k, p.scales, batchNorm),
    series: curve.series,
    figures: { scale: weightScale(k, p.scales), batchNorm: batchNorm ? 1 : 0, finalAccuracy: accuracy[accuracy.length - 1] },
  };
}

export const batchnormGrid: ExperimentDefinition = {
  name: 'batchnorm-grid',
  needsData: true,
  params: [
    param('scales', 16, 1, 64, true),
    param('samples', 1000, 10, 100_000, true),
    param('epochs', 20, 1, 1000, true),
    param('batchSize', 100, 1, 10_000, true),
    param('learningRate', 0.01, 1e-6, 10),
    param('hidden', 5, 1, 10, true),
    param('units', 100, 2, 1000, true),
  ],
  cells: (p: ExperimentParams) =>
    Array.from({ length: 2 * p.scales }, (_, i) => cellLabel(Math.floor(i / 2), p.scales, i % 2 === 0)),
  runCell,
  summarize: (p, results) => {
    const withBn: number[] = [];
    const withoutBn: number[] = [];
    for (const r of results) (r.figures.batchNorm === 1 ? withBn : withoutBn).push(r.figures.finalAccuracy);
    return {
      scales: Array.from({ length: p.scales }, (_, k) => weightScale(k, p.scales)),
      finalAccuracyBn: withBn,
      finalAccuracyNoBn: withoutBn,
      bnWins: withBn.filter((a, k) => a > withoutBn[k]).length,
    };
  },
};
