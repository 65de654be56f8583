/** Engine workers kept warm between jobs (EngineWorkerPool with WorkerJob): reused after a result, ended after a failure or when idle. */
import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineWorkerPool } from '../../../src/main/engine/worker-pool';
import { WorkerJob } from '../../../src/main/engine/worker-job';
import type { TrainJob, WorkerToMain } from '../../../src/shared/workers/engine';
import { NO_BUILD, WORKER_PATH } from './fixtures';
import { splitJob } from './split-fixtures';

const LIMITS = { maxOldGenerationSizeMb: 256 };
let pool: EngineWorkerPool | null = null;
afterEach(async () => {
  await pool?.dispose();
  pool = null;
});

async function train(job: TrainJob, p?: EngineWorkerPool): Promise<{ outcome: unknown; weights: number[] }> {
  const messages: WorkerToMain[] = [];
  const worker = new WorkerJob({
    workerPath: WORKER_PATH,
    job,
    resourceLimits: LIMITS,
    onMessage: (m) => messages.push(m),
    pool: p,
  });
  const outcome = await worker.exited;
  const last = messages.at(-1);
  return { outcome, weights: last?.type === 'finished' ? last.state.flatMap((t) => [...t.data]) : [] };
}

describe.skipIf(NO_BUILD || availableParallelism() < 2)('EngineWorkerPool', () => {
  it('the next job takes the worker of a finished one, and trains to the weights of a fresh worker (1 and 2 threads)', async () => {
    pool = new EngineWorkerPool();
    const jobs = [splitJob({ threads: 2, seed: 2 }), splitJob({ threads: 1, seed: 3 }), splitJob({ threads: 2, seed: 4 })];
    const pooled = [];
    for (const job of jobs) pooled.push(await train(job, pool));
    expect(pool.counts).toEqual({ started: 1, reused: 2 });
    expect(pool.size).toBe(1);
    for (const [k, job] of jobs.entries()) {
      const fresh = await train(job);
      expect(pooled[k].outcome).toEqual({ kind: 'finished' });
      expect(pooled[k].weights).toEqual(fresh.weights);
    }
  });

  it('a job that fails does not give its worker back', async () => {
    pool = new EngineWorkerPool();
    const bad = splitJob({ threads: 1 }, { train: { ...splitJob({}).train, d: 3 } });
    const { outcome } = await train(bad, pool);
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect(pool.size).toBe(0);
  });

  it('an idle worker ends after idleMs, and dispose ends the rest', async () => {
    pool = new EngineWorkerPool({ idleMs: 1 });
    const worker = pool.take(WORKER_PATH, LIMITS);
    const exited = new Promise<number>((done) => worker.once('exit', done));
    pool.give(worker, WORKER_PATH, LIMITS);
    await exited;
    expect(pool.size).toBe(0);
    const kept = new EngineWorkerPool({ maxIdle: 1 });
    const [a, b] = [kept.take(WORKER_PATH, LIMITS), kept.take(WORKER_PATH, LIMITS)];
    const bExited = new Promise<number>((done) => b.once('exit', done));
    kept.give(a, WORKER_PATH, LIMITS);
    kept.give(b, WORKER_PATH, LIMITS); // over maxIdle: ended
    await bExited;
    expect(kept.size).toBe(1);
    const other = kept.take(WORKER_PATH, { maxOldGenerationSizeMb: 128 }); // other limits: a new worker
    expect(other).not.toBe(a);
    await other.terminate();
    await kept.dispose();
    expect(kept.size).toBe(0);
  });
});
