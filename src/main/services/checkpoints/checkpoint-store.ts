/**
 * A run's folder of checkpoints, `epoch-0010.safetensors` after the 10th epoch: written atomically (temp file + rename)
 * on the main thread while the worker trains on, thinned to a budget (every one of the last `keepLast`, then only the
 * power-of-two epochs: log-spaced) and, optionally, to a byte cap (the oldest go first; the newest always stays).
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { decodeCheckpoint, encodeCheckpoint, type Checkpoint } from './checkpoint-codec';

const NAME = /^epoch-(\d{4,})\.safetensors$/;

/** `epoch-0010.safetensors`: the checkpoint taken after `epochs` epochs. */
export const checkpointFileName = (epochs: number): string => `epoch-${String(epochs).padStart(4, '0')}.safetensors`;

/** Which of `epochs` (ascending) a budget keeps: all of the last `keepLast`, and the older ones that are powers of two. */
export function thinnedEpochs(epochs: readonly number[], keepLast: number): number[] {
  const recent = new Set(epochs.slice(-keepLast));
  return epochs.filter((e) => recent.has(e) || (e > 0 && (e & (e - 1)) === 0));
}

export interface CheckpointBudget {
  /** Checkpoints kept without thinning (default 10). */
  keepLast?: number;
  /** Bytes the folder may hold (default: no cap). */
  maxBytes?: number;
}

export interface StoredCheckpoint {
  epoch: number;
  file: string;
  bytes: number;
}

export class CheckpointStore {
  constructor(
    readonly dir: string,
    private readonly budget: CheckpointBudget = {},
  ) {}

  /** Write the checkpoint (named by its epoch), then thin the folder; returns what the folder holds. */
  async write(checkpoint: Checkpoint): Promise<StoredCheckpoint[]> {
    const file = path.join(this.dir, checkpointFileName(checkpoint.point.trainer.epoch));
    const bytes = encodeCheckpoint(checkpoint, path.basename(file));
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { mode: 0o600 });
    return this.thin();
  }

  /** The checkpoints in the folder, oldest first. */
  async list(): Promise<StoredCheckpoint[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const found = await Promise.all(
      names.flatMap((name) => {
        const match = NAME.exec(name);
        if (!match) return [];
        const file = path.join(this.dir, name);
        return [stat(file).then((info) => ({ epoch: Number(match[1]), file, bytes: info.size }))];
      }),
    );
    return found.sort((a, b) => a.epoch - b.epoch);
  }

  /** The newest checkpoint's file, or null. */
  async latest(): Promise<StoredCheckpoint | null> {
    return (await this.list()).at(-1) ?? null;
  }

  async read(file: string): Promise<Checkpoint> {
    return decodeCheckpoint(new Uint8Array(await readFile(file)), path.basename(file));
  }

  /** Apply the budget: thin to the log-spaced set, then drop the oldest while over the byte cap. */
  async thin(): Promise<StoredCheckpoint[]> {
    const all = await this.list();
    const keep = new Set(
      thinnedEpochs(
        all.map((c) => c.epoch),
        this.budget.keepLast ?? 10,
      ),
    );
    let kept = all.filter((c) => keep.has(c.epoch));
    const cap = this.budget.maxBytes;
    while (cap !== undefined && kept.length > 1 && kept.reduce((sum, c) => sum + c.bytes, 0) > cap) kept = kept.slice(1);
    const gone = all.filter((c) => !kept.includes(c));
    await Promise.all(gone.map((c) => rm(c.file, { force: true })));
    return kept;
  }
}
