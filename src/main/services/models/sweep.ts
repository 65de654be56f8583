/** Removes temporary files an interrupted atomic write (write-file-atomic: `<file>.<uint32>`) left behind. */
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Only names we write atomically: model files, their backups, JSON state, exports. */
const TEMP_NAME = /\.(safetensors|bak|json|onnx|py|csv|tmp)\.\d{1,10}$/i;

/**
 * Delete `<name>.<digits>` temp files in `dir` (not recursive) last modified more than `maxAgeMs` ago (default 1 minute),
 * so a write in progress is never touched. Returns the removed paths; a missing dir is not an error.
 */
export async function sweepTempFiles(dir: string, maxAgeMs = 60_000, now = Date.now()): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!TEMP_NAME.test(name) && !name.endsWith('.bak.tmp')) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs <= maxAgeMs) continue;
    await unlink(path).then(
      () => removed.push(path),
      () => undefined,
    );
  }
  return removed;
}
