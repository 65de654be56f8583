/** The training loop of one run as the worker executes it: drives the core Trainer batch by batch, obeying the shared control block. */
import { BatchLoader, checkCompatible, createNetwork, Trainer } from '../../core/index';
import type { Dataset } from '../../core/datasets/dataset';
import type { NamedTensor, SplitMetrics } from '../../shared/model';
import { Command, type ControlBlock } from './control';
import { chooseRunKernels, type KernelCache } from './kernels';
import { WorkerGradientShards } from './gradient-shards';
import type { HelperPool } from './helper-pool';
import { warmUp } from './gradient-warm-up';
import { resolveThreads } from './threads';
import type { TrainJob, WorkerToMain } from '../../shared/workers/engine';
import type { EpochMetrics, FinishReason } from '../../shared/runs';
import { samplesPerSecond } from '../../shared/throughput';

/** How long a paused worker blocks before it beats the heartbeat again. */
const PAUSED_BEAT_MS = 500;

/** What an engine worker kept warm between jobs keeps (worker-pool.ts): its kernels and its gradient helpers. */
export interface WarmThread {
  kernels: KernelCache;
  helpers: HelperPool;
}

/** Sends one message to the main thread. */
export type Post = (message: WorkerToMain) => void;

/**
 * Run a training job to its end (completed, stopped, early-stopped or NaN), posting throttled progress
 * (losses, epoch metrics, weights) and the final state. Synchronous: commands arrive only through
 * `control` (read with Atomics between batches), never as messages.
 */
export function runTrainJob(
  job: TrainJob,
  control: ControlBlock,
  post: Post,
  now: () => number = () => performance.now(),
  helperPath?: URL | string,
  warm?: WarmThread,
): void {
  const threads = helperPath === undefined ? 1 : resolveThreads(job.architecture, job.config);
  // For a split run, one shared memory for every thread's kernels when it can be had (they then exchange in place).
  const { kernels, regions } = warm
    ? warm.kernels.takeRun(job.kernels, job.estimatedBytes, threads)
    : chooseRunKernels(job.kernels, job.estimatedBytes, threads);
  const network = createNetwork(job.architecture, { precision: job.config.precision, seed: job.config.seed, kernels });
  if (job.initialState) network.importState(job.initialState);
  const trainer = new Trainer(network, job.train, job.config);
  if (job.resumeFrom) trainer.importState(job.resumeFrom.trainer);
  // Data-parallel: threads − 1 helper workers share each batch; they end with the job, or wait warm in warm.helpers.
  const shards =
    threads > 1 && helperPath !== undefined
      ? new WorkerGradientShards(job, threads, network.params(), helperPath, { pool: warm?.helpers, regions })
      : undefined;
  try {
    if (shards) {
      // While the helpers start, this thread warms its own kernels up too: with both cores busy from the first
      // step, V8's background tier-up would otherwise wait for a core (a 1-thread run has the other one free).
      const width = checkCompatible(network, job.train, 'Training');
      const rows = Math.max(1, Math.floor(job.config.batchSize / 2));
      warmUp(network, new BatchLoader(rows, job.train.d, width, job.config.precision, kernels), job.train, rows * 2);
      shards.ready();
    }
    trainLoop(job, control, post, now, trainer, shards, threads);
  } finally {
    shards?.dispose();
  }
}

function trainLoop(
  job: TrainJob,
  control: ControlBlock,
  post: Post,
  now: () => number,
  trainer: Trainer,
  shards: WorkerGradientShards | undefined,
  threads: number,
): void {
  const { config } = job;
  const { network } = trainer;
  post({ type: 'started', kernels: network.kernels.name, threads });
  control.beat();

  // Not yet posted: batch losses (from iteration firstPending), ended epochs, weights after the last one.
  let pending: number[] = [];
  let firstPending = 1;
  let pendingEpochs: EpochMetrics[] = [];
  let pendingState: NamedTensor[] | null = null;
  let lastPost = now();
  let lastCheckpoint = lastPost;
  // Throughput over the time spent in trainBatch.
  let trainingMs = 0;
  let samples = 0;
  // Position of the last batch.
  let epoch = job.resumeFrom?.trainer.epoch ?? 0;
  let iteration = job.resumeFrom?.trainer.iteration ?? 0;
  let batchesPerEpoch = 0;
  let learningRate = config.learningRate;
  let lrVersion = -1; // forces reading an override set before the job started
  // Early stopping on the validation loss.
  let { bestValidationLoss, epochsWithoutImprovement } = job.resumeFrom?.earlyStopping ?? {
    bestValidationLoss: Number.POSITIVE_INFINITY,
    epochsWithoutImprovement: 0,
  };

  const rate = (): number => samplesPerSecond(samples, trainingMs);
  const flush = (): void => {
    lastPost = now();
    if (pending.length === 0 && pendingEpochs.length === 0) return;
    post({
      type: 'progress',
      firstIteration: firstPending,
      losses: Float64Array.from(pending),
      epoch,
      iteration,
      batchesPerEpoch,
      learningRate,
      samplesPerSecond: rate(),
      epochs: pendingEpochs,
      state: pendingState,
    });
    pending = [];
    pendingEpochs = [];
    pendingState = null;
  };
  const finish = (reason: FinishReason): void => {
    flush();
    // A stop request should end promptly: its train metrics use the per-epoch sample, not every row.
    const metrics = {
      train: trainer.evaluate(job.train, reason === 'stopped' ? job.trainEvalRows : undefined),
      validation: evaluateOrNull(trainer, job.validation),
      test: evaluateOrNull(trainer, job.test),
    };
    post({
      type: 'finished',
      reason,
      epoch,
      iteration,
      samplesPerSecond: rate(),
      state: network.exportState(),
      metrics,
    });
  };

  while (!trainer.done) {
    let command = control.command();
    if (command === Command.pause) {
      flush();
      post({ type: 'paused', epoch, iteration, state: network.exportState() });
      while (command === Command.pause) {
        control.waitWhile(Command.pause, PAUSED_BEAT_MS);
        control.beat();
        command = control.command();
      }
      if (command === Command.run) post({ type: 'resumed' });
    }
    if (command === Command.stop) return finish('stopped');
    const version = control.learningRateVersion();
    if (version !== lrVersion) {
      lrVersion = version;
      trainer.learningRateOverride = control.learningRate();
    }

    const start = now();
    const result = trainer.trainBatch(shards);
    trainingMs += now() - start;
    control.beat();
    samples += result.rows;
    epoch = result.epoch;
    batchesPerEpoch = result.batchesPerEpoch;
    learningRate = result.learningRate;
    if (result.nonFinite) {
      const { where, layer, parameter } = result.nonFinite;
      post({
        type: 'nan',
        report: { epoch: result.epoch, batch: result.batchInEpoch, iteration: result.iteration, where, layer, parameter },
      });
      return finish('nan');
    }
    iteration = result.iteration;
    if (pending.length === 0) firstPending = iteration;
    pending.push(result.loss);
    if (command === Command.stepBatch) control.transition(Command.stepBatch, Command.pause);

    if (result.epochEnded) {
      const train = trainer.evaluate(job.train, job.trainEvalRows);
      const validation = evaluateOrNull(trainer, job.validation);
      pendingEpochs.push({ epoch: result.epoch, train, validation });
      pendingState = network.exportState();
      control.beat();
      if (command === Command.stepEpoch) control.transition(Command.stepEpoch, Command.pause);
      let stopEarly = false;
      if (validation && config.patience !== null) {
        if (validation.loss < bestValidationLoss) {
          bestValidationLoss = validation.loss;
          epochsWithoutImprovement = 0;
        } else stopEarly = ++epochsWithoutImprovement >= config.patience;
      }
      if (checkpointDue(job, result.epoch, now() - lastCheckpoint) && !trainer.done && !stopEarly) {
        lastCheckpoint = now();
        const point = { trainer: trainer.exportState(), earlyStopping: { bestValidationLoss, epochsWithoutImprovement } };
        post({ type: 'checkpoint', point });
      }
      if (stopEarly) return finish('early-stopped');
    }
    if (now() - lastPost >= job.progressIntervalMs) flush();
  }
  finish('completed');
}

/** Whether the end of 0-based `epoch` takes a checkpoint: every N-th epoch, or `sinceMs` past the seconds interval. */
export function checkpointDue(
  job: Pick<TrainJob, 'checkpointEvery' | 'checkpointSeconds'>,
  epoch: number,
  sinceMs: number,
): boolean {
  if (job.checkpointEvery !== null) return (epoch + 1) % job.checkpointEvery === 0;
  return job.checkpointSeconds != null && sinceMs >= job.checkpointSeconds * 1000;
}

function evaluateOrNull(trainer: Trainer, data: Dataset | null): SplitMetrics | null {
  return data && data.n > 0 ? trainer.evaluate(data) : null;
}
