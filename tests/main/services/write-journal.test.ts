import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WriteJournal } from '../../../src/main/services/write-journal';
import { ModelService } from '../../../src/main/services/models/service';
import { makeSnapshot } from '../../fixtures/models/snapshot';

const root = mkdtempSync(path.join(tmpdir(), 'journal-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A temp file as an interrupted write-file-atomic save leaves it, dated two minutes ago (older than the sweep's one-minute guard). */
function leftover(folder: string, name: string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, name), 'partial');
  const old = new Date(Date.now() - 120_000);
  utimesSync(path.join(folder, name), old, old);
}

describe('WriteJournal', () => {
  it('records every folder a model is saved to and sweeps its interrupted-save temp files after each save', async () => {
    const journal = new WriteJournal(path.join(root, 'userData'));
    const models = new ModelService(journal);
    const folder = path.join(root, 'exports');
    leftover(folder, 'model.safetensors.123456');
    await models.save(path.join(folder, 'model.safetensors'), makeSnapshot('float32'));
    expect(readdirSync(folder)).toEqual(['model.safetensors']);
    expect(await journal.folders()).toEqual([folder]);
  });

  it('sweeps every journalled folder at startup (after a crash), keeping a write in progress and unrelated files', async () => {
    const journal = new WriteJournal(path.join(root, 'userData2'));
    const a = path.join(root, 'a');
    const b = path.join(root, 'b');
    mkdirSync(a, { recursive: true });
    mkdirSync(b, { recursive: true });
    await journal.recordAndSweep(a);
    await journal.recordAndSweep(b);
    leftover(a, 'net.safetensors.42');
    leftover(b, 'net.safetensors.bak.tmp');
    writeFileSync(path.join(b, 'net.safetensors.7'), 'being written now');
    writeFileSync(path.join(b, 'notes.txt'), 'mine');
    const removed = await new WriteJournal(path.join(root, 'userData2')).sweepAll();
    expect(removed.sort()).toEqual([path.join(a, 'net.safetensors.42'), path.join(b, 'net.safetensors.bak.tmp')]);
    expect(readdirSync(b).sort()).toEqual(['net.safetensors.7', 'notes.txt']);
    expect(await journal.folders()).toEqual([b, a]);
  });

  it('treats a corrupt journal as empty', async () => {
    const dir = path.join(root, 'userData3');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'written-folders.json'), '{"version":1,"folders":[1]}');
    expect(await new WriteJournal(dir).folders()).toEqual([]);
  });
});
