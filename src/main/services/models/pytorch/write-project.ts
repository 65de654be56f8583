/** Writes an exported project's files into a folder (created if needed), each file atomically. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { ProjectFile } from './export';

/** Write every file of `files` under `dir`; refuses names that would leave the folder. */
export async function writeProject(dir: string, files: readonly ProjectFile[]): Promise<void> {
  const bad = files.find((f) => !/^[\w.-]+$/.test(f.name) || f.name.startsWith('.'));
  if (bad) throw new Error(`writeProject: file name ${JSON.stringify(bad.name)} is not a plain file name`);
  await mkdir(dir, { recursive: true });
  for (const f of files) {
    await writeFileAtomic(join(dir, f.name), Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength));
  }
}
