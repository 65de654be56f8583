import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { FileRegistry, UploadTooLargeError, safeFileName, sweepStaleUploads } from '../../../src/main/services/files';

const root = mkdtempSync(path.join(tmpdir(), 'files-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `count` chunks of `size` bytes, produced on demand (never all in memory). */
const chunks = (count: number, size: number) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < count; i++) yield Buffer.alloc(size, 65 + (i % 26));
    })(),
  );

describe('FileRegistry uploads', () => {
  it('streams an upload to its own file and registers it by id, deleting it when released', async () => {
    const files = new FileRegistry(root);
    const file = await files.registerStream('data.csv', chunks(64, 64 * 1024), 10 * 1024 ** 2);
    expect(file).toMatchObject({ name: 'data.csv', size: 4 * 1024 ** 2, temporary: true });
    expect(readFileSync(file.path).length).toBe(4 * 1024 ** 2);
    await files.release(file.fileId);
    expect(existsSync(file.path)).toBe(false);
    expect(() => files.get(file.fileId)).toThrow(/unknown file id/);
    await files.dispose();
  });

  it('stops an upload over its cap, deletes the partial file and names the limit', async () => {
    const files = new FileRegistry(root);
    const error = await files.registerStream('big.csv', chunks(100, 64 * 1024), 1024 ** 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadTooLargeError);
    expect((error as Error).message).toBe('the upload is larger than the 1,048,576-byte limit');
    const dir = readdirSync(root).find((d) => d.startsWith(`backprop-uploads-${process.pid}-`)) as string;
    expect(readdirSync(path.join(root, dir))).toEqual([]);
    await files.dispose();
  });

  it.each([
    ['..', 'upload'],
    ['.', 'upload'],
    ['../../etc/passwd', 'passwd'],
    ['a b\\c.csv', 'c.csv'],
    ['x'.repeat(300), 'x'.repeat(120)],
  ])('stores an upload named %j as a plain file name (%s)', (name, expected) => expect(safeFileName(name)).toBe(expected));

  it('stores an upload named ".." as a file inside its folder (no EISDIR, no path in the error)', async () => {
    const files = new FileRegistry(root);
    const file = await files.registerBytes('..', new Uint8Array([49, 10]));
    expect(path.basename(file.path)).toBe('upload');
    await files.dispose();
  });
});

describe('sweepStaleUploads', () => {
  it('deletes the upload folders of processes that are gone, and keeps those of running processes', async () => {
    const sweepRoot = mkdtempSync(path.join(root, 'sweep-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    for (const [pid, tag] of [
      [dead, 'dead'],
      [String(process.pid), 'self'],
      [String(process.ppid), 'parent'],
    ]) {
      mkdirSync(path.join(sweepRoot, `backprop-uploads-${pid}-${tag}`, 'x'), { recursive: true });
      writeFileSync(path.join(sweepRoot, `backprop-uploads-${pid}-${tag}`, 'x', 'data.csv'), '1,2\n');
    }
    writeFileSync(path.join(sweepRoot, 'unrelated.txt'), 'keep');
    expect(await sweepStaleUploads(sweepRoot)).toEqual([`backprop-uploads-${dead}-dead`]);
    expect(readdirSync(sweepRoot).sort()).toEqual(
      [`backprop-uploads-${process.pid}-self`, `backprop-uploads-${process.ppid}-parent`, 'unrelated.txt'].sort(),
    );
  });
});
