import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckpointStore, checkpointFileName, thinnedEpochs } from '../../../../src/main/services/checkpoints/checkpoint-store';
import { makeCheckpoint } from './fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const scratch = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'checkpoints-'));
  dirs.push(d);
  return path.join(d, 'run');
};

describe('CheckpointStore', () => {
  it('thins to every one of the last N, then log-spaced (powers of two)', () => {
    const epochs = Array.from({ length: 40 }, (_, i) => i + 1);
    expect(thinnedEpochs(epochs, 10)).toEqual([1, 2, 4, 8, 16, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40]);
    expect(thinnedEpochs([3, 5, 6], 10)).toEqual([3, 5, 6]);
  });

  it('names files by epoch, writes them atomically, reads back the newest, and keeps the folder within the budget', async () => {
    const dir = scratch();
    const store = new CheckpointStore(dir, { keepLast: 3 });
    const checkpoint = makeCheckpoint('float32');
    for (let epoch = 1; epoch <= 9; epoch++) {
      checkpoint.point.trainer.epoch = epoch;
      await store.write(checkpoint);
    }
    expect(readdirSync(dir).sort()).toEqual([1, 2, 4, 7, 8, 9].map(checkpointFileName));
    expect(checkpointFileName(10)).toBe('epoch-0010.safetensors');
    const latest = await store.latest();
    expect(latest?.epoch).toBe(9);
    expect((await store.read(latest?.file ?? '')).point.trainer.epoch).toBe(9);
  });

  it('drops the oldest checkpoints over the byte cap, never the newest', async () => {
    const dir = scratch();
    const checkpoint = makeCheckpoint('float64');
    const one = (await new CheckpointStore(dir).write(checkpoint))[0].bytes;
    const store = new CheckpointStore(dir, { maxBytes: 2.5 * one });
    for (let epoch = 1; epoch <= 5; epoch++) {
      checkpoint.point.trainer.epoch = epoch;
      await store.write(checkpoint);
    }
    expect((await store.list()).map((c) => c.epoch)).toEqual([4, 5]);
    const tiny = new CheckpointStore(dir, { maxBytes: 1 });
    expect((await tiny.thin()).map((c) => c.epoch)).toEqual([5]);
  });

  it('ignores files that are not checkpoints', async () => {
    const dir = scratch();
    const store = new CheckpointStore(dir);
    await store.write(makeCheckpoint('float32'));
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    writeFileSync(path.join(dir, 'epoch-12.safetensors'), 'x'); // fewer than 4 digits: not ours
    expect((await store.list()).map((c) => path.basename(c.file))).toEqual(['epoch-0000.safetensors']);
  });
});
