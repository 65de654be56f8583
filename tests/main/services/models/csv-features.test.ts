/** Tests readCsvFeatures: columns found by name in any order, label column ignored, bad cells named by line and column. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCsvFeatures } from '../../../../src/main/services/models/csv-features';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csvf-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function csv(text: string): Promise<string> {
  const path = join(dir, 'data.csv');
  await writeFile(path, text);
  return path;
}

describe('readCsvFeatures', () => {
  it('reads the model features by name, in the model order, ignoring other columns', async () => {
    const path = await csv('species,b,a\nsetosa,2,1\nvirginica,4.5,-3\n\n');
    const { x, rows } = await readCsvFeatures(path, ['a', 'b']);
    expect(rows).toBe(2);
    expect(Array.from(x)).toEqual([1, 2, -3, 4.5]);
  });

  it('names a missing feature column', async () => {
    await expect(readCsvFeatures(await csv('a,c\n1,2\n'), ['a', 'b'])).rejects.toThrow(/needs feature column\(s\) "b"/);
  });

  it('names the line and column of a bad cell', async () => {
    await expect(readCsvFeatures(await csv('a,b\n1,2\n3,12abc\n'), ['a', 'b'])).rejects.toThrow(/line 3, column "b": "12abc"/);
  });
});
