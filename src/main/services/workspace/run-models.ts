/**
 * The model files of runs, in <userData>/runs/<run id>.safetensors: written atomically when a run ends (the model
 * file format of docs/model-format.md, so Save/Export/Predict work on restored runs), read back and validated at launch.
 */
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { ModelSnapshot } from '../../../shared/model';
import { decodeModel, encodeModel, MAX_MODEL_BYTES } from '../models/model-codec';
import { asidePath } from './workspace-file';

export const RUNS_FOLDER = 'runs';

/** The file name of a run's model: its id with anything but letters, digits, _ and - replaced. */
export const modelFileOf = (runId: string): string => `${runId.replace(/[^\w-]/g, '_').slice(0, 120)}.safetensors`;

export class RunModels {
  readonly dir: string;

  constructor(userDataDir: string) {
    this.dir = path.join(userDataDir, RUNS_FOLDER);
  }

  /** Write the snapshot as the run's model file (temp file, fsync, rename); returns the file name and its size. */
  async write(runId: string, snapshot: ModelSnapshot): Promise<{ file: string; bytes: number }> {
    const file = modelFileOf(runId);
    const bytes = encodeModel(snapshot, file);
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(path.join(this.dir, file), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      mode: 0o600,
    });
    return { file, bytes: bytes.byteLength };
  }

  /** Read and validate a model file; one that fails is moved aside (never deleted) and the problem thrown. */
  async read(file: string): Promise<{ snapshot: ModelSnapshot; bytes: number }> {
    const full = path.join(this.dir, file);
    const info = await stat(full);
    if (info.size > MAX_MODEL_BYTES) throw new Error(`${file} is ${info.size} bytes, over the ${MAX_MODEL_BYTES}-byte limit`);
    const bytes = new Uint8Array(await readFile(full));
    try {
      return { snapshot: decodeModel(bytes, file), bytes: bytes.byteLength };
    } catch (error) {
      await rename(full, asidePath(full, new Date())).catch(() => undefined);
      throw error;
    }
  }

  async remove(file: string): Promise<void> {
    await rm(path.join(this.dir, file), { force: true });
  }

  /**
   * Delete what a crash can leave in the folder: model files no stored run names (a run that ended after the last
   * autosave) and write-file-atomic temp files (`<name>.safetensors.<digits>`). Corrupt files moved aside stay.
   */
  async sweep(keep: ReadonlySet<string>): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const stale = names.filter((n) => (n.endsWith('.safetensors') && !keep.has(n)) || /\.safetensors\.\d+$/.test(n));
    await Promise.all(stale.map((n) => rm(path.join(this.dir, n), { force: true })));
    return stale;
  }
}
