/**
 * Rewind and branch in the studio: the branch being edited (which run, from which epoch, its settings pre-filled from
 * the parent, the checkpoints kept and the one that will be used), starting it, and resuming an interrupted run.
 */
import type { ArchitectureSpec, TrainingConfig } from '../../../core/spec';
import type { RunSummary } from '../../../shared/runs';
import type { Studio } from './studio.svelte';

/** The nearest kept checkpoint epoch at or before `k` (kept ascending), or null. */
export function checkpointFor(kept: readonly number[], k: number): number | null {
  return kept.filter((e) => e <= k).at(-1) ?? null;
}

export class Branching {
  /** The parent of the branch being edited (the dialog is open while it is set). */
  run = $state<RunSummary | null>(null);
  /** The epoch asked for (1-based: after that many epochs). */
  epoch = $state(1);
  config = $state<TrainingConfig | null>(null);
  architecture = $state<ArchitectureSpec | null>(null);
  /** Epochs after which the parent has a checkpoint kept; null while they are looked up. */
  kept = $state<number[] | null>(null);
  /** The checkpoint the branch will start from (null: none at or before the epoch asked). */
  readonly used = $derived(this.kept === null ? null : checkpointFor(this.kept, this.epoch));
  busy = $state(false);

  constructor(private readonly studio: Studio) {}

  /** Open the editor for a branch of run `id` from epoch `epoch`, its settings copied from the run. */
  async open(id: string, epoch: number): Promise<void> {
    const run = this.studio.runs.find((r) => r.id === id);
    if (!run) return;
    this.run = run;
    this.epoch = Math.max(1, Math.round(epoch));
    this.config = structuredClone($state.snapshot(run.config));
    this.architecture = structuredClone($state.snapshot(run.architecture));
    this.kept = null;
    await this.studio.attempt(async () => {
      const kept = await this.studio.api.call('runs.checkpoints', { id });
      if (this.run?.id === id) this.kept = kept;
    });
  }

  close(): void {
    this.run = null;
    this.kept = null;
  }

  /** Start the branch; it becomes the active run, drawn over its parent. */
  async start(): Promise<void> {
    const { run, config, architecture } = this;
    if (!run || !config || !architecture || this.used === null) return;
    this.busy = true;
    await this.studio.attempt(async () => {
      const child = await this.studio.api.call('runs.branch', {
        id: run.id,
        epoch: this.epoch,
        config: $state.snapshot(config),
        architecture: $state.snapshot(architecture),
        checkpoint: $state.snapshot(this.studio.checkpoint),
      });
      this.studio.showStartedRun(child);
      if (!this.studio.overlay.includes(run.id)) await this.studio.toggleOverlay(run.id, true);
      this.close();
    });
    this.busy = false;
  }

  /** Continue an interrupted run from its last checkpoint (its curves are fetched again: they end there now). */
  async resume(id: string): Promise<void> {
    await this.studio.attempt(async () => {
      const summary = await this.studio.api.call('runs.continue', { id });
      const curves = await this.studio.api.call('runs.curves', { id });
      this.studio.curves = { ...this.studio.curves, [id]: { loss: curves.loss, epochs: curves.epochs } };
      this.studio.showStartedRun(summary);
    });
  }
}
