/**
 * Optimizer comparison on a real dataset (book §6.1.8): the same ReLU MLP, same initial weights and batches, trained
 * with core's SGD, Momentum, AdaGrad and Adam; one cell per optimizer records its loss curve.
 */
import type { OptimizerName } from '../spec';
import type { CellContext, CellResult, ExperimentDefinition } from './experiment';
import { classCount } from './experiment-data';
import { mlpSpec } from './network-spec';
import { param } from './params';
import { tailMean, trainCurve } from './train-curve';

const OPTIMIZERS: { name: OptimizerName; label: string; lrKey: string }[] = [
  { name: 'sgd', label: 'SGD', lrKey: 'lrSgd' },
  { name: 'momentum', label: 'Momentum', lrKey: 'lrMomentum' },
  { name: 'adagrad', label: 'AdaGrad', lrKey: 'lrAdagrad' },
  { name: 'adam', label: 'Adam', lrKey: 'lrAdam' },
];

function runCell(index: number, ctx: CellContext): CellResult {
  const { params: p, data } = ctx;
  if (!data) throw new Error('optimizer-comparison: needs a dataset');
  const o = OPTIMIZERS[index];
  const curve = trainCurve({
    spec: mlpSpec(data.train.d, p.hidden, p.units, classCount(data.train)),
    config: { optimizer: o.name, learningRate: p[o.lrKey], batchSize: p.batchSize, seed: ctx.seed },
    train: data.train,
    iterations: p.iterations,
    kernels: ctx.kernels,
    hooks: ctx.hooks,
  });
  return { index, label: o.label, series: curve.series, figures: { finalSmoothedLoss: tailMean(curve.losses, p.smoothing) } };
}

export const optimizerComparison: ExperimentDefinition = {
  name: 'optimizer-comparison',
  needsData: true,
  params: [
    param('hidden', 5, 1, 10, true),
    param('units', 100, 2, 1000, true),
    param('batchSize', 128, 1, 10_000, true),
    param('iterations', 2000, 1, 100_000, true),
    param('lrSgd', 0.01, 1e-6, 10),
    param('lrMomentum', 0.01, 1e-6, 10),
    param('lrAdagrad', 0.01, 1e-6, 10),
    param('lrAdam', 0.001, 1e-6, 10),
    param('smoothing', 100, 1, 10_000, true),
  ],
  cells: () => OPTIMIZERS.map((o) => o.label),
  runCell,
  summarize: (_p, results) => {
    const summary: Record<string, number | string> = {};
    for (const r of results) summary[`${r.label}.finalSmoothedLoss`] = r.figures.finalSmoothedLoss;
    summary.highestFinalLoss =
      [...results].sort((a, b) => b.figures.finalSmoothedLoss - a.figures.finalSmoothedLoss)[0]?.label ?? '';
    return summary;
  },
};
