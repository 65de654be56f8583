/** A thread kept warm between runs (its kernels and gradient helpers reused): the same weights as fresh runs, bit for bit. */
import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { Command, ControlBlock } from '../../../src/main/engine/control';
import { HelperPool } from '../../../src/main/engine/helper-pool';
import { KernelCache } from '../../../src/main/engine/kernels';
import type { WarmThread } from '../../../src/main/engine/train-job';
import type { WorkerToMain } from '../../../src/shared/workers/engine';
import { NO_BUILD } from './fixtures';
import { runSplit, splitJob } from './split-fixtures';
import { enableRelaxedSimd } from '../../../src/main/runtime/relaxed-simd';

// As in the engine's workers: before any kernels are made (the helpers set it for the whole process when they start,
// so kernels made before and after it would otherwise differ by the fused multiply-add's rounding).
enableRelaxedSimd();

const weights = (messages: WorkerToMain[]): number[] => {
  const last = messages.at(-1);
  if (last?.type !== 'finished') throw new Error(`expected finished last, got ${last?.type}`);
  return last.state.flatMap((t) => [...t.data]);
};

let warm: WarmThread | null = null;
afterEach(async () => {
  await warm?.helpers.dispose();
  warm = null;
});

describe.skipIf(NO_BUILD || availableParallelism() < 2)(
  'a warm thread: kernels and gradient helpers reused from run to run',
  () => {
    it('runs on 2, 1 and again 2 threads (float32, float64, float32) train to the weights of fresh runs', () => {
      const thread: WarmThread = { kernels: new KernelCache(), helpers: new HelperPool() };
      warm = thread;
      const jobs = [
        splitJob({ threads: 2, seed: 3 }),
        splitJob({ threads: 1, precision: 'float64', seed: 4 }),
        splitJob({ threads: 2, seed: 5, optimizer: 'adam' }),
      ];
      const onWarm = jobs.map((j) => weights(runSplit(j, new ControlBlock(), thread)));
      const fresh = jobs.map((j) => weights(runSplit(j)));
      expect(onWarm).toEqual(fresh);
      // One helper served both 2-thread runs: started for the first, released, given the second run's data.
      expect(thread.helpers.counts).toEqual({ started: 1, reused: 1 });
      expect(thread.helpers.size).toBe(1);
    });

    it('a run stopped mid-epoch releases its helper, and the next run on it trains like a fresh one', () => {
      const thread: WarmThread = { kernels: new KernelCache(), helpers: new HelperPool() };
      warm = thread;
      const control = new ControlBlock();
      control.send(Command.stop); // the run ends at its first check
      const stopped = runSplit(splitJob({ threads: 2, epochs: 1000 }), control, thread);
      expect(stopped.at(-1)?.type === 'finished' && stopped.at(-1)).toMatchObject({ reason: 'stopped' });
      const next = splitJob({ threads: 2, seed: 9 });
      expect(weights(runSplit(next, new ControlBlock(), thread))).toEqual(weights(runSplit(next)));
      expect(thread.helpers.counts).toEqual({ started: 1, reused: 1 });
    });
  },
);
