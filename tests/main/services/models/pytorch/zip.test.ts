/** The store-only ZIP writer: Python's zipfile reads every entry back byte for byte with a valid CRC. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipFiles } from '../../../../../src/main/services/models/pytorch/zip';

const PYTHON =
  ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import zipfile'], { encoding: 'utf8' }).status === 0) ?? null;
if (!PYTHON) console.log('skipping the zipfile read-back: no python3 found');

const FILES = [
  { name: 'project/model.py', bytes: new TextEncoder().encode('print("hello")\n') },
  { name: 'project/数据.txt', bytes: new TextEncoder().encode('utf-8 name\n') },
  { name: 'project/weights.bin', bytes: Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) & 0xff) },
  { name: 'project/empty', bytes: new Uint8Array(0) },
];

const READ_BACK = `
import hashlib, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    assert z.testzip() is None
    print(json.dumps([[i.filename, i.compress_type, hashlib.sha256(z.read(i)).hexdigest()] for i in z.infolist()]))
`;

describe('zipFiles', () => {
  it('lays out local headers, a central directory and its end record', () => {
    const zip = zipFiles(FILES);
    const view = new DataView(zip.buffer);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint32(zip.length - 22, true)).toBe(0x06054b50);
    expect(view.getUint16(zip.length - 22 + 10, true)).toBe(FILES.length);
    expect(zipFiles(FILES)).toEqual(zip); // deterministic: no timestamps from the clock
  });

  it.skipIf(PYTHON === null)('is read back by Python zipfile: names (UTF-8), stored method, contents', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zip-'));
    try {
      await writeFile(join(dir, 'p.zip'), zipFiles(FILES));
      const run = spawnSync(PYTHON ?? 'python3', ['-c', READ_BACK, join(dir, 'p.zip')], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const entries = JSON.parse(run.stdout) as [string, number, string][];
      const { createHash } = await import('node:crypto');
      expect(entries).toEqual(FILES.map((f) => [f.name, 0, createHash('sha256').update(f.bytes).digest('hex')]));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
