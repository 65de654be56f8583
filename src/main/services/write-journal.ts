/**
 * The folders the app has written files to (model saves, exports), kept in a small JSON journal under the user-data
 * folder, so that temporary files of interrupted atomic writes are swept in every one of them: at startup and after
 * each save — not only beside the recent models.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { sweepTempFiles } from './models/sweep';
import { parseJsonSafely } from './models/safe-json';

/** Folders kept (newest first); older ones drop out of the journal. */
export const MAX_JOURNAL_FOLDERS = 50;
const schema = z.strictObject({ version: z.literal(1), folders: z.array(z.string().min(1).max(4096)).max(MAX_JOURNAL_FOLDERS) });

export class WriteJournal {
  readonly file: string;
  /** Serialises updates: two saves at once must not lose a folder. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(userDataDir: string, fileName = 'written-folders.json') {
    this.file = path.join(userDataDir, fileName);
  }

  /** The journal's folders (a missing or corrupt journal is empty: it is only a list of places to clean). */
  async folders(): Promise<string[]> {
    try {
      return schema.parse(parseJsonSafely(await readFile(this.file, 'utf8'), 'write journal')).folders;
    } catch {
      return [];
    }
  }

  /** Record that a file was written into `folder`, then sweep that folder's stale temporary files. Returns what was removed. */
  recordAndSweep(folder: string): Promise<string[]> {
    const resolved = path.resolve(folder);
    const update = this.queue.then(async () => {
      const folders = [resolved, ...(await this.folders()).filter((f) => f !== resolved)].slice(0, MAX_JOURNAL_FOLDERS);
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify({ version: 1, folders }));
    });
    this.queue = update.catch(() => undefined);
    return update.then(() => sweepTempFiles(resolved));
  }

  /** Sweep every journalled folder and `extra` ones (the user-data folder itself). Returns the removed paths. */
  async sweepAll(extra: string[] = []): Promise<string[]> {
    const folders = new Set([...(await this.folders()), ...extra.map((f) => path.resolve(f))]);
    const removed = await Promise.all([...folders].map((folder) => sweepTempFiles(folder).catch(() => [] as string[])));
    return removed.flat();
  }
}
