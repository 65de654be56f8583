/** The recently opened model files: up to 10 paths, newest first, kept in a JSON file written atomically. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { parseJsonSafely } from './safe-json';

export const MAX_RECENT = 10;
const schema = z.strictObject({ version: z.literal(1), paths: z.array(z.string().min(1).max(4096)).max(100) });

export class RecentFiles {
  readonly file: string;
  /** Why the stored list was ignored on the last read (corrupt or unreadable), or null. */
  problem: string | null = null;

  constructor(dir: string, fileName = 'recent-models.json') {
    this.file = join(dir, fileName);
  }

  /** The stored paths, newest first; a missing file is an empty list, a corrupt one is ignored and reported in `problem`. */
  async list(): Promise<string[]> {
    this.problem = null;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.problem = `cannot read ${this.file}: ${(err as Error).message}`;
      return [];
    }
    try {
      const parsed = schema.safeParse(parseJsonSafely(text, this.file));
      if (parsed.success) return parsed.data.paths.slice(0, MAX_RECENT);
      this.problem = `${this.file} is not a recent-files list (${parsed.error.issues[0].message}); it was ignored`;
    } catch (err) {
      this.problem = `${(err as Error).message}; it was ignored`;
    }
    return [];
  }

  /** Put `path` first (removing an older entry of it), keep at most 10, save atomically; returns the new list. */
  async add(path: string): Promise<string[]> {
    const paths = [path, ...(await this.list()).filter((p) => p !== path)].slice(0, MAX_RECENT);
    await this.write(paths);
    return paths;
  }

  /** Drop `path` (e.g. a file that no longer opens); returns the new list. */
  async remove(path: string): Promise<string[]> {
    const paths = (await this.list()).filter((p) => p !== path);
    await this.write(paths);
    return paths;
  }

  private async write(paths: string[]): Promise<void> {
    await writeFileAtomic(this.file, `${JSON.stringify({ version: 1, paths }, null, 2)}\n`);
  }
}
