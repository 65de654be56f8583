import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../../../src/main/services/workspace/service';
import { DatasetService } from '../../../../src/main/services/datasets/service';
import { CheckpointStore } from '../../../../src/main/services/checkpoints/checkpoint-store';
import { RUNS_FOLDER } from '../../../../src/main/services/workspace/run-models';
import { NO_BUILD, WORKER_PATH } from '../../engine/fixtures';
import { bundleChild, runAndKill } from './kill-child';
import { FakeRuns } from './fixtures';
import { createAppServices } from '../../../../src/main/services/app';

const KILLS = 20;
const scratch = mkdtempSync(path.join(tmpdir(), 'kill-training-'));
const child = path.join(scratch, 'child.cjs');
const userData = path.join(scratch, 'userData');
const bundleDir = path.dirname(WORKER_PATH);
const resourcesDir = path.resolve(import.meta.dirname, '../../../../resources');

/** Every file under `dir` (relative paths). */
const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' });

beforeAll(() => bundleChild(path.join(import.meta.dirname, 'training-child.ts'), child));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(NO_BUILD)('the app under SIGKILL while training and autosaving', () => {
  it(`restarts into an intact workspace after each of ${KILLS} kills: finished runs with their models, interrupted runs resumable, no temp file`, async () => {
    const figures: string[] = [];
    let tempFilesSeen = 0;
    let doneBefore = 0;
    for (let k = 0; k < KILLS; k++) {
      const delay = Math.random() * 5000; // from the first instant of the long run to past its first autosaves (≤ 3 s behind)
      await runAndKill(child, [userData, bundleDir, resourcesDir], delay);
      tempFilesSeen += filesUnder(userData).filter((f) => /\.\d+$/.test(f)).length;

      const runs = new FakeRuns();
      const service = new WorkspaceService({
        userDataDir: userData,
        runs,
        datasets: new DatasetService({ inThread: true }),
        report: () => undefined,
      });
      const load = await service.load();
      expect(load.recovery, `kill ${k}`).toEqual([]);
      // A kill before the first autosave leaves no workspace yet; after one, the dataset is always restored.
      if (load.savedAt !== null) expect(load.dataset?.name ?? 'none', `kill ${k}`).toMatch(/spiral/);
      const done = load.runs.filter((r) => r.status === 'done');
      // Nothing saved is ever lost: the finished runs only grow (a kill may come before the newest one's autosave).
      expect(done.length, `kill ${k}`).toBeGreaterThanOrEqual(doneBefore);
      doneBefore = done.length;
      for (const run of done) expect(runs.snapshot(run.id).tensors.length, `model of ${run.id}`).toBe(4);
      const interrupted = load.runs.filter((r) => r.status === 'interrupted');
      for (const run of interrupted) {
        const store = new CheckpointStore(path.join(userData, RUNS_FOLDER, run.id));
        const latest = await store.latest();
        if (latest) expect((await store.read(latest.file)).point.trainer.epoch, `checkpoint of ${run.id}`).toBeGreaterThan(0);
      }
      const leftovers = filesUnder(userData).filter((f) => /\.\d+$/.test(f) || f.includes('.corrupt-'));
      expect(leftovers, `kill ${k}`).toEqual([]);
      const resumable = (
        await Promise.all(interrupted.map((r) => new CheckpointStore(path.join(userData, RUNS_FOLDER, r.id)).latest()))
      ).filter(Boolean).length;
      figures.push(`${delay.toFixed(0)}ms:${done.length}d/${interrupted.length}i/${resumable}r`);
      await service.dispose();
    }
    expect(doneBefore, 'no kill came after an autosave of a finished run').toBeGreaterThan(0);
    console.log(
      `kill delay: done runs / interrupted runs / interrupted with a checkpoint, after each kill: ${figures.join(' ')}; temp files found after kills (swept at restart): ${tempFilesSeen}`,
    );
  }, 600_000);

  it('then resumes the last interrupted run from its last checkpoint, under its id and with its curves up to there', async () => {
    const services = createAppServices({ bundleDir, resourcesDir, userDataDir: userData });
    try {
      const load = await services.workspace.load();
      const interrupted = load.runs.filter((r) => r.status === 'interrupted');
      let chosen: { id: string; epochs: number } | null = null;
      for (const run of interrupted.reverse()) {
        const epochs = await services.branching.checkpoints(run.id);
        if (epochs.length > 0) {
          chosen = { id: run.id, epochs: epochs.at(-1) as number };
          break;
        }
      }
      if (!chosen) throw new Error('no interrupted run kept a checkpoint');
      const { id, epochs } = chosen;
      const running = new Promise<void>((resolve) =>
        services.runs.onEvent((e) => {
          if (e.type === 'progress' && e.runId === id && e.epochs.length > 0) resolve();
        }),
      );
      const resumed = await services.branching.continue(id);
      expect(resumed.id).toBe(id);
      await running;
      // Its saved curves (the autosave runs up to 3 s behind the checkpoints: tiny epochs may leave a gap), then the
      // epochs trained since the checkpoint after `epochs` epochs.
      const seen = services.runs.curves(id).epochs.map((e) => e.epoch);
      expect(seen[0]).toBe(0);
      expect(seen.every((e, i) => i === 0 || e > seen[i - 1])).toBe(true);
      expect(seen).toContain(epochs);
      services.runs.stop(id);
      expect(services.runs.list().filter((r) => r.id === id)).toHaveLength(1);
    } finally {
      await services.dispose();
    }
  }, 60_000);
});
