/** Train one network with core's Trainer and record what the experiments draw: the loss per iteration and accuracies per epoch. */
import type { Dataset } from '../datasets/dataset';
import type { Kernels } from '../kernels/kernels';
import type { ArchitectureSpec, TrainingConfig } from '../spec';
import { DEFAULT_TRAINING_CONFIG } from '../spec';
import { createNetwork } from '../network/create-network';
import { Trainer } from '../training/trainer';
import type { CellHooks, Series, TrainedNetwork } from './experiment';
import { ExperimentCancelled } from './experiment';

export interface TrainCurveOptions {
  spec: ArchitectureSpec;
  /** Overrides of DEFAULT_TRAINING_CONFIG (optimizer, learningRate, batchSize, weightDecay, seed…). */
  config: Partial<TrainingConfig>;
  train: Dataset;
  /** Stop after this many iterations; else after config.epochs epochs. */
  iterations?: number;
  /** Sets whose accuracy is measured (inference mode) at the end of every epoch, by name. */
  evaluate?: Record<string, Dataset>;
  kernels?: Kernels;
  hooks?: CellHooks;
}

export interface TrainCurve {
  /** Training loss of every iteration (with the weight-decay term, as the book plots it). */
  losses: number[];
  /** Accuracy per set name, one value per finished epoch. */
  accuracy: Record<string, number[]>;
  /** The same as drawable series: "loss" over iterations, then "<name> accuracy" over epochs 1…E. */
  series: Series[];
}

const PROGRESS_POINTS = 100;

/** Train `spec` on `train`; reports progress about PROGRESS_POINTS times and stops with ExperimentCancelled when asked. */
export function trainCurve(o: TrainCurveOptions): TrainCurve {
  const base: TrainingConfig = { ...DEFAULT_TRAINING_CONFIG, ...o.config };
  const batchesPerEpoch = Math.ceil(o.train.n / base.batchSize);
  const config: TrainingConfig =
    o.iterations === undefined
      ? base
      : { ...base, epochs: Math.ceil(o.iterations / batchesPerEpoch), maxIterations: o.iterations };
  const net = createNetwork(o.spec, { precision: config.precision, seed: config.seed, kernels: o.kernels });
  const trainer = new Trainer(net, o.train, config);
  const total = config.maxIterations ?? config.epochs * batchesPerEpoch;
  const every = Math.max(1, Math.floor(total / PROGRESS_POINTS));
  const losses: number[] = [];
  let samples = 0;
  const sets = Object.entries(o.evaluate ?? {});
  const accuracy: Record<string, number[]> = Object.fromEntries(sets.map(([name]) => [name, []]));
  const metrics: TrainedNetwork['metrics'] = Object.fromEntries(sets.map(([name]) => [name, []]));
  const series = (): Series[] => [
    { name: 'loss', kind: 'curve', x: losses.map((_, i) => i + 1), y: losses },
    ...sets.map(([name]): Series => ({
      name: `${name} accuracy`,
      kind: 'curve',
      x: accuracy[name].map((_, i) => i + 1),
      y: accuracy[name],
    })),
  ];
  while (!trainer.done) {
    if (o.hooks?.shouldStop?.()) throw new ExperimentCancelled();
    const r = trainer.trainBatch();
    losses.push(r.loss);
    samples += r.rows;
    if (r.epochEnded)
      for (const [name, data] of sets) {
        const m = trainer.evaluate(data);
        metrics[name].push(m);
        accuracy[name].push(m.accuracy ?? Number.NaN);
      }
    if (r.iteration % every === 0 || trainer.done) o.hooks?.onProgress?.(r.iteration, total, series());
  }
  const rows = Object.fromEntries(sets.map(([name, data]) => [name, data.n]));
  o.hooks?.onTrained?.({ spec: o.spec, config, state: net.exportState(), losses, metrics, rows, samples });
  return { losses, accuracy, series: series() };
}

/** The mean of the last `window` values (all of them when fewer): the "final smoothed loss". */
export function tailMean(values: readonly number[], window: number): number {
  const tail = values.slice(Math.max(0, values.length - window));
  return tail.reduce((a, b) => a + b, 0) / tail.length;
}
