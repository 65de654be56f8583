/** Tests RecentFiles: newest first, de-duplicated, capped at 10, corrupt storage ignored and reported. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecentFiles } from '../../../../src/main/services/models/recent-files';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recent-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('RecentFiles', () => {
  it('keeps the newest path first without duplicates, at most 10, across instances', async () => {
    const recent = new RecentFiles(dir);
    for (let i = 0; i < 12; i++) await recent.add(`/m/${i}.safetensors`);
    await recent.add('/m/5.safetensors');
    const list = await new RecentFiles(dir).list();
    expect(list).toHaveLength(10);
    expect(list[0]).toBe('/m/5.safetensors');
    expect(list[1]).toBe('/m/11.safetensors');
    expect(list.filter((p) => p === '/m/5.safetensors')).toHaveLength(1);
    expect(list).not.toContain('/m/1.safetensors');
  });

  it('removes a path', async () => {
    const recent = new RecentFiles(dir);
    await recent.add('/a');
    await recent.add('/b');
    expect(await recent.remove('/a')).toEqual(['/b']);
  });

  it('ignores a corrupt file and reports why', async () => {
    await writeFile(join(dir, 'recent-models.json'), '{"version":1,"paths":[1,');
    const recent = new RecentFiles(dir);
    expect(await recent.list()).toEqual([]);
    expect(recent.problem).toMatch(/recent-models.json is not valid JSON.*ignored/);
    await writeFile(join(dir, 'recent-models.json'), '{"__proto__":{"x":1}}');
    expect(await recent.list()).toEqual([]);
    expect(recent.problem).toMatch(/key "__proto__" is not allowed/);
    expect(await recent.add('/c')).toEqual(['/c']);
  });
});
