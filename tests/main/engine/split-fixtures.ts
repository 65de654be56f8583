/** Shared set-up of the data-parallel engine tests: the built gradient helper, a 180-row spiral, a 4-epoch job, a run on this thread. */
import { resolve } from 'node:path';
import { ControlBlock } from '../../../src/main/engine/control';
import { runTrainJob, type WarmThread } from '../../../src/main/engine/train-job';
import type { TrainJob, WorkerToMain } from '../../../src/shared/workers/engine';
import type { TrainingConfig } from '../../../src/core/spec';
import { QUICK_CONFIG, SPIRAL_MLP, sharedSpiral, WORKER_PATH } from './fixtures';

/** out/main/gradient-worker.js, next to the engine worker. */
export const HELPER_PATH = resolve(WORKER_PATH, '../gradient-worker.js');
export const SPLIT_TRAIN = sharedSpiral(60, 4);

/** A 4-epoch job on SPLIT_TRAIN at batch 16 (QUICK_CONFIG otherwise), with `config` and `extra` over it. */
export const splitJob = (config: Partial<TrainingConfig>, extra: Partial<TrainJob> = {}): TrainJob => ({
  kind: 'train',
  architecture: SPIRAL_MLP,
  config: { ...QUICK_CONFIG, batchSize: 16, epochs: 4, ...config },
  train: SPLIT_TRAIN,
  validation: null,
  test: null,
  kernels: 'wasm',
  estimatedBytes: 0,
  trainEvalRows: 1000,
  progressIntervalMs: 0,
  checkpointEvery: null,
  resumeFrom: null,
  ...extra,
});

/** Every message of one job run on this thread, with its `threads` sharing each batch through HELPER_PATH (`warm`: a warm thread's kernels and helpers). */
export function runSplit(j: TrainJob, control = new ControlBlock(), warm?: WarmThread): WorkerToMain[] {
  const messages: WorkerToMain[] = [];
  runTrainJob(j, control, (m) => messages.push(m), undefined, HELPER_PATH, warm);
  return messages;
}
