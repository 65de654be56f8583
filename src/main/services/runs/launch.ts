/** Launching a queued run: its training job on an engine worker, with the service's settings (kernels, limits, throttles, checkpoints). */
import type { ResourceLimits } from 'node:worker_threads';
import { WorkerJob } from '../../engine/worker-job';
import type { EngineWorkerPool } from '../../engine/worker-pool';
import type { WorkerToMain } from '../../../shared/workers/engine';
import type { RunRecord } from './run-record';
import type { PreparedData } from '../../../shared/datasets';
import type { RunServiceOptions } from './options';
import { checkpointFields } from './lineage';

/** Per-worker JS heap caps unless the service was given others (512 MB old generation). */
export function workerLimits(options: RunServiceOptions): ResourceLimits {
  return options.resourceLimits ?? { maxOldGenerationSizeMb: 512 };
}

/** Per-epoch train metrics on a tenth of the rows (at least 1,000) keep evaluation to a few % of an epoch's work. */
export function defaultTrainEvalRows(n: number): number {
  return Math.min(n, Math.max(1000, Math.ceil(n / 10)));
}

/** Start `record`'s training job on its `prepared` data on an engine worker (a warm one from `pool`, or new); the caller follows `job.exited`. */
export function launchTrainJob(
  record: RunRecord,
  prepared: PreparedData,
  o: RunServiceOptions,
  pool: EngineWorkerPool | null,
  handlers: { onMessage(message: WorkerToMain): void; onHeartbeatMissed(silentMs: number): void },
): WorkerJob {
  const { request } = record;
  return new WorkerJob({
    workerPath: o.workerPath,
    job: {
      kind: 'train',
      architecture: request.architecture,
      config: request.config,
      train: prepared.train,
      validation: prepared.validation,
      test: prepared.test,
      initialState: request.initialState,
      kernels: o.kernels ?? 'wasm',
      estimatedBytes: record.estimatedBytes,
      trainEvalRows: o.trainEvalRows ?? defaultTrainEvalRows(prepared.train.n),
      progressIntervalMs: o.progressIntervalMs ?? 100,
      ...checkpointFields(request.checkpoint, o.checkpointEvery ?? null),
      resumeFrom: record.resumeFrom,
    },
    resourceLimits: workerLimits(o),
    graceMs: o.graceMs,
    heartbeatTimeoutMs: o.heartbeatTimeoutMs,
    onMessage: handlers.onMessage,
    onHeartbeatMissed: handlers.onHeartbeatMissed,
    ...(pool ? { pool } : {}),
  });
}
