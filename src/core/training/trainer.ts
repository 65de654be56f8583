/** The synchronous training loop an engine drives one batch at a time: shuffle, batch, backprop, non-finite guard, update. */
import type { Dataset } from '../datasets/dataset';
import type { FloatArray } from '../kernels/kernels';
import type { Sequential } from '../network/sequential';
import type { Optimizer, OptimizerState } from '../optimizers/optimizer';
import type { TrainingConfig } from '../spec';
import type { Rng } from '../rng';
import { createRng } from '../rng';
import { createOptimizer } from '../optimizers/create-optimizer';
import { learningRateAt } from '../optimizers/schedule';
import { BatchLoader } from './batch-loader';
import { checkCompatible } from './compatibility';
import { findNonFinite, nonFiniteIn } from './non-finite';
import type { NonFinite } from './non-finite';
import { checkTrainerState, type TrainerState } from './trainer-state';
import { gradientCheckBeforeExchange, updateShare, type GradientShards } from './data-parallel';
import { RangeUpdate } from './range-update';

export interface BatchResult {
  /** 0-based epoch the batch belonged to. */
  epoch: number;
  /** 1-based count of batches trained, this one included. */
  iteration: number;
  /** 1-based position of this batch within its epoch. */
  batchInEpoch: number;
  batchesPerEpoch: number;
  /** Rows in this batch: batchSize, or fewer in an epoch's last batch. */
  rows: number;
  loss: number;
  learningRate: number;
  epochEnded: boolean;
  /** Set when the loss, a gradient or an updated weight was NaN/±Infinity; the update was then not applied. */
  nonFinite: NonFinite | null;
}

const positiveInt = (name: string, v: number): void => {
  if (!(Number.isInteger(v) && v > 0)) throw new Error(`Trainer: ${name} must be a positive integer, got ${v}`);
};

export class Trainer {
  /** A learning rate set live from the UI; replaces the schedule while not null. */
  learningRateOverride: number | null = null;
  readonly batchesPerEpoch: number;
  private readonly rng: Rng;
  private readonly order: Int32Array;
  private readonly optimizer: Optimizer;
  private readonly loader: BatchLoader;
  /** Parameter values before the last update, restored when the update produced a non-finite weight. */
  private readonly backup: FloatArray[];
  /** The shards of the last split batch and this thread's update of its range (null: not split, or state replaced since). */
  private split: { shards: GradientShards; update: RangeUpdate } | null = null;
  private epoch = 0;
  private iteration = 0;
  private batchInEpoch = 0;

  constructor(
    readonly network: Sequential,
    readonly train: Dataset,
    readonly config: TrainingConfig,
  ) {
    positiveInt('batchSize', config.batchSize);
    positiveInt('epochs', config.epochs);
    if (config.maxIterations !== undefined) positiveInt('maxIterations', config.maxIterations);
    if (config.precision !== network.precision) {
      throw new Error(`Trainer: config.precision is ${config.precision} but the network was built in ${network.precision}`);
    }
    learningRateAt(config, 0); // validates the learning rate and schedule now rather than at the first batch
    const width = checkCompatible(network, train, 'Training');
    network.setWeightDecay(config.weightDecay);
    this.optimizer = createOptimizer(config, network.kernels);
    this.rng = createRng(config.seed);
    this.order = Int32Array.from({ length: train.n }, (_, i) => i);
    this.rng.shuffle(this.order);
    this.batchesPerEpoch = Math.ceil(train.n / config.batchSize);
    this.loader = new BatchLoader(config.batchSize, train.d, width, network.precision, network.kernels);
    this.backup = network.params().map((p) => p.value.slice());
  }

  /** True once config.epochs epochs or config.maxIterations iterations have been trained. */
  get done(): boolean {
    return (
      this.epoch >= this.config.epochs || (this.config.maxIterations !== undefined && this.iteration >= this.config.maxIterations)
    );
  }

  /**
   * Train on the next batch of the shuffled epoch; skips the update when anything is non-finite. With `shards`
   * (data-parallel), this thread computes the first rows of the batch and the shards the rest; each thread then
   * forms the full-batch mean gradient over its own range of the parameters and updates that range (splitStep).
   */
  trainBatch(shards?: GradientShards): BatchResult {
    if (this.done) throw new Error('Trainer: training is done; no batch left');
    const size = this.config.batchSize;
    const start = this.batchInEpoch * size;
    const count = Math.min(size, this.train.n - start);
    const learningRate = this.learningRateOverride ?? learningRateAt(this.config, this.iteration);
    const { loss, nonFinite } = shards
      ? this.splitStep(shards, start, count, learningRate)
      : this.wholeStep(start, count, learningRate);
    const result: BatchResult = {
      epoch: this.epoch,
      iteration: ++this.iteration,
      batchInEpoch: ++this.batchInEpoch,
      batchesPerEpoch: this.batchesPerEpoch,
      rows: count,
      loss,
      learningRate,
      epochEnded: this.batchInEpoch === this.batchesPerEpoch,
      nonFinite,
    };
    if (result.epochEnded) {
      this.epoch++;
      this.batchInEpoch = 0;
      this.rng.shuffle(this.order);
    }
    return result;
  }

  /** One thread: gradient of the whole batch, non-finite guard, one optimizer step over every param. */
  private wholeStep(start: number, count: number, learningRate: number): { loss: number; nonFinite: NonFinite | null } {
    const params = this.network.params();
    if (this.split) {
      // Back to one thread after split steps: take the other threads' ranges of the optimizer state first.
      this.optimizer.importState(params, this.exportOptimizer());
      this.split = null;
    }
    const { x, t } = this.loader.load(this.train, this.order, start, count);
    const loss = this.network.gradient(x, t);
    let nonFinite: NonFinite | null = !Number.isFinite(loss)
      ? { where: 'loss', layer: null, parameter: null }
      : findNonFinite(params, 'grad', this.network.kernels);
    if (!nonFinite) {
      params.forEach((p, i) => this.backup[i].set(p.value));
      this.optimizer.step(params, learningRate);
      nonFinite = findNonFinite(params, 'value', this.network.kernels);
      if (nonFinite) params.forEach((p, i) => p.value.set(this.backup[i]));
    }
    return { loss, nonFinite };
  }

  /**
   * Data-parallel: the shards start on their rows, this thread computes its own, and every thread updates its range
   * of the parameters from the exchanged gradients (updateShare). The first split step, and the first after
   * importState, hands the shards this thread's values and optimizer state.
   */
  private splitStep(
    shards: GradientShards,
    start: number,
    count: number,
    learningRate: number,
  ): { loss: number; nonFinite: NonFinite | null } {
    const params = this.network.params();
    if (this.split?.shards !== shards) {
      shards.load(this.optimizer.exportState(params));
      const update = new RangeUpdate(params, shards.bounds[0], shards.bounds[1], this.optimizer, this.network.kernels);
      this.split = { shards, update };
    }
    const local = shards.localCount(count);
    shards.start(local, this.order.subarray(start + local, start + count), learningRate);
    const { x, t } = this.loader.load(this.train, this.order, start, local);
    const own = this.network.gradient(x, t);
    const exchanged = shards.exchangeGradients(own, gradientCheckBeforeExchange(this.split.update, this.network.kernels));
    const { loss, outcome } = updateShare(this.split.update, exchanged, learningRate, {
      values: (bad) => shards.exchangeValues(bad),
      gradientChecks: (bad) => shards.exchangeGradientChecks(bad),
    });
    if (outcome === null) return { loss, nonFinite: null };
    if (outcome.where === 'loss') return { loss, nonFinite: { where: 'loss', layer: null, parameter: null } };
    return { loss, nonFinite: nonFiniteIn(params[outcome.param], outcome.where === 'gradient' ? 'grad' : 'value') };
  }

  /** A copy of everything needed to continue training exactly from here (see TrainerState). */
  exportState(): TrainerState {
    return {
      epoch: this.epoch,
      iteration: this.iteration,
      batchInEpoch: this.batchInEpoch,
      weights: this.network.exportState(),
      optimizer: this.exportOptimizer(),
      shuffleRng: this.rng.getState(),
      dropoutRng: this.network.dropoutRng?.getState() ?? null,
      order: this.order.slice(),
    };
  }

  /** The optimizer's state; after split steps, the other threads' ranges are gathered from them. */
  private exportOptimizer(): OptimizerState {
    const state = this.optimizer.exportState(this.network.params());
    this.split?.shards.gather(state);
    return state;
  }

  /** Continue from `state` (exportState's output for the same architecture and data); throws naming what does not fit. */
  importState(state: TrainerState): void {
    checkTrainerState(state, this.train.n, this.batchesPerEpoch);
    if ((state.dropoutRng === null) !== (this.network.dropoutRng === null))
      throw new Error('trainer state: dropout RNG state does not match the network');
    this.network.importState(state.weights);
    if (state.optimizer) this.optimizer.importState(this.network.params(), state.optimizer);
    this.rng.setState(state.shuffleRng);
    if (state.dropoutRng) this.network.dropoutRng?.setState(state.dropoutRng);
    this.order.set(state.order);
    ({ epoch: this.epoch, iteration: this.iteration, batchInEpoch: this.batchInEpoch } = state);
    this.split = null; // the shards get the new values and optimizer state before the next split step
  }

  /** Inference-mode mean data loss and accuracy (null for regression) over the first maxRows rows of `data`, in batches. */
  evaluate(data: Dataset, maxRows?: number): { loss: number; accuracy: number | null } {
    checkCompatible(this.network, data, 'Evaluation');
    const rows = maxRows === undefined ? data.n : Math.min(data.n, maxRows);
    if (!(Number.isInteger(rows) && rows > 0))
      throw new Error(`Trainer.evaluate: maxRows must be a positive integer, got ${maxRows}`);
    let lossSum = 0;
    let correct: number | null = 0;
    for (let start = 0; start < rows; start += this.loader.capacity) {
      const count = Math.min(this.loader.capacity, rows - start);
      const { x, t } = this.loader.load(data, null, start, count);
      const r = this.network.evaluateBatch(x, t);
      lossSum += r.loss * count;
      correct = r.correct === null || correct === null ? null : correct + r.correct;
    }
    return { loss: lossSum / rows, accuracy: correct === null ? null : correct / rows };
  }
}
