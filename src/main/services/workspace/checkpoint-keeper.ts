/**
 * Keeping the checkpoints of runs in the workspace's write queue: each is written in order after the writes before
 * it, and when the disk falls behind (tiny epochs) only the newest waiting checkpoint of a run is written.
 */
import type { ModelSnapshot } from '../../../shared/model';
import type { RunSummary } from '../../../shared/runs';
import type { ResumePoint } from '../../../shared/workers/engine';
import type { Checkpoint } from '../checkpoints/checkpoint-codec';
import type { RunCheckpoints } from './run-checkpoints';

export class CheckpointKeeper {
  /** The newest checkpoint of each run whose write is queued and not started yet. */
  private readonly waiting = new Map<string, Checkpoint>();

  /**
   * @param checkpoints the runs' checkpoint folders (thinned and capped)
   * @param enqueue runs a write after the workspace's writes before it
   * @param runOrder the run ids, oldest first (the oldest runs' checkpoints go first when over the cap)
   */
  constructor(
    private readonly checkpoints: RunCheckpoints,
    private readonly enqueue: (task: () => Promise<void>) => Promise<void>,
    private readonly runOrder: () => string[],
  ) {}

  keep(run: { id: string; summary: RunSummary; snapshot: ModelSnapshot }, point: ResumePoint): void {
    const queued = this.waiting.has(run.id);
    this.waiting.set(run.id, { model: run.snapshot, point, runName: run.summary.name });
    if (queued) return;
    void this.enqueue(async () => {
      const checkpoint = this.waiting.get(run.id);
      this.waiting.delete(run.id);
      if (checkpoint) await this.checkpoints.write(run.id, checkpoint, this.runOrder());
    });
  }

  /** Drop a removed run's waiting checkpoint (its folder is removed by the caller's queue). */
  forget(runId: string): void {
    this.waiting.delete(runId);
  }
}
