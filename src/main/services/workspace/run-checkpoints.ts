/**
 * The checkpoints of every run of the workspace, one folder per run (<userData>/runs/<run id>/epoch-0010.safetensors…):
 * each thinned to its budget, and all of them together kept under a byte cap (the oldest runs' checkpoints go first,
 * never the run being written). Folders of runs the workspace no longer has are removed at launch.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { CheckpointStore } from '../checkpoints/checkpoint-store';
import type { Checkpoint } from '../checkpoints/checkpoint-codec';
import { sweepTempFiles } from '../models/sweep';

export const DEFAULT_CHECKPOINT_CAP_BYTES = 2 * 1024 ** 3;

const folderOf = (runId: string): string => runId.replace(/[^\w-]/g, '_').slice(0, 120);

export class RunCheckpoints {
  /** Bytes of checkpoints per run id. */
  private readonly bytes = new Map<string, number>();

  constructor(
    private readonly dir: string,
    private readonly capBytes = DEFAULT_CHECKPOINT_CAP_BYTES,
  ) {}

  store(runId: string): CheckpointStore {
    return new CheckpointStore(path.join(this.dir, folderOf(runId)), { keepLast: 10 });
  }

  usage(): ReadonlyMap<string, number> {
    return this.bytes;
  }

  /** Write `checkpoint` for `runId`; then, over the cap, drop whole folders of the oldest runs in `order` (oldest first). */
  async write(runId: string, checkpoint: Checkpoint, order: readonly string[]): Promise<void> {
    const kept = await this.store(runId).write(checkpoint);
    this.bytes.set(
      runId,
      kept.reduce((sum, c) => sum + c.bytes, 0),
    );
    for (const id of order) {
      if (this.total() <= this.capBytes) break;
      if (id !== runId && this.bytes.has(id)) await this.remove(id);
    }
  }

  async remove(runId: string): Promise<void> {
    this.bytes.delete(runId);
    await rm(path.join(this.dir, folderOf(runId)), { recursive: true, force: true });
  }

  /** Measure the folders of `runIds` and remove every other run folder (left by runs dropped from the workspace). */
  async restore(runIds: readonly string[]): Promise<void> {
    const known = new Map(runIds.map((id) => [folderOf(id), id]));
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      const info = await stat(path.join(this.dir, name)).catch(() => null);
      if (!info?.isDirectory()) continue;
      const id = known.get(name);
      if (id === undefined) {
        await rm(path.join(this.dir, name), { recursive: true, force: true });
        continue;
      }
      this.bytes.set(
        id,
        (await this.store(id).list()).reduce((sum, c) => sum + c.bytes, 0),
      );
    }
  }

  /** Delete what interrupted atomic writes left in the runs folder and every run's folder (nothing writes at launch). */
  async sweepTempFiles(): Promise<void> {
    await sweepTempFiles(this.dir, -1);
    for (const name of await readdir(this.dir).catch(() => [] as string[])) await sweepTempFiles(path.join(this.dir, name), -1);
  }

  private total(): number {
    return [...this.bytes.values()].reduce((a, b) => a + b, 0);
  }
}
