/** The synchronous training loop an engine drives one batch at a time: shuffle, batch, backprop, non-finite guard, update. */
import type { Dataset } from '../datasets/dataset';
import type { FloatArray } from '../kernels/kernels';
import type { Sequential } from '../network/sequential';
import type { Optimizer } from '../optimizers/optimizer';
import type { TrainingConfig } from '../spec';
import type { Rng } from '../rng';
import { createRng } from '../rng';
import { createOptimizer } from '../optimizers/create-optimizer';
import { learningRateAt } from '../optimizers/schedule';
import { BatchLoader } from './batch-loader';
import { checkCompatible } from './compatibility';
import { findNonFinite } from './non-finite';
import type { NonFinite } from './non-finite';
import { checkTrainerState, type TrainerState } from './trainer-state';
import { reduceShards, type GradientShards } from './data-parallel';

export interface BatchResult {
  /** 0-based epoch the batch belonged to. */
  epoch: number;
  /** 1-based count of batches trained, this one included. */
  iteration: number;
  /** 1-based position of this batch within its epoch. */
  batchInEpoch: number;
  batchesPerEpoch: number;
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
   * (data-parallel), this thread computes the first rows of the batch, the shards the rest, and the weighted
   * sum of their mean gradients (the full-batch mean) is applied once.
   */
  trainBatch(shards?: GradientShards): BatchResult {
    if (this.done) throw new Error('Trainer: training is done; no batch left');
    const size = this.config.batchSize;
    const start = this.batchInEpoch * size;
    const count = Math.min(size, this.train.n - start);
    const local = shards ? shards.localCount(count) : count;
    const params = this.network.params();
    if (shards && local < count) shards.start(this.order.subarray(start + local, start + count), params);
    const { x, t } = this.loader.load(this.train, this.order, start, local);
    const learningRate = this.learningRateOverride ?? learningRateAt(this.config, this.iteration);
    let loss = this.network.gradient(x, t);
    // A split batch's reduction reports whether its gradients are finite: then no separate scan is needed.
    let scanGrads = true;
    if (shards && local < count) {
      const reduced = reduceShards(params, local, loss, shards.finish(), this.network.kernels);
      loss = reduced.loss;
      scanGrads = reduced.nonFinite;
    }
    let nonFinite: NonFinite | null = !Number.isFinite(loss)
      ? { where: 'loss', layer: null, parameter: null }
      : scanGrads
        ? findNonFinite(params, 'grad', this.network.kernels)
        : null;
    if (!nonFinite) {
      params.forEach((p, i) => this.backup[i].set(p.value));
      this.optimizer.step(params, learningRate);
      nonFinite = findNonFinite(params, 'value', this.network.kernels);
      if (nonFinite) params.forEach((p, i) => p.value.set(this.backup[i]));
    }
    const result: BatchResult = {
      epoch: this.epoch,
      iteration: ++this.iteration,
      batchInEpoch: ++this.batchInEpoch,
      batchesPerEpoch: this.batchesPerEpoch,
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

  /** A copy of everything needed to continue training exactly from here (see TrainerState). */
  exportState(): TrainerState {
    return {
      epoch: this.epoch,
      iteration: this.iteration,
      batchInEpoch: this.batchInEpoch,
      weights: this.network.exportState(),
      optimizer: this.optimizer.exportState(this.network.params()),
      shuffleRng: this.rng.getState(),
      dropoutRng: this.network.dropoutRng?.getState() ?? null,
      order: this.order.slice(),
    };
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
