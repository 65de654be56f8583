/** "Add to runs": a finished experiment cell enters the run history (run service + workspace), its model file kept and restored. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExperimentService } from '../../../../src/main/services/experiments/service';
import { RunService } from '../../../../src/main/services/runs/service';
import { WorkspaceService } from '../../../../src/main/services/workspace/service';
import { DatasetService } from '../../../../src/main/services/datasets/service';
import { AppError } from '../../../../src/shared/errors';
import type { RunEvent } from '../../../../src/shared/runs';
import { NO_BUILD, WORKER_PATH } from '../../engine/fixtures';
import { scratchDir } from '../workspace/fixtures';

const RESOURCES = join(import.meta.dirname, '../../../../resources');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A launch of the app's services that matter here: datasets, runs, workspace (autosaving fast) and experiments. */
function launch(userDataDir: string) {
  const datasets = new DatasetService({ inThread: true });
  const runs = new RunService({ datasets, workerPath: WORKER_PATH, maxConcurrent: 1 });
  const workspace = new WorkspaceService({ userDataDir, runs, datasets, debounceMs: 10, maxWaitMs: 50, report: () => {} });
  const experiments = new ExperimentService({ workerPath: WORKER_PATH, resourcesDir: RESOURCES, concurrency: 2, runs });
  cleanups.push(async () => {
    await experiments.dispose();
    await workspace.dispose();
    await runs.dispose();
  });
  return { datasets, runs, workspace, experiments };
}

/** The AppError a call throws (its code and params), or a failure when it does not throw one. */
async function appError(call: () => unknown): Promise<{ code: string; params: Record<string, unknown> }> {
  try {
    await call();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error('expected an AppError');
}

describe.skipIf(NO_BUILD !== null)('ExperimentService.addRun (built engine worker)', () => {
  it('adds one optimizer-comparison cell as a finished run: listed, its model saved, and restored by the next launch', async () => {
    const userData = scratchDir();
    const first = launch(userData);
    cleanups.push(() => rmSync(userData, { recursive: true, force: true }));
    await first.workspace.load();
    const events: RunEvent[] = [];
    first.runs.onEvent((e) => events.push(e));
    const started = await first.experiments.start({
      name: 'optimizer-comparison',
      seed: 3,
      params: { iterations: 40, units: 12, hidden: 2 },
    });
    const done = await first.experiments.settled(started.id);
    expect(done.status).toBe('completed');
    expect(first.runs.list()).toEqual([]); // nothing enters the history by itself

    const adam = done.cells.indexOf('Adam');
    const summary = first.experiments.addRun(started.id, adam);
    expect([summary.name, summary.status, summary.config.optimizer, summary.iteration]).toEqual([
      'optimizer-comparison · Adam',
      'done',
      'adam',
      40,
    ]);
    expect(events).toEqual([{ type: 'status', runId: summary.id, status: 'done', summary }]);
    expect(first.runs.list().map((r) => r.id)).toEqual([summary.id]);
    const loss = done.results[adam]?.series.find((s) => s.name === 'loss')?.y ?? [];
    expect(first.runs.curves(summary.id).loss.map(([, l]) => l)).toEqual(loss);
    const model = first.runs.snapshot(summary.id);
    expect(model.architecture.layers.filter((l) => l.type === 'Affine')).toHaveLength(3);
    expect(model.featureNames).toHaveLength(64);
    await first.workspace.flush();
    expect(Object.keys(first.workspace.disk().runs)).toEqual([summary.id]);
    await cleanups.shift()?.(); // close the first launch (its dispose flushes the workspace)

    const second = launch(userData);
    const load = await second.workspace.load();
    expect(load.runs.map((r) => [r.id, r.name])).toEqual([[summary.id, 'optimizer-comparison · Adam']]);
    expect(second.runs.curves(summary.id).loss).toEqual(first.runs.curves(summary.id).loss);
    expect(second.runs.snapshot(summary.id).tensors.map((t) => Array.from(t.data))).toEqual(
      model.tensors.map((t) => Array.from(t.data)),
    );
  }, 60_000);

  it('names the run as the page asks (its language), else "<experiment> · <cell>"', async () => {
    const { experiments } = launch(scratchDir());
    const started = await experiments.start({ name: 'init-training', seed: 2, params: { iterations: 10, units: 8, hidden: 2 } });
    await experiments.settled(started.id);
    expect(experiments.addRun(started.id, 0, '初始化与训练 · std 0.01').name).toBe('初始化与训练 · std 0.01');
    expect(experiments.addRun(started.id, 2).name).toBe('init-training · He');
  }, 60_000);

  it('refuses a cell of a synthetic experiment and an unknown experiment with stable codes', async () => {
    const { experiments } = launch(scratchDir());
    const started = await experiments.start({ name: 'optimizer-paths', seed: 1, params: { steps: 5 } });
    await experiments.settled(started.id);
    expect(await appError(() => experiments.addRun(started.id, 0))).toEqual({
      code: 'experiment-cell-untrained',
      params: { cell: 'SGD' },
    });
    expect(await appError(() => experiments.addRun('x99', 0))).toEqual({ code: 'experiment-not-found', params: { id: 'x99' } });
  });
});
