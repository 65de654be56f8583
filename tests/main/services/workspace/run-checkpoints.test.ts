import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../../../src/main/services/workspace/service';
import { RUNS_FOLDER } from '../../../../src/main/services/workspace/run-models';
import { makeCheckpoint } from '../checkpoints/fixtures';
import { EDITOR, FakeRuns, scratchDir } from './fixtures';

const dirs: string[] = [];
const services: WorkspaceService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.dispose()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function launch(userDataDir: string, checkpointCapBytes?: number) {
  const runs = new FakeRuns();
  const service = new WorkspaceService({
    userDataDir,
    runs,
    checkpointCapBytes,
    debounceMs: 10,
    maxWaitMs: 50,
    report: () => undefined,
  });
  services.push(service);
  return { service, runs };
}

/** Keep checkpoints after epochs 1…`epochs` of `runId`, each written before the next arrives. */
async function checkpoint(service: WorkspaceService, runs: FakeRuns, runId: string, epochs: number): Promise<void> {
  const c = makeCheckpoint('float32');
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const point = { ...c.point, trainer: { ...c.point.trainer, epoch } };
    service.keepCheckpoint(
      { id: runId, summary: runs.list().find((r) => r.id === runId) ?? runs.list()[0], snapshot: c.model },
      point,
    );
    await service.usage(); // waits for the writes under way
  }
}

describe('WorkspaceService checkpoints', () => {
  it("keeps each run's checkpoints in its folder, counts them in its disk use, and deletes them with the run", async () => {
    const userData = scratchDir();
    dirs.push(userData);
    const { service, runs } = launch(userData);
    await service.load();
    runs.add('run-1', 'running');
    await checkpoint(service, runs, 'run-1', 20);
    const usage = await service.usage();
    const folder = path.join(userData, RUNS_FOLDER, 'run-1');
    expect(readdirSync(folder)).toHaveLength(14); // the last ten (11…20), then the powers of two 1, 2, 4, 8
    expect(usage.runs['run-1']).toBeGreaterThan(0);
    await service.dispose();

    const next = launch(userData);
    const load = await next.service.load();
    expect(load.disk.runs['run-1']).toBe(usage.runs['run-1']);
    next.runs.remove('run-1');
    await next.service.flush();
    expect(existsSync(folder)).toBe(false);
  });

  it('writes only the newest waiting checkpoint of a run when the disk falls behind', async () => {
    const userData = scratchDir();
    dirs.push(userData);
    const { service, runs } = launch(userData);
    await service.load();
    runs.add('run-1', 'running');
    const c = makeCheckpoint('float32');
    for (let epoch = 1; epoch <= 5; epoch++) {
      service.keepCheckpoint(
        { id: 'run-1', summary: runs.list()[0], snapshot: c.model },
        { ...c.point, trainer: { ...c.point.trainer, epoch } },
      );
    }
    await service.usage();
    expect(readdirSync(path.join(userData, RUNS_FOLDER, 'run-1'))).toEqual(['epoch-0005.safetensors']);
  });

  it('removes checkpoint folders of runs the saved workspace no longer has, at launch (never without a readable workspace)', async () => {
    const userData = scratchDir();
    dirs.push(userData);
    mkdirSync(path.join(userData, RUNS_FOLDER, 'run-78'), { recursive: true });
    const first = launch(userData).service;
    await first.save(EDITOR); // no workspace file yet: nothing is removed; now one is written
    await first.dispose();
    expect(existsSync(path.join(userData, RUNS_FOLDER, 'run-78'))).toBe(true);
    mkdirSync(path.join(userData, RUNS_FOLDER, 'run-77'), { recursive: true });
    await launch(userData).service.load();
    expect(readdirSync(path.join(userData, RUNS_FOLDER))).toEqual([]);
  });

  it("keeps all runs' checkpoints under the cap, dropping the oldest run's first, never the run being written", async () => {
    const userData = scratchDir();
    dirs.push(userData);
    const { service, runs } = launch(userData, 1); // one byte: only the run being written keeps any
    await service.load();
    runs.add('run-1', 'done');
    runs.add('run-2', 'running');
    await checkpoint(service, runs, 'run-1', 2);
    await checkpoint(service, runs, 'run-2', 2);
    await service.flush();
    expect(Object.keys((await service.usage()).runs)).toEqual(['run-2']);
    expect(readdirSync(path.join(userData, RUNS_FOLDER))).toEqual(['run-2']);
  });
});
