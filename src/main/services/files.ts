/**
 * The file registry: the renderer never names a path on disk. A host registers a file the user chose
 * (Electron's open dialog, or an upload to the web host) and the renderer refers to it by an opaque id.
 * Uploads stream to a private temporary folder (one per process, named with its pid so that a later start
 * can sweep the folders of processes that crashed) and are deleted when released or on dispose.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { stat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/errors';

export interface RegisteredFile {
  fileId: string;
  name: string;
  size: number;
  path: string;
  /** Set for uploads: the file is ours and is deleted when released or on dispose. */
  temporary: boolean;
}

/** Upload folders are `<tmp>/backprop-uploads-<pid>-<random>`. */
export const UPLOAD_DIR_PREFIX = 'backprop-uploads-';

/** Thrown for an upload over its cap (the partial file is already deleted). */
export class UploadTooLargeError extends AppError {
  override name = 'UploadTooLargeError';
  constructor(readonly limit: number) {
    super('upload-too-large', `the upload is larger than the ${limit.toLocaleString('en')}-byte limit`, {
      limit: `${limit.toLocaleString('en')} bytes`,
    });
  }
}

/** A file name that is safe as the last part of a path: no separators, no "." or "..", at most 120 characters. */
export function safeFileName(name: string): string {
  const cleaned = path
    .basename(name.replaceAll('\\', '/'))
    .replace(/[^\w.-]+/g, '_')
    .slice(0, 120);
  return /^\.*$/.test(cleaned) ? 'upload' : cleaned;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Delete the upload folders that processes which are no longer running left in `dir` (after a crash or a kill).
 * Returns the folders removed. Folders of running processes (another window, another host) are kept.
 */
export async function sweepStaleUploads(dir = tmpdir()): Promise<string[]> {
  const entries = await readdir(dir).catch(() => []);
  const stale = entries.filter((entry) => {
    const pid = Number(/^backprop-uploads-(\d+)-/.exec(entry)?.[1] ?? NaN);
    return Number.isInteger(pid) && pid !== process.pid && !isAlive(pid);
  });
  await Promise.all(stale.map((entry) => rm(path.join(dir, entry), { recursive: true, force: true })));
  return stale;
}

export class FileRegistry {
  private readonly files = new Map<string, RegisteredFile>();
  private uploadDir: Promise<string> | null = null;

  /** @param tempRoot where upload folders are made (default: the OS temp folder) */
  constructor(private readonly tempRoot = tmpdir()) {}

  /** Register a file the user chose on disk. */
  async registerPath(filePath: string): Promise<RegisteredFile> {
    const info = await stat(filePath);
    if (!info.isFile()) throw new Error(`${path.basename(filePath)} is not a file`);
    return this.add({ name: path.basename(filePath), size: info.size, path: filePath, temporary: false });
  }

  /** Store uploaded bytes in the private temporary folder and register them. */
  registerBytes(name: string, bytes: Uint8Array): Promise<RegisteredFile> {
    return this.registerStream(name, Readable.from([bytes]), Infinity);
  }

  /**
   * Stream an upload to the private temporary folder (never held in memory whole) and register it.
   * Over `maxBytes` the copy stops, the partial file is deleted and UploadTooLargeError is thrown.
   */
  async registerStream(name: string, body: AsyncIterable<Uint8Array> | Readable, maxBytes: number): Promise<RegisteredFile> {
    this.uploadDir ??= mkdtemp(path.join(this.tempRoot, `${UPLOAD_DIR_PREFIX}${process.pid}-`));
    // One folder per upload keeps the user's file name (datasets are named after their file).
    const folder = path.join(await this.uploadDir, randomUUID());
    await mkdir(folder, { mode: 0o700 });
    const filePath = path.join(folder, safeFileName(name));
    let size = 0;
    const cap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > maxBytes ? new UploadTooLargeError(maxBytes) : null, chunk);
      },
    });
    try {
      await pipeline(body, cap, createWriteStream(filePath, { mode: 0o600, flags: 'wx' }));
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
    return this.add({ name: path.basename(name.replaceAll('\\', '/')) || 'upload', size, path: filePath, temporary: true });
  }

  /** The file behind an id; throws a clear error for an unknown id. */
  get(fileId: string): RegisteredFile {
    const file = this.files.get(fileId);
    if (!file) throw new Error(`unknown file id ${fileId}: open the file again`);
    return file;
  }

  /** Forget a file; an upload is deleted from disk. Unknown ids are ignored. */
  async release(fileId: string): Promise<void> {
    const file = this.files.get(fileId);
    if (!file) return;
    this.files.delete(fileId);
    if (file.temporary) await rm(path.dirname(file.path), { recursive: true, force: true });
  }

  /** True for a file we stored ourselves (an upload), which is deleted on dispose. */
  isTemporary(filePath: string): boolean {
    return [...this.files.values()].some((f) => f.temporary && f.path === filePath);
  }

  async dispose(): Promise<void> {
    if (this.uploadDir) await rm(await this.uploadDir, { recursive: true, force: true });
    this.files.clear();
  }

  private add(file: Omit<RegisteredFile, 'fileId'>): RegisteredFile {
    const registered = { ...file, fileId: randomUUID() };
    this.files.set(registered.fileId, registered);
    return registered;
  }
}
