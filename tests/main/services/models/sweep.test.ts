/** Tests sweepTempFiles: old write-file-atomic leftovers go, fresh ones and ordinary files stay. */
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepTempFiles } from '../../../../src/main/services/models/sweep';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sweep-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sweepTempFiles', () => {
  it('removes temp files older than a minute and keeps fresh temps and real files', async () => {
    const old = Date.now() / 1000 - 3600;
    for (const name of [
      'm.safetensors.123456',
      'recent-models.json.42',
      'm.safetensors',
      'notes.txt.123',
      'fresh.safetensors.99',
    ]) {
      await writeFile(join(dir, name), 'x');
      if (name !== 'fresh.safetensors.99') await utimes(join(dir, name), old, old);
    }
    const removed = await sweepTempFiles(dir);
    expect(removed.sort()).toEqual([join(dir, 'm.safetensors.123456'), join(dir, 'recent-models.json.42')]);
    expect((await readdir(dir)).sort()).toEqual(['fresh.safetensors.99', 'm.safetensors', 'notes.txt.123']);
  });

  it('treats a missing folder as nothing to sweep', async () => {
    expect(await sweepTempFiles(join(dir, 'absent'))).toEqual([]);
  });
});
