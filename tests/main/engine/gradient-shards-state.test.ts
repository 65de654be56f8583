/** Data-parallel runs and the optimizer state each thread keeps for its range: checkpoints, resumes, 3 threads, non-finite reports. */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createNetwork, Trainer } from '../../../src/core/index';
import type { TrainerState } from '../../../src/core/training/trainer-state';
import { WorkerGradientShards } from '../../../src/main/engine/gradient-shards';
import { chooseRunKernels } from '../../../src/main/engine/kernels';
import type { WorkerToMain } from '../../../src/shared/workers/engine';
import type { TrainingConfig } from '../../../src/core/spec';
import { NO_BUILD, SPIRAL_MLP } from './fixtures';
import { HELPER_PATH, runSplit as run, splitJob as job, SPLIT_TRAIN as train } from './split-fixtures';

const ADAM: Partial<TrainingConfig> = { optimizer: 'adam', learningRate: 0.01, precision: 'float64', weightDecay: 0.001 };
const finished = (messages: WorkerToMain[]): Extract<WorkerToMain, { type: 'finished' }> => {
  const last = messages.at(-1);
  if (last?.type !== 'finished') throw new Error(`expected finished last, got ${last?.type}`);
  return last;
};
const checkpoints = (messages: WorkerToMain[]): TrainerState[] =>
  messages.flatMap((m) => (m.type === 'checkpoint' ? [m.point.trainer] : []));
const flat = (tensors: readonly { data: ArrayLike<number> }[]): number[] => tensors.flatMap((t) => Array.from(t.data));
const maxRelative = (a: number[], b: number[]): number => {
  expect(a.length).toBe(b.length);
  return Math.max(0, ...a.map((v, i) => Math.abs(v - b[i]) / Math.max(1e-12, Math.abs(v) + Math.abs(b[i]))));
};

describe.skipIf(NO_BUILD || availableParallelism() < 2)('data-parallel runs and the optimizer state of each range', () => {
  it('with Adam, every checkpoint of a 2-thread run (weights and both moments, gathered from the helper) equals the 1-thread one', () => {
    const one = run(job({ ...ADAM, threads: 1 }, { checkpointEvery: 1 }));
    const two = run(job({ ...ADAM, threads: 2 }, { checkpointEvery: 1 }));
    const [a, b] = [checkpoints(one), checkpoints(two)];
    expect(b).toHaveLength(3);
    expect(b.length).toBe(a.length);
    b.forEach((state, k) => {
      expect(state.optimizer?.step).toBe(a[k].optimizer?.step);
      expect(state.optimizer?.tensors.map((t) => t.name)).toEqual(a[k].optimizer?.tensors.map((t) => t.name));
      expect(maxRelative(flat(state.optimizer?.tensors ?? []), flat(a[k].optimizer?.tensors ?? []))).toBeLessThan(1e-10);
      expect(maxRelative(flat(state.weights), flat(a[k].weights))).toBeLessThan(1e-10);
    });
    expect(maxRelative(flat(finished(two).state), flat(finished(one).state))).toBeLessThan(1e-10);
  });

  it('a 2-thread run resumed from a checkpoint continues like a 1-thread run resumed from it (Adam)', () => {
    const point = run(job({ ...ADAM, threads: 1 }, { checkpointEvery: 1 })).flatMap((m) =>
      m.type === 'checkpoint' ? [m.point] : [],
    )[0];
    const one = run(job({ ...ADAM, threads: 1 }, { resumeFrom: point }));
    const two = run(job({ ...ADAM, threads: 2 }, { resumeFrom: point }));
    expect(finished(two).iteration).toBe(finished(one).iteration);
    expect(maxRelative(flat(finished(two).state), flat(finished(one).state))).toBeLessThan(1e-10);
  });

  it('3 threads (two helpers, three ranges) train to the weights of 1 thread, exchanging through copies and in place', () => {
    const trainAll = (threads: number, inPlace = false, extra: Partial<TrainingConfig> = ADAM): number[] => {
      const config = job({ ...extra }).config;
      // In place: every thread's kernels on one shared memory; otherwise the reference kernels, exchanging copies.
      const { kernels, regions } = inPlace ? chooseRunKernels('wasm', 0, threads) : { kernels: undefined, regions: null };
      if (inPlace) expect(regions).toHaveLength(threads);
      const network = createNetwork(SPIRAL_MLP, { precision: config.precision, seed: config.seed, kernels });
      const trainer = new Trainer(network, train, config);
      const shards =
        threads > 1
          ? new WorkerGradientShards(job({ ...extra }), threads, network.params(), HELPER_PATH, { regions })
          : undefined;
      try {
        shards?.ready();
        while (!trainer.done) trainer.trainBatch(shards);
        // The optimizer state comes back whole from all three ranges.
        return [...flat(network.exportState()), ...flat(trainer.exportState().optimizer?.tensors ?? [])];
      } finally {
        shards?.dispose();
      }
    };
    expect(maxRelative(trainAll(3), trainAll(1))).toBeLessThan(1e-10);
    expect(maxRelative(trainAll(3, true), trainAll(1))).toBeLessThan(1e-10);
    // SGD on three threads in place: reduce and apply unfused (two others), the gradient checked after the update.
    const sgd: Partial<TrainingConfig> = { optimizer: 'sgd', precision: 'float64' };
    expect(maxRelative(trainAll(3, true, sgd), trainAll(1, false, sgd))).toBeLessThan(1e-10);
  });

  it('a diverging 2-thread run reports the same non-finite batch and place as 1 thread (loss; weight), with the weights of before it', () => {
    // float64: the loss overflows first; float32: an updated weight of layers.0.W, found in one thread's range.
    for (const [precision, where] of [
      ['float64', 'loss'],
      ['float32', 'weight'],
    ] as const) {
      const diverge: Partial<TrainingConfig> = { optimizer: 'sgd', learningRate: 1e150, precision };
      const reportOf = (messages: WorkerToMain[]): unknown => messages.find((m) => m.type === 'nan');
      const one = run(job({ ...diverge, threads: 1 }));
      const two = run(job({ ...diverge, threads: 2 }));
      expect(reportOf(one)).toMatchObject({ report: { where } });
      expect(reportOf(two)).toEqual(reportOf(one));
      expect(finished(two).reason).toBe('nan');
      expect(maxRelative(flat(finished(two).state), flat(finished(one).state))).toBeLessThan(1e-6);
    }
  });
});
