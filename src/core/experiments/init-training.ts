/**
 * Initialisation and training (book §6.2.4): the same ReLU MLP initialised with std 0.01, Xavier and He, trained
 * with SGD on the same batches; one cell per init records its loss curve.
 */
import type { InitSpec } from '../spec';
import type { CellContext, CellResult, ExperimentDefinition } from './experiment';
import { classCount } from './experiment-data';
import { mlpSpec } from './network-spec';
import { param } from './params';
import { tailMean, trainCurve } from './train-curve';

const INITS: { label: string; init: (p: Record<string, number>) => InitSpec }[] = [
  { label: 'std 0.01', init: (p) => ({ kind: 'std', std: p.std }) },
  { label: 'Xavier', init: () => ({ kind: 'xavier' }) },
  { label: 'He', init: () => ({ kind: 'he' }) },
];

function runCell(index: number, ctx: CellContext): CellResult {
  const { params: p, data } = ctx;
  if (!data) throw new Error('init-training: needs a dataset');
  const c = INITS[index];
  const curve = trainCurve({
    spec: mlpSpec(data.train.d, p.hidden, p.units, classCount(data.train), { init: c.init(p) }),
    config: { optimizer: 'sgd', learningRate: p.learningRate, batchSize: p.batchSize, seed: ctx.seed },
    train: data.train,
    iterations: p.iterations,
    kernels: ctx.kernels,
    hooks: ctx.hooks,
  });
  return { index, label: c.label, series: curve.series, figures: { finalSmoothedLoss: tailMean(curve.losses, p.smoothing) } };
}

export const initTraining: ExperimentDefinition = {
  name: 'init-training',
  needsData: true,
  params: [
    param('hidden', 4, 1, 10, true),
    param('units', 100, 2, 1000, true),
    param('batchSize', 128, 1, 10_000, true),
    param('iterations', 2000, 1, 100_000, true),
    param('learningRate', 0.01, 1e-6, 10),
    param('std', 0.01, 1e-6, 10),
    param('smoothing', 100, 1, 10_000, true),
  ],
  cells: (p) => INITS.map((c) => (c.label === 'std 0.01' ? `std ${p.std}` : c.label)),
  runCell,
  summarize: (_p, results) =>
    Object.fromEntries(results.map((r) => [`${r.label}.finalSmoothedLoss`, r.figures.finalSmoothedLoss])),
};
