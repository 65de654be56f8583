/** One experiment cell as the worker runs it: core's runCell with throttled progress, pausing and stopping through the control block. */
import { ExperimentCancelled, type Series, type TrainedNetwork } from '../../core/experiments/experiment';
import { EXPERIMENTS } from '../../core/experiments/registry';
import { Command, type ControlBlock } from './control';
import { chooseKernels } from './kernels';
import type { ExperimentCellJob, TimedNetwork, WorkerToMain } from '../../shared/workers/engine';

/** How long a paused worker blocks before it beats the heartbeat again. */
const PAUSED_BEAT_MS = 500;
/** WebAssembly memory reserved per cell (the experiments' networks are small). */
const CELL_BYTES = 64 * 1024 * 1024;

/**
 * Run cell `job.index` of `job.experiment` and post its result; a stop command ends it with ExperimentCancelled
 * (posted as an error the service recognises as a cancel), a pause command blocks between batches.
 */
export function runExperimentCellJob(
  job: ExperimentCellJob,
  control: ControlBlock,
  post: (m: WorkerToMain) => void,
  now: () => number = () => performance.now(),
): void {
  const def = EXPERIMENTS[job.experiment];
  const kernels = chooseKernels(job.kernels, CELL_BYTES);
  post({ type: 'started', kernels: kernels.name });
  let lastPost = Number.NEGATIVE_INFINITY;
  // Each trained network's time: since the cell started or its previous network ended, less the time paused.
  let since = now();
  let pausedMs = 0;
  const shouldStop = (): boolean => {
    control.beat();
    if (control.command() === Command.pause) {
      const pausedAt = now();
      while (control.command() === Command.pause) {
        control.waitWhile(Command.pause, PAUSED_BEAT_MS);
        control.beat();
      }
      pausedMs += now() - pausedAt;
    }
    return control.command() === Command.stop;
  };
  const onProgress = (done: number, total: number, series: Series[]): void => {
    const t = now();
    if (done < total && t - lastPost < job.progressIntervalMs) return;
    lastPost = t;
    post({ type: 'cell-progress', done, total, series });
  };
  const trained: TimedNetwork[] = [];
  const onTrained = (network: TrainedNetwork): void => {
    const t = now();
    trained.push({ ...network, trainingMs: Math.max(0, t - since - pausedMs) });
    since = t;
    pausedMs = 0;
  };
  try {
    const result = def.runCell(job.index, {
      params: job.params,
      seed: job.seed,
      data: job.data,
      kernels,
      hooks: { shouldStop, onProgress, onTrained },
    });
    post({ type: 'cell', result, trained });
  } catch (error) {
    if (error instanceof ExperimentCancelled) post({ type: 'error', message: error.message });
    else throw error;
  }
}
