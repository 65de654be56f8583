/**
 * Rewind and branch: a child run from a parent's kept checkpoint with edited settings, and the resume of a run that a
 * crash or restart interrupted, from its last checkpoint under its own id. Checkpoints are read from the workspace's
 * run folders; the runs start on the run service like any other (their workers continue the checkpoint's state).
 */
import type { ArchitectureSpec } from '../../../core/spec';
import { AppError } from '../../../shared/errors';
import { parseOrThrow } from '../../../shared/parse';
import { runBranchRequestSchema, type RunBranchRequest, type RunCurves, type RunSummary } from '../../../shared/runs';
import type { ResumePoint } from '../../../shared/workers/engine';
import type { CheckpointStore, StoredCheckpoint } from '../checkpoints/checkpoint-store';
import type { RunService } from './service';
import { curvesUpTo } from './lineage';

export interface BranchingOptions {
  runs: Pick<RunService, 'list' | 'curves' | 'start'>;
  /** A run's checkpoint folder, once the writes under way are done (WorkspaceService.checkpointsOf). */
  checkpointsOf(runId: string): Promise<CheckpointStore>;
}

/** The nearest kept checkpoint at or before epoch `k` (checkpoints ascending), or null. */
export function nearestCheckpoint<T extends { epoch: number }>(kept: readonly T[], k: number): T | null {
  return kept.filter((c) => c.epoch <= k).at(-1) ?? null;
}

/** The layers with Dropout ratios blanked: two architectures a checkpoint can continue alike compare equal. */
const layersBesidesDropout = (a: ArchitectureSpec): string =>
  JSON.stringify({ ...a, layers: a.layers.map((l) => (l.type === 'Dropout' ? { type: 'Dropout' } : l)) });

/** Refuse what a checkpoint after `epoch` epochs cannot continue with: another seed, precision or layers, or no epoch left. */
export function checkBranch(parent: RunSummary, request: RunBranchRequest, epoch: number): void {
  for (const setting of ['seed', 'precision'] as const) {
    if (request.config[setting] !== parent.config[setting])
      throw new AppError('branch-setting', `a branch continues the parent's ${setting}; it cannot change`, { setting });
  }
  if (layersBesidesDropout(request.architecture) !== layersBesidesDropout(parent.architecture))
    throw new AppError('branch-setting', "a branch keeps the parent's layers (only Dropout ratios may change)", {
      setting: 'architecture',
    });
  if (request.config.epochs <= epoch)
    throw new AppError('branch-epochs', `epochs is the total: a branch from epoch ${epoch} needs more than ${epoch}`, {
      epoch,
    });
}

export class RunBranching {
  constructor(private readonly options: BranchingOptions) {}

  /** The epochs after which run `id` has a checkpoint kept. */
  async checkpoints(id: string): Promise<number[]> {
    this.summary(id);
    return (await this.kept(id)).map((c) => c.epoch);
  }

  /** Start a child of run `untrusted.id` from its nearest kept checkpoint at or before `untrusted.epoch`. */
  async branch(untrusted: RunBranchRequest): Promise<RunSummary> {
    const request = parseOrThrow(runBranchRequestSchema, untrusted, 'branch request');
    const parent = this.summary(request.id);
    const split = this.splitOf(parent);
    const { store, chosen } = await this.checkpointAt(parent, request.epoch);
    checkBranch(parent, request, chosen.epoch);
    const { point } = await store.read(chosen.file);
    // Another optimizer has other state (or none): it starts afresh, as `train --from` does.
    const trainer = request.config.optimizer === parent.config.optimizer ? point.trainer : { ...point.trainer, optimizer: null };
    const resumeFrom: ResumePoint = { ...point, trainer };
    return this.options.runs.start(
      {
        datasetId: parent.datasetId,
        architecture: request.architecture,
        config: request.config,
        split,
        checkpoint: request.checkpoint,
      },
      resumeFrom,
      { parent: { runId: parent.id, epoch: trainer.epoch, iteration: trainer.iteration }, resume: null },
    );
  }

  /** Continue interrupted run `id` from its last checkpoint, keeping its id, name and curves up to there. */
  async continue(id: string): Promise<RunSummary> {
    const run = this.summary(id);
    if (run.status !== 'interrupted') throw new Error(`run "${id}" is ${run.status}, not interrupted: nothing to resume`);
    const split = this.splitOf(run);
    const { store, chosen } = await this.checkpointAt(run, Number.MAX_SAFE_INTEGER);
    const { point } = await store.read(chosen.file);
    const history: RunCurves = curvesUpTo(this.options.runs.curves(id), point.trainer.epoch, point.trainer.iteration);
    return this.options.runs.start(
      { datasetId: run.datasetId, architecture: run.architecture, config: run.config, split, name: run.name },
      point,
      { parent: run.parent ?? null, resume: { id, history } },
    );
  }

  private summary(id: string): RunSummary {
    const run = this.options.runs.list().find((r) => r.id === id);
    if (!run) throw new Error(`no run with id "${id}"`);
    return run;
  }

  private splitOf(run: RunSummary): NonNullable<RunSummary['split']> {
    if (!run.split)
      throw new AppError(
        'run-split-unknown',
        `run ${run.name} was saved before its data split was recorded: it cannot be continued`,
        {
          name: run.name,
        },
      );
    return run.split;
  }

  private async kept(id: string): Promise<StoredCheckpoint[]> {
    return (await this.options.checkpointsOf(id)).list();
  }

  private async checkpointAt(run: RunSummary, epoch: number): Promise<{ store: CheckpointStore; chosen: StoredCheckpoint }> {
    const store = await this.options.checkpointsOf(run.id);
    const chosen = nearestCheckpoint(await store.list(), epoch);
    if (!chosen)
      throw new AppError('checkpoint-missing', `run ${run.name} has no checkpoint kept at or before epoch ${epoch}`, {
        name: run.name,
        epoch: epoch === Number.MAX_SAFE_INTEGER ? run.epoch + 1 : epoch,
      });
    return { store, chosen };
  }
}
