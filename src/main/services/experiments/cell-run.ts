/**
 * A trained experiment cell as a run of the history: a finished run's summary, its curves (the loss of every
 * iteration, bucketed as a run's are, and the per-epoch metrics) and its model (weights, the experiment's scaling,
 * feature and class names), so that overlay, copy/branch and save treat it like any run.
 */
import type { ExperimentData, ExperimentName, TrainedNetwork } from '../../../core/experiments/experiment';
import { LossCurve } from '../../engine/loss-curve';
import type { ModelSnapshot, SplitMetrics } from '../../../shared/model';
import type { EpochMetrics, RunSummary, UnnumberedRun } from '../../../shared/runs';
import { samplesPerSecond } from '../../../shared/throughput';
import type { TimedNetwork } from '../../../shared/workers/engine';

export interface CellRunSource {
  experiment: ExperimentName;
  /** The cell's label, e.g. "Adam" or "trial 7". */
  label: string;
  trained: TimedNetwork;
  data: ExperimentData;
  /** The stored dataset the experiment ran on ('' for the built-in digits it loaded itself). */
  datasetId: string;
  /** ISO 8601. */
  createdAt: string;
}

/** The mean training loss of the last 10 iterations (the figure the runs table shows as "final loss" when no set was evaluated). */
function tailLoss(losses: readonly number[]): number {
  const tail = losses.slice(-10);
  return tail.reduce((a, b) => a + b, 0) / Math.max(1, tail.length);
}

/**
 * Per-epoch metrics: the evaluated train set, and as "validation" the held-out set (the validation rows, else the
 * test rows: the overfitting experiment's train–test gap). Empty when the cell evaluated no set per epoch.
 */
function epochsOf(metrics: TrainedNetwork['metrics']): EpochMetrics[] {
  const train = metrics.train ?? [];
  const held = metrics.validation ?? metrics.test ?? null;
  return train.map((m, epoch) => ({ epoch, train: m, validation: held?.[epoch] ?? null }));
}

/** The run of a trained cell, named "<experiment> · <cell>". */
export function cellRun(source: CellRunSource): UnnumberedRun {
  const { trained, data } = source;
  const { config, losses } = trained;
  const curve = new LossCurve();
  losses.forEach((loss, i) => curve.add(i + 1, loss));
  curve.flush();
  const epochs = epochsOf(trained.metrics);
  const last = (name: string): SplitMetrics | null => trained.metrics[name]?.at(-1) ?? null;
  const train = last('train') ?? { loss: tailLoss(losses), accuracy: null };
  const validation = last('validation');
  const test = last('test');
  const held = epochs.flatMap((e) => (e.validation?.accuracy == null ? [] : [e.validation.accuracy]));
  const target = data.train.target;
  const summary: Omit<RunSummary, 'id'> = {
    name: `${source.experiment} · ${source.label}`,
    status: 'done',
    finishReason: 'completed',
    failureReason: null,
    nonFinite: null,
    datasetId: source.datasetId,
    architecture: trained.spec,
    config,
    createdAt: source.createdAt,
    durationMs: Math.round(trained.trainingMs),
    epoch: Math.max(0, config.epochs - 1),
    iteration: losses.length,
    totalIterations: losses.length,
    learningRate: config.learningRate,
    bestValidationAccuracy: held.length > 0 ? Math.max(...held) : null,
    train,
    validation,
    test,
    // Over the cell's whole training time, its per-epoch evaluations included (a run's rate counts batches only).
    samplesPerSecond: samplesPerSecond(trained.samples, trained.trainingMs),
    etaSeconds: null,
    kernels: null,
  };
  const snapshot: ModelSnapshot = {
    formatVersion: 1,
    architecture: trained.spec,
    precision: config.precision,
    tensors: trained.state,
    normalization: data.normalization,
    featureNames: [...data.train.featureNames],
    classNames: target.kind === 'classes' ? [...target.classNames] : [],
    targetNames: target.kind === 'regression' ? [...target.names] : [],
    trainingConfig: config,
    metrics: { train, validation, test },
    datasetName: data.train.name,
  };
  return { summary, curves: { loss: curve.all(), iterationsPerPoint: curve.iterationsPerPoint, epochs }, snapshot };
}
