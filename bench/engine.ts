/** Benchmark of the training engine: samples/s in-process vs through a worker (overhead), 1 vs 2 threads, and the main thread's event-loop delay while two runs train. */
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createNetwork, createRng, Trainer } from '../src/core/index';
import type { Dataset } from '../src/core/datasets/dataset';
import { DEFAULT_TRAINING_CONFIG, type ArchitectureSpec, type TrainingConfig } from '../src/core/spec';
import { chooseKernels } from '../src/main/engine/kernels';
import { estimateTrainingMemory } from '../src/main/engine/memory-budget';
import type { PreparedData } from '../src/shared/datasets';
import { defaultTrainEvalRows, RunService } from '../src/main/services/runs/service';
import type { RunSummary } from '../src/shared/runs';
import {
  benchThreads,
  LONG_THREAD_CASES,
  LONG_THREAD_ROUNDS,
  THREAD_CASES,
  THREAD_ROUNDS,
  type ThreadCase,
} from './engine-threads';
import { probeSteps } from './threads-probe';

const ROWS = 10_000;
const ROUNDS = 3;

/** ROWS×784 uniform [0, 1) pixels with 10 random classes on a SharedArrayBuffer (MNIST-shaped; speed does not depend on content). */
export function randomMnistShaped(rows = ROWS, seed = 1): Dataset {
  const rng = createRng(seed);
  const x = new Float32Array(new SharedArrayBuffer(rows * 784 * 4));
  for (let i = 0; i < x.length; i++) x[i] = rng.next();
  const y = Int32Array.from({ length: rows }, () => rng.int(10));
  const classNames = Array.from({ length: 10 }, (_, k) => String(k));
  return {
    name: 'random-mnist-shaped',
    n: rows,
    d: 784,
    x,
    featureNames: Array.from({ length: 784 }, (_, k) => `p${k}`),
    target: { kind: 'classes', classNames, y },
  };
}

export const mlp = (hidden: number[]): ArchitectureSpec => ({
  inputSize: 784,
  layers: [
    ...hidden.flatMap((units) => [{ type: 'Affine' as const, units }, { type: 'Relu' as const }]),
    { type: 'Affine', units: 10 },
    { type: 'SoftmaxWithLoss' },
  ],
});

export const configFor = (iterations: number): TrainingConfig => ({
  ...DEFAULT_TRAINING_CONFIG,
  optimizer: 'sgd',
  learningRate: 0.1,
  batchSize: 100,
  epochs: 1000,
  maxIterations: iterations,
  precision: 'float32',
  seed: 1,
  threads: 1,
});

/** The same work the engine's worker does (batches, the per-epoch train metrics, the final evaluation), on this thread. */
function inProcess(architecture: ArchitectureSpec, config: TrainingConfig, train: Dataset): { seconds: number; kernels: string } {
  const start = performance.now();
  const kernels = chooseKernels('wasm', estimateTrainingMemory(architecture, config).totalBytes);
  const trainer = new Trainer(createNetwork(architecture, { precision: 'float32', seed: config.seed, kernels }), train, config);
  while (!trainer.done) {
    if (trainer.trainBatch().epochEnded) trainer.evaluate(train, defaultTrainEvalRows(train.n));
  }
  trainer.evaluate(train);
  return { seconds: (performance.now() - start) / 1000, kernels: kernels.name };
}

function waitForEnd(service: RunService, id: string): Promise<RunSummary> {
  return new Promise((resolve) => {
    const off = service.onEvent((e) => {
      if (e.type === 'status' && e.runId === id && ['done', 'stopped', 'failed'].includes(e.status)) {
        off();
        resolve(e.summary);
      }
    });
  });
}

export function serviceFor(train: Dataset, workerPath: string): RunService {
  const prepared: PreparedData = {
    train,
    validation: null,
    test: null,
    normalization: { kind: 'none', offset: new Array<number>(784).fill(0), scale: new Array<number>(784).fill(1) },
    report: {} as PreparedData['report'], // not read by the engine
  };
  return new RunService({ datasets: { prepare: () => prepared }, workerPath, maxConcurrent: 2 });
}

const SPLIT = { validation: 0, test: 0, normalize: 'none', seed: 1, stratify: false } as const;

/** Wall-clock seconds of one run from start() to its final status, through a worker. */
export async function throughEngine(
  service: RunService,
  architecture: ArchitectureSpec,
  config: TrainingConfig,
): Promise<{ seconds: number; summary: RunSummary }> {
  const start = performance.now();
  const { id } = service.start({ datasetId: 'bench', architecture, config, split: SPLIT });
  const summary = await waitForEnd(service, id);
  if (summary.status !== 'done') throw new Error(`bench run ${id} ended ${summary.status}: ${summary.failureReason}`);
  return { seconds: (performance.now() - start) / 1000, summary };
}

/**
 * JSON lines: samples/s in-process and through the engine on one thread (the worker's overhead) for 784–50–10 and
 * 784–256–128–10, the 1- vs 2-thread comparison (bench/engine-threads.ts), then the event-loop delay with two runs.
 */
export async function benchEngine(workerPath: string): Promise<Record<string, unknown>[]> {
  const train = randomMnistShaped();
  const service = serviceFor(train, workerPath);
  const lines: Record<string, unknown>[] = [];
  try {
    for (const [hidden, iterations] of [
      [[50], 1000],
      [[256, 128], 200],
    ] as const) {
      const architecture = mlp([...hidden]);
      const config = configFor(iterations);
      const samples = iterations * config.batchSize;
      // Alternate the two ways ROUNDS times and keep each one's best: the machine is shared, so single timings are noisy.
      let local = inProcess(architecture, config, train);
      let engine = await throughEngine(service, architecture, config);
      for (let round = 1; round < ROUNDS; round++) {
        const l = inProcess(architecture, config, train);
        const e = await throughEngine(service, architecture, config);
        if (l.seconds < local.seconds) local = l;
        if (e.seconds < engine.seconds) engine = e;
      }
      const base = {
        bench: 'train',
        network: `784-${hidden.join('-')}-10`,
        dtype: 'float32',
        threads: 1,
        batch: 100,
        iterations,
        rounds: ROUNDS,
        loadAverage: loadavg()[0],
      };
      lines.push({ ...base, mode: 'in-process', kernels: local.kernels, samplesPerSecond: Math.round(samples / local.seconds) });
      lines.push({
        ...base,
        mode: 'engine',
        kernels: engine.summary.kernels,
        samplesPerSecond: Math.round(samples / engine.seconds),
        trainingSamplesPerSecond: Math.round(engine.summary.samplesPerSecond),
        overheadPercent: Number((((engine.seconds - local.seconds) / local.seconds) * 100).toFixed(1)),
      });
    }
    lines.push(...(await threadLines(service)));
    lines.push(await eventLoopDelay(service));
  } finally {
    await service.dispose();
  }
  return lines;
}

/** The 1- vs 2-thread comparison alone (`npm run bench -- --only threads`). */
export async function benchEngineThreads(workerPath: string): Promise<Record<string, unknown>[]> {
  const service = serviceFor(randomMnistShaped(), workerPath);
  try {
    return await threadLines(service);
  } finally {
    await service.dispose();
  }
}

/** The same comparison with runs 5× longer (`npm run bench -- --only threads-long`): the rate of a long run. */
export async function benchEngineThreadsLong(workerPath: string): Promise<Record<string, unknown>[]> {
  const service = serviceFor(randomMnistShaped(), workerPath);
  try {
    return await threadLines(service, LONG_THREAD_CASES, LONG_THREAD_ROUNDS);
  } finally {
    await service.dispose();
  }
}

function threadLines(
  service: RunService,
  cases: readonly ThreadCase[] = THREAD_CASES,
  rounds = THREAD_ROUNDS,
): Promise<Record<string, unknown>[]> {
  const run = async (architecture: ArchitectureSpec, config: TrainingConfig): Promise<RunSummary> =>
    (await throughEngine(service, architecture, config)).summary;
  return benchThreads(run, (hidden) => mlp([...hidden]), configFor, cases, rounds);
}

/** p99/max event-loop delay of this (main) thread while two runs train on workers and stream progress. */
async function eventLoopDelay(service: RunService): Promise<Record<string, unknown>> {
  // Baseline: the same measurement with nothing training, to tell the machine's scheduling delay from ours.
  const idle = monitorEventLoopDelay({ resolution: 5 });
  idle.enable();
  await new Promise((r) => setTimeout(r, 2000));
  idle.disable();
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  const config = configFor(2000);
  let events = 0;
  const off = service.onEvent(() => events++);
  histogram.enable();
  const start = performance.now();
  const runs = [
    service.start({ datasetId: 'bench', architecture: mlp([50]), config, split: SPLIT }),
    service.start({ datasetId: 'bench', architecture: mlp([50]), config, split: SPLIT }),
  ];
  await Promise.all(runs.map((r) => waitForEnd(service, r.id)));
  histogram.disable();
  off();
  const seconds = (performance.now() - start) / 1000;
  const ms = (ns: number): number => Number((ns / 1e6).toFixed(2));
  return {
    bench: 'event-loop',
    runs: 2,
    loadAverage: loadavg()[0],
    network: '784-50-10',
    seconds: Number(seconds.toFixed(2)),
    eventsPerSecond: Math.round(events / seconds),
    p50Ms: ms(histogram.percentile(50)),
    p99Ms: ms(histogram.percentile(99)),
    maxMs: ms(histogram.max),
    targetP99Ms: 50,
    idleP99Ms: ms(idle.percentile(99)),
    idleMaxMs: ms(idle.max),
  };
}

/** The per-phase probe of a step, 1 and 2 threads alternated (`npm run bench -- --only threads-probe`). */
export function benchThreadsProbe(helperPath: string): Record<string, unknown>[] {
  const train = randomMnistShaped();
  const lines: Record<string, unknown>[] = [];
  // Adam as well on the large network: its update (f64 moments) is the part of a step that the split by ranges halves.
  const cases = [
    { hidden: [256, 128], optimizer: 'sgd' },
    { hidden: [256, 128], optimizer: 'adam' },
    { hidden: [50], optimizer: 'sgd' },
  ] as const;
  for (const { hidden, optimizer } of cases) {
    const config = { ...configFor(1500), optimizer };
    for (let round = 0; round < 2; round++) {
      // Two threads both ways: exchanging in place on one shared memory (the engine's way), and through copies.
      for (const [threads, exchange] of [
        [1, 'in-place'],
        [2, 'copy'],
        [2, 'in-place'],
      ] as const) {
        const line = probeSteps(mlp([...hidden]), config, train, threads, helperPath, 1500, exchange);
        const how = threads > 1 ? { exchange } : {};
        lines.push({ bench: 'threads-probe', network: `784-${hidden.join('-')}-10`, optimizer, ...how, ...line });
      }
    }
  }
  return lines;
}
