/** Reads a model file with its size checked before reading, and saves one atomically keeping the previous version as .bak. */
import { open, copyFile, link, rename, rm, stat } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import type { ModelSnapshot } from '../../../shared/model';
import { ModelFileError } from './errors';
import { MAX_MODEL_BYTES, decodeModel, encodeModel } from './model-codec';
import { parseSafetensorsHeader, readHeaderLength } from './safetensors/decode';
import { SafetensorsError } from './safetensors/types';

const reason = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Open and validate a model file. The file size (≤ 2 GiB) and the declared header length (≤ 16 MiB, inside the file)
 * are checked from its first 8 bytes, then the header is read alone and its tensors' layout checked against the file
 * size, before any tensor byte is read (a huge file with a small header costs only its header). Every failure is a
 * ModelFileError.
 */
export async function readModelFile(path: string): Promise<ModelSnapshot> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw new ModelFileError(path, `cannot open the file: ${reason(err)}`, 'cannot-open');
  }
  try {
    const { size } = await handle.stat();
    if (size > MAX_MODEL_BYTES)
      throw new ModelFileError(path, `file is ${size} bytes, over the ${MAX_MODEL_BYTES}-byte limit`, 'too-large');
    const head = new Uint8Array(Math.min(8, size));
    await handle.read(head, 0, head.length, 0);
    try {
      const headerLength = readHeaderLength(head, size);
      const header = new Uint8Array(headerLength);
      await handle.read(header, 0, headerLength, 8);
      parseSafetensorsHeader(header, size - 8 - headerLength);
    } catch (err) {
      if (err instanceof SafetensorsError) throw new ModelFileError(path, err.message, err.reason);
      throw err;
    }
    const bytes = new Uint8Array(size);
    const { bytesRead } = await handle.read(bytes, 0, size, 0);
    if (bytesRead !== size)
      throw new ModelFileError(
        path,
        `read ${bytesRead} of ${size} bytes (the file changed while reading?)`,
        'changed-while-reading',
      );
    return decodeModel(bytes, path);
  } catch (err) {
    if (err instanceof ModelFileError || typeof (err as NodeJS.ErrnoException).code !== 'string') throw err;
    throw new ModelFileError(path, `cannot read the file: ${reason(err)}`, 'cannot-read');
  } finally {
    await handle.close();
  }
}

/**
 * Validate and encode `snapshot` (refusing non-finite weights, naming tensor and index), copy an existing file to
 * `<path>.bak`, then write atomically (temp file + fsync + rename): a crash leaves either the old or the new file.
 */
export async function saveModelFile(path: string, snapshot: ModelSnapshot): Promise<void> {
  const bytes = encodeModel(snapshot, path);
  const existing = await stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
  try {
    if (existing) {
      // A hard link keeps the old contents at no cost: the atomic write renames a new inode over `path`.
      const bakTemp = `${path}.bak.tmp`;
      await rm(bakTemp, { force: true });
      await link(path, bakTemp).catch(() => copyFile(path, bakTemp));
      await rename(bakTemp, `${path}.bak`);
    }
    await writeFileAtomic(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (err) {
    throw new ModelFileError(path, `cannot save the file: ${reason(err)}`, 'cannot-save');
  }
}
