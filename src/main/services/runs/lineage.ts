/**
 * Where a run continues from: a branch names its parent; a resumed run keeps its id and the curves it had up to the
 * checkpoint it continues from. Also how a run's checkpoint schedule becomes the worker's two interval fields.
 */
import type { CheckpointSchedule, RunCurves, RunParent } from '../../../shared/runs';
import type { TrainJob } from '../../../shared/workers/engine';

export interface RunLineage {
  /** The run this one branches from, or null (a resumed run keeps its own parent, if any). */
  parent: RunParent | null;
  /** Resume in place: the id of the (restored) run this one continues, and its curves up to the checkpoint. */
  resume: { id: string; history: RunCurves } | null;
}

/** The part of `curves` a checkpoint after `epochs` epochs and `iteration` batches has seen: later points are dropped. */
export function curvesUpTo(curves: RunCurves, epochs: number, iteration: number): RunCurves {
  return {
    ...curves,
    loss: curves.loss.filter(([x]) => x <= iteration),
    epochs: curves.epochs.filter((e) => e.epoch < epochs),
  };
}

/** The worker's checkpoint fields for a run's schedule (absent: the host's every-N-epochs default, null = none). */
export function checkpointFields(
  schedule: CheckpointSchedule | undefined,
  hostEvery: number | null,
): Pick<TrainJob, 'checkpointEvery' | 'checkpointSeconds'> {
  if (!schedule) return { checkpointEvery: hostEvery, checkpointSeconds: null };
  return schedule.unit === 'epochs'
    ? { checkpointEvery: schedule.every, checkpointSeconds: null }
    : { checkpointEvery: null, checkpointSeconds: schedule.every };
}
