/** Data-parallel training through the built gradient helper (out/main/gradient-worker.js): equal to one thread, deterministic, ended with the job. */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createNetwork, Trainer } from '../../../src/core/index';
import { WorkerGradientShards } from '../../../src/main/engine/gradient-shards';
import { chooseKernels, chooseRunKernels } from '../../../src/main/engine/kernels';
import { enableRelaxedSimd } from '../../../src/main/runtime/relaxed-simd';
import { WorkerJob } from '../../../src/main/engine/worker-job';
import type { TrainJob, WorkerToMain } from '../../../src/shared/workers/engine';
import type { TrainingConfig } from '../../../src/core/spec';
import { NO_BUILD, SPIRAL_MLP, WORKER_PATH } from './fixtures';
import { HELPER_PATH, runSplit as run, SPLIT_TRAIN as train, splitJob } from './split-fixtures';

// As in the engine's workers, before any kernels are made (the helpers turn it on for the whole process).
enableRelaxedSimd();

const job = (config: Partial<TrainingConfig>): TrainJob => splitJob(config);
const weights = (messages: WorkerToMain[]): number[] => {
  const last = messages.at(-1);
  if (last?.type !== 'finished') throw new Error(`expected finished last, got ${last?.type}`);
  return last.state.flatMap((t) => [...t.data]);
};
const threadsOf = (messages: WorkerToMain[]): number | undefined =>
  messages.flatMap((m) => (m.type === 'started' ? [m.threads] : []))[0];
const maxRelative = (a: number[], b: number[]): number =>
  Math.max(...a.map((v, i) => Math.abs(v - b[i]) / Math.max(1e-12, Math.abs(v) + Math.abs(b[i]))));

describe.skipIf(NO_BUILD || availableParallelism() < 2)('data-parallel training with a gradient helper thread', () => {
  it('2 threads train to the weights of 1 thread: float64 within 1e-10 relative, float32 within 1e-4', () => {
    for (const [precision, tolerance] of [
      ['float64', 1e-10],
      ['float32', 1e-4],
    ] as const) {
      const one = run(job({ precision, threads: 1 }));
      const two = run(job({ precision, threads: 2 }));
      expect(threadsOf(one)).toBe(1);
      expect(threadsOf(two)).toBe(2);
      expect(maxRelative(weights(two), weights(one))).toBeLessThan(tolerance);
    }
  });

  it('two 2-thread runs with the same seed are bit-identical, Dropout included', () => {
    const architecture = {
      ...SPIRAL_MLP,
      layers: [
        SPIRAL_MLP.layers[0],
        SPIRAL_MLP.layers[1],
        { type: 'Dropout' as const, ratio: 0.3 },
        ...SPIRAL_MLP.layers.slice(2),
      ],
    };
    const a = run({ ...job({ threads: 2 }), architecture });
    const b = run({ ...job({ threads: 2 }), architecture });
    expect(threadsOf(a)).toBe(2);
    expect(weights(a)).toEqual(weights(b));
  });

  it('exchanging in place on one shared memory trains to the same bits as exchanging through copies (SGD, Adam; float32, float64)', () => {
    const trainBoth = (config: Partial<TrainingConfig>, inPlace: boolean): number[] => {
      const j = job({ ...config, threads: 2 });
      const { kernels, regions } = inPlace
        ? chooseRunKernels('wasm', 0, 2)
        : { kernels: chooseKernels('wasm', 0), regions: null };
      expect(regions === null).toBe(!inPlace);
      const network = createNetwork(SPIRAL_MLP, { precision: j.config.precision, seed: j.config.seed, kernels });
      const trainer = new Trainer(network, train, j.config);
      const shards = new WorkerGradientShards(j, 2, network.params(), HELPER_PATH, { regions });
      try {
        shards.ready();
        while (!trainer.done) trainer.trainBatch(shards);
        return [...network.exportState(), ...(trainer.exportState().optimizer?.tensors ?? [])].flatMap((t) => [...t.data]);
      } finally {
        shards.dispose();
      }
    };
    for (const config of [
      { optimizer: 'sgd', precision: 'float32' },
      { optimizer: 'adam', precision: 'float64', learningRate: 0.01 },
      { optimizer: 'momentum', precision: 'float32', weightDecay: 0.001 },
    ] as const) {
      expect(trainBoth(config, true), config.optimizer).toEqual(trainBoth(config, false));
    }
  });

  it('a BatchNormalization network asked for 2 threads trains on 1', () => {
    const architecture = {
      ...SPIRAL_MLP,
      layers: [SPIRAL_MLP.layers[0], { type: 'BatchNormalization' as const }, ...SPIRAL_MLP.layers.slice(1)],
    };
    expect(threadsOf(run({ ...job({ threads: 2 }), architecture }))).toBe(1);
  });

  it('dispose ends the helper threads', async () => {
    const network = createNetwork(SPIRAL_MLP, { precision: 'float32', seed: 1 });
    const j = job({ threads: 2 });
    const trainer = new Trainer(network, train, j.config);
    const shards = new WorkerGradientShards(j, 2, network.params(), HELPER_PATH);
    trainer.trainBatch(shards);
    shards.dispose();
    expect(await shards.exited).toHaveLength(1);
  });

  it('ready() returns once the helper has built its network, and throws the failure of a helper that cannot', async () => {
    const network = createNetwork(SPIRAL_MLP, { precision: 'float32', seed: 1 });
    const good = new WorkerGradientShards(job({ threads: 2 }), 2, network.params(), HELPER_PATH);
    good.ready();
    good.dispose();
    // The helper checks the network against the data: 5 inputs for 2-column rows fails there, at start-up.
    const wrong = { ...job({ threads: 2 }), architecture: { ...SPIRAL_MLP, inputSize: 5 } };
    const bad = new WorkerGradientShards(wrong, 2, network.params(), HELPER_PATH);
    expect(() => bad.ready()).toThrow(/gradient helper thread failed: .*Training/);
    bad.dispose();
    expect(await bad.exited).toHaveLength(1);
  });

  it('ready() throws, rather than waiting forever, when a helper bundle cannot load', async () => {
    const network = createNetwork(SPIRAL_MLP, { precision: 'float32', seed: 1 });
    const missing = new WorkerGradientShards(job({ threads: 2 }), 2, network.params(), `${HELPER_PATH}.missing.js`);
    expect(() => missing.ready(400)).toThrow(/gradient helper thread did not start/);
    missing.dispose();
    expect(await missing.exited).toHaveLength(1);
  });

  it('a 2-thread run through the engine worker stops mid-run when asked and its worker exits', async () => {
    const control = { messages: [] as WorkerToMain[] };
    const worker = new WorkerJob({
      workerPath: WORKER_PATH,
      job: job({ threads: 2, epochs: 100_000 }),
      onMessage: (m) => {
        control.messages.push(m);
        if (m.type === 'progress' && m.iteration >= 20) worker.stop();
      },
    });
    const outcome = await worker.exited;
    expect(outcome).toEqual({ kind: 'finished' });
    expect(threadsOf(control.messages)).toBe(2);
    const last = control.messages.at(-1);
    expect(last?.type === 'finished' && last.reason).toBe('stopped');
  });
});
