import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckpointStore } from '../../../../src/main/services/checkpoints/checkpoint-store';
import { RunBranching, checkBranch, nearestCheckpoint } from '../../../../src/main/services/runs/branching';
import type { RunService } from '../../../../src/main/services/runs/service';
import { AppError } from '../../../../src/shared/errors';
import type { RunSummary } from '../../../../src/shared/runs';
import { NO_BUILD, SPIRAL_MLP } from '../../engine/fixtures';
import { makeService, request, waitForStatus } from './helpers';

const dirs: string[] = [];
const services: RunService[] = [];
/** Checkpoint writes still under way, awaited before the folders go. */
const pendingWrites: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.dispose()));
  for (const settle of pendingWrites.splice(0)) await settle();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A run service whose runs keep a checkpoint per epoch in a scratch folder, and branching over those folders. */
function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'branching-test-'));
  dirs.push(dir);
  const store = (id: string) => new CheckpointStore(path.join(dir, id));
  let writes: Promise<unknown> = Promise.resolve();
  const runs = makeService({
    checkpointEvery: 1,
    onCheckpoint: (run, point) => {
      writes = writes.then(() => store(run.id).write({ model: run.snapshot, point, runName: run.summary.name }));
    },
  });
  services.push(runs);
  pendingWrites.push(() => writes);
  const branching = new RunBranching({
    runs,
    checkpointsOf: async (id) => {
      await writes;
      return store(id);
    },
  });
  return { runs, branching, store };
}

const weights = (runs: RunService, id: string) => runs.snapshot(id).tensors.map((t) => Array.from(t.data));
const rejection = async (promise: Promise<unknown>): Promise<AppError> => {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
};

describe('nearestCheckpoint and checkBranch', () => {
  it('picks the nearest kept checkpoint at or before k, or none', () => {
    const kept = [1, 2, 4, 8].map((epoch) => ({ epoch }));
    expect(nearestCheckpoint(kept, 6)?.epoch).toBe(4);
    expect(nearestCheckpoint(kept, 8)?.epoch).toBe(8);
    expect(nearestCheckpoint(kept, 0)).toBeNull();
  });

  it('refuses another seed, precision or layer list, and epochs that do not pass the checkpoint; Dropout ratios may change', () => {
    const dropoutNet = {
      inputSize: 2,
      layers: [
        { type: 'Affine', units: 4 },
        { type: 'Dropout', ratio: 0.5 },
        { type: 'Affine', units: 3 },
        { type: 'SoftmaxWithLoss' },
      ],
    } as RunSummary['architecture'];
    const parent = { architecture: dropoutNet, config: request().config } as RunSummary;
    const branch = (over: object, architecture = dropoutNet) => ({
      id: 'run-1',
      epoch: 2,
      config: { ...parent.config, ...over },
      architecture,
    });
    expect(() => checkBranch(parent, branch({ learningRate: 0.1 }), 2)).not.toThrow();
    const ratio = { ...dropoutNet, layers: dropoutNet.layers.map((l) => (l.type === 'Dropout' ? { ...l, ratio: 0.2 } : l)) };
    expect(() => checkBranch(parent, branch({}, ratio), 2)).not.toThrow();
    const codes = (f: () => void) => {
      try {
        f();
      } catch (e) {
        return e instanceof AppError ? [e.code, e.params] : ['?'];
      }
      return ['none'];
    };
    expect(codes(() => checkBranch(parent, branch({ seed: 8 }), 2))).toEqual(['branch-setting', { setting: 'seed' }]);
    expect(codes(() => checkBranch(parent, branch({ precision: 'float64' }), 2))).toEqual([
      'branch-setting',
      { setting: 'precision' },
    ]);
    expect(codes(() => checkBranch(parent, branch({}, SPIRAL_MLP), 2))).toEqual(['branch-setting', { setting: 'architecture' }]);
    expect(codes(() => checkBranch(parent, branch({ epochs: 2 }), 2))).toEqual(['branch-epochs', { epoch: 2 }]);
  });
});

describe.skipIf(NO_BUILD)('RunBranching on real workers', () => {
  it('branches from epoch k with a new learning rate: the child names its parent and its epochs start at k', async () => {
    const { runs, branching } = setup();
    const parent = runs.start(request({ epochs: 4 }));
    await waitForStatus(runs, parent.id, 'done');
    // No checkpoint is written after the last epoch: epochs 1–3 are kept.
    expect(await branching.checkpoints(parent.id)).toEqual([1, 2, 3]);
    const base = runs.list().find((r) => r.id === parent.id) as RunSummary;
    const child = await branching.branch({
      id: parent.id,
      epoch: 2,
      config: { ...base.config, learningRate: 0.05 },
      architecture: base.architecture,
    });
    expect(child.parent).toEqual({ runId: parent.id, epoch: 2, iteration: 2 * 12 });
    expect(child.config.learningRate).toBe(0.05);
    await waitForStatus(runs, child.id, 'done');
    const curves = runs.curves(child.id);
    expect(curves.epochs.map((e) => e.epoch)).toEqual([2, 3]);
    expect(curves.loss[0][0]).toBe(2 * 12 + 1); // 120 training rows, batches of 10
  });

  it('an unchanged branch reproduces the parent bit for bit; epoch k past the last checkpoint uses the nearest kept one', async () => {
    const { runs, branching } = setup();
    const parent = runs.start(request({ epochs: 4 }));
    await waitForStatus(runs, parent.id, 'done');
    const base = runs.list().find((r) => r.id === parent.id) as RunSummary;
    const child = await branching.branch({ id: parent.id, epoch: 4, config: base.config, architecture: base.architecture });
    expect(child.parent?.epoch).toBe(3);
    await waitForStatus(runs, child.id, 'done');
    expect(weights(runs, child.id)).toEqual(weights(runs, parent.id));
    expect(runs.curves(child.id).epochs).toEqual(runs.curves(parent.id).epochs.slice(3));
  });

  it('refuses with stable codes: no checkpoint at or before k, a changed seed', async () => {
    const { runs, branching } = setup();
    const parent = runs.start(request({ epochs: 3 }));
    await waitForStatus(runs, parent.id, 'done');
    const base = runs.list().find((r) => r.id === parent.id) as RunSummary;
    const other = runs.start(request({ epochs: 1 }));
    await waitForStatus(runs, other.id, 'done');
    const missing = await rejection(
      branching.branch({ id: other.id, epoch: 1, config: { ...base.config, epochs: 5 }, architecture: base.architecture }),
    );
    expect([missing.code, missing.params]).toEqual(['checkpoint-missing', { name: other.id, epoch: 1 }]);
    const seed = await rejection(
      branching.branch({ id: parent.id, epoch: 1, config: { ...base.config, seed: 99 }, architecture: base.architecture }),
    );
    expect(seed.code).toBe('branch-setting');
    const old = { ...base, id: 'run-7', name: 'old', status: 'interrupted' as const, split: undefined };
    runs.adopt([{ summary: old, curves: { ...runs.curves(parent.id), runId: 'run-7' }, snapshot: null }]);
    const unknownSplit = await rejection(branching.continue('run-7'));
    expect([unknownSplit.code, unknownSplit.params]).toEqual(['run-split-unknown', { name: 'old' }]);
  });

  it('resumes an interrupted run under its id from its last checkpoint, to the weights of an uninterrupted run', async () => {
    const { runs, branching, store } = setup();
    const whole = runs.start(request({ epochs: 4 }));
    await waitForStatus(runs, whole.id, 'done');
    // An earlier launch's run killed after its 2nd epoch: its folder holds epochs 1–2, its curves go further (to the end).
    await branching.checkpoints(whole.id);
    for (const c of (await store(whole.id).list()).filter((c) => c.epoch <= 2))
      await store('run-9').write(await store(whole.id).read(c.file));
    const summary: RunSummary = { ...(runs.list()[0] as RunSummary), id: 'run-9', name: 'killed', status: 'interrupted' };
    runs.adopt([{ summary, curves: { ...runs.curves(whole.id), runId: 'run-9' }, snapshot: null }]);
    expect(await branching.checkpoints('run-9')).toEqual([1, 2]);

    const sent: number[] = [];
    runs.onEvent((e) => {
      if (e.type === 'progress' && e.runId === 'run-9') sent.push(...e.loss.map(([x]) => x));
    });
    const resumed = await branching.continue('run-9');
    expect(resumed.id).toBe('run-9');
    expect(resumed.name).toBe('killed');
    const done = await waitForStatus(runs, 'run-9', 'done');
    expect(done.epoch).toBe(3);
    expect(weights(runs, 'run-9')).toEqual(weights(runs, whole.id));
    expect(runs.curves('run-9').epochs).toEqual(runs.curves(whole.id).epochs);
    expect(runs.curves('run-9').loss).toEqual(runs.curves(whole.id).loss);
    expect(Math.min(...sent)).toBe(2 * 12 + 1); // progress events carry only what follows the checkpoint
    expect(runs.list().filter((r) => r.id === 'run-9')).toHaveLength(1);
    expect(await branching.checkpoints('run-9')).toEqual([1, 2, 3]); // continued in the same folder
    await expect(branching.continue(whole.id)).rejects.toThrow(/not interrupted/);
  });
});
