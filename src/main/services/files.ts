/**
 * The file registry: the renderer never names a path on disk. A host registers a file the user chose
 * (Electron's open dialog, or an upload to the web host) and the renderer refers to it by an opaque id.
 */
import { randomUUID } from 'node:crypto';
import { stat, mkdir, mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RegisteredFile {
  fileId: string;
  name: string;
  size: number;
  path: string;
  /** Set for uploads: the file is ours and is deleted on dispose. */
  temporary: boolean;
}

export class FileRegistry {
  private readonly files = new Map<string, RegisteredFile>();
  private uploadDir: string | null = null;

  /** Register a file the user chose on disk. */
  async registerPath(filePath: string): Promise<RegisteredFile> {
    const info = await stat(filePath);
    if (!info.isFile()) throw new Error(`${filePath} is not a file`);
    return this.add({ name: path.basename(filePath), size: info.size, path: filePath, temporary: false });
  }

  /** Store uploaded bytes in a private temporary folder and register them. */
  async registerBytes(name: string, bytes: Uint8Array): Promise<RegisteredFile> {
    this.uploadDir ??= await mkdtemp(path.join(tmpdir(), 'backprop-uploads-'));
    const safeName = path.basename(name).replace(/[^\w.-]+/g, '_').slice(0, 120) || 'upload';
    // One folder per upload keeps the user's file name (datasets are named after their file).
    const folder = path.join(this.uploadDir, randomUUID());
    await mkdir(folder, { mode: 0o700 });
    const filePath = path.join(folder, safeName);
    await writeFile(filePath, bytes, { mode: 0o600 });
    return this.add({ name: path.basename(name), size: bytes.byteLength, path: filePath, temporary: true });
  }

  /** The file behind an id; throws a clear error for an unknown id. */
  get(fileId: string): RegisteredFile {
    const file = this.files.get(fileId);
    if (!file) throw new Error(`unknown file id ${fileId}: open the file again`);
    return file;
  }

  async dispose(): Promise<void> {
    if (this.uploadDir) await rm(this.uploadDir, { recursive: true, force: true });
    this.files.clear();
  }

  private add(file: Omit<RegisteredFile, 'fileId'>): RegisteredFile {
    const registered = { ...file, fileId: randomUUID() };
    this.files.set(registered.fileId, registered);
    return registered;
  }
}
