/** What the run service is built with: its dataset provider and the host's settings for the engine workers. */
import type { ResourceLimits } from 'node:worker_threads';
import type { ResumePoint } from '../../../shared/workers/engine';
import type { KernelChoice } from '../../engine/kernels';
import type { ModelSnapshot } from '../../../shared/model';
import type { PreparedData, PrepareOptions } from '../../../shared/datasets';
import type { RunSummary } from '../../../shared/runs';

/** What the service needs from the dataset service (DatasetService satisfies it; the CLI passes its loaded data). */
export interface DatasetProvider {
  /** Split and normalize; refuse (before allocating) a split that needs more than `budgetBytes`, when given. */
  prepare(id: string, options: PrepareOptions, budgetBytes?: number): PreparedData;
  /**
   * When given (DatasetService), runs use it instead of `prepare`: the split is made off the main thread. It throws at
   * once for an unknown dataset or a split over `budgetBytes`; `features` is the dataset's number of features.
   */
  prepareOffThread?(
    id: string,
    options: PrepareOptions,
    budgetBytes?: number,
  ): { features: number; prepared: Promise<PreparedData> };
}

export interface RunServiceOptions {
  datasets: DatasetProvider;
  /** The built worker bundle, out/main/engine-worker.js. */
  workerPath: string;
  /** Runs training at once (default: the number of cores); the rest wait in a queue. */
  maxConcurrent?: number;
  /** Refuse a run whose estimated allocation exceeds this (default 1 GiB). */
  memoryBudgetBytes?: number;
  /** Per-worker JS heap caps (default 512 MB old generation). */
  resourceLimits?: ResourceLimits;
  /** Minimum ms between two progress events of a run (default 100: ≤ 10 progress + 10 epoch events a second). */
  progressIntervalMs?: number;
  /** Stop → terminate delay (default 2000 ms) and heartbeat silence reported by the watchdog (default 5000 ms). */
  graceMs?: number;
  heartbeatTimeoutMs?: number;
  /** Compute backend of the training workers (default 'wasm', which falls back to 'reference' without WebAssembly SIMD). */
  kernels?: KernelChoice;
  /** Checkpoint every N epochs (default: none) and where checkpoints go (called on the main thread; write them asynchronously). */
  checkpointEvery?: number | null;
  onCheckpoint?: (run: { id: string; summary: RunSummary; snapshot: ModelSnapshot }, point: ResumePoint) => void;
  /**
   * Keep engine workers that finished a run cleanly (and their gradient helpers) for the next runs, warm (default
   * true; see engine/worker-pool.ts). False: a new worker per run, ended with it.
   */
  keepWorkersWarm?: boolean;
  /** Rows of the training split evaluated for the per-epoch train metrics (default: 10 % of it, at least 1,000; the final metrics use every row). */
  trainEvalRows?: number;
}
