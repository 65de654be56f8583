/** Tests model file I/O: save → open, the .bak of the previous version, refusal before writing, and early size checks. */
import { mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readModelFile, saveModelFile } from '../../../../src/main/services/models/model-file';
import { ModelFileError } from '../../../../src/main/services/models/errors';
import { encodeModel } from '../../../../src/main/services/models/model-codec';
import { makeSnapshot } from '../../../fixtures/models/snapshot';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'models-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('saveModelFile / readModelFile', () => {
  it('saves a file that opens to the same tensors', async () => {
    const path = join(dir, 'm.safetensors');
    const snapshot = makeSnapshot('float64');
    await saveModelFile(path, snapshot);
    const loaded = await readModelFile(path);
    expect(loaded.tensors.map((t) => Array.from(t.data))).toEqual(snapshot.tensors.map((t) => Array.from(t.data)));
    expect(await readdir(dir)).toEqual(['m.safetensors']);
  });

  it('keeps the previous version as <file>.bak', async () => {
    const path = join(dir, 'm.safetensors');
    await saveModelFile(path, makeSnapshot('float32', undefined, 1));
    const first = await readFile(path);
    await saveModelFile(path, makeSnapshot('float32', undefined, 2));
    expect((await readFile(`${path}.bak`)).equals(first)).toBe(true);
    expect((await readFile(path)).equals(first)).toBe(false);
    expect((await readModelFile(`${path}.bak`)).trainingConfig.seed).toBe(1);
  });

  it('refuses non-finite weights without touching the existing file', async () => {
    const path = join(dir, 'm.safetensors');
    await saveModelFile(path, makeSnapshot('float32'));
    const before = await readFile(path);
    const bad = makeSnapshot('float32');
    bad.tensors[0].data[4] = -Infinity;
    await expect(saveModelFile(path, bad)).rejects.toThrow(/tensor "layers.0.W" holds a non-finite value -Infinity at index 4/);
    expect((await readFile(path)).equals(before)).toBe(true);
  });

  it('reports a missing file as a ModelFileError', async () => {
    await expect(readModelFile(join(dir, 'nope.safetensors'))).rejects.toBeInstanceOf(ModelFileError);
  });

  it('refuses a 2 GB file whose small header describes fewer bytes, from the header alone (a sparse file: nothing else is read)', async () => {
    const path = join(dir, 'huge.safetensors');
    const bytes = encodeModel(makeSnapshot('float32'), path);
    await writeFile(path, bytes);
    await truncate(path, 2_000_000_000);
    const error = await readModelFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFileError);
    expect((error as Error).message).toMatch(/^huge\.safetensors: [\d,]+ trailing bytes after the last tensor/);
  });

  it('checks the declared header length from the first 8 bytes', async () => {
    const path = join(dir, 'huge.safetensors');
    const bytes = encodeModel(makeSnapshot('float32'));
    new DataView(bytes.buffer).setBigUint64(0, 1n << 40n, true);
    await writeFile(path, bytes);
    await expect(readModelFile(path)).rejects.toThrow(
      /huge.safetensors: declared header length 1099511627776 bytes exceeds the limit/,
    );
  });
});
