/** Probe of a data-parallel step (`npm run bench -- --only threads-probe`): where the time of each step goes on the run thread, 1 vs 2 threads. */
import { loadavg } from 'node:os';
import type { ExchangedGradients, GradientShards, OptimizerState } from '../src/core/index';
import { createNetwork, Trainer } from '../src/core/index';
import type { ArchitectureSpec, TrainingConfig } from '../src/core/spec';
import { WorkerGradientShards } from '../src/main/engine/gradient-shards';
import { chooseKernels, chooseRunKernels } from '../src/main/engine/kernels';
import { estimateTrainingMemory } from '../src/main/engine/memory-budget';
import type { TrainJob } from '../src/shared/workers/engine';
import { ProbeSlot } from '../src/shared/workers/gradient';
import type { Dataset } from '../src/core/datasets/dataset';

/** Phases of one step seen from the run thread (then from the helper: h…), in ms. */
const PHASES = [
  'start',
  'local',
  'gradients',
  'update',
  'values',
  'step',
  'hWake',
  'hGradient',
  'hGradsOut',
  'hWaitGradients',
  'hUpdate',
  'hValues',
  'hBudget',
] as const;

/** Wraps the real shards and timestamps the run thread's calls into them. */
class TimedShards implements GradientShards {
  t = { start0: 0, start1: 0, grads0: 0, grads1: 0, values0: 0, values1: 0 };
  constructor(private readonly inner: GradientShards) {}
  get bounds(): readonly number[] {
    return this.inner.bounds;
  }
  localCount(n: number): number {
    return this.inner.localCount(n);
  }
  load(optimizer: OptimizerState): void {
    this.inner.load(optimizer);
  }
  gather(state: OptimizerState): void {
    this.inner.gather(state);
  }
  start(localCount: number, rows: Int32Array, learningRate: number): void {
    this.t.start0 = performance.now();
    this.inner.start(localCount, rows, learningRate);
    this.t.start1 = performance.now();
  }
  exchangeGradients(loss: number, nonFinite: number): ExchangedGradients {
    this.t.grads0 = performance.now();
    const result = this.inner.exchangeGradients(loss, nonFinite);
    this.t.grads1 = performance.now();
    return result;
  }
  exchangeValues(nonFinite: number): number {
    this.t.values0 = performance.now();
    const result = this.inner.exchangeValues(nonFinite);
    this.t.values1 = performance.now();
    return result;
  }
  exchangeGradientChecks(nonFinite: number): number {
    return this.inner.exchangeGradientChecks(nonFinite);
  }
}

const quantile = (values: number[], q: number): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const r3 = (v: number): number => Number(v.toFixed(3));

/** The run thread's phases that a step reports on (aligned step by step, unlike the helper's). */
const RUN_PHASES = ['start', 'local', 'gradients', 'update', 'values'] as const;

/**
 * The tail after the warm-up: steps longer than twice the median, how much of the mean they add (the mean, which
 * sets the throughput, minus the mean with them at the median), and the run thread's phases summed over them.
 */
function tailOf(phases: Record<(typeof PHASES)[number], number[]>): Record<string, number> {
  const skip = Math.floor(phases.step.length / 5);
  const steps = phases.step.slice(skip);
  const median = quantile(steps, 0.5);
  const slow = steps.flatMap((ms, i) => (ms > 2 * median ? [i + skip] : []));
  const tail: Record<string, number> = {
    slowSteps: slow.length,
    addsToMeanMs: r3(slow.reduce((a, i) => a + phases.step[i] - median, 0) / steps.length),
    p99: r3(quantile(steps, 0.99)),
    max: r3(Math.max(...steps)),
  };
  // Where in the run the slow steps fall, by fifths of all steps (the first fifth included): mostly early, while V8's
  // background threads compile the fresh threads' code and take a core from one of the two busy threads.
  const fifth = Math.ceil(phases.step.length / 5);
  const byFifth = [0, 1, 2, 3, 4].map(
    (k) => phases.step.slice(k * fifth, (k + 1) * fifth).filter((ms) => ms > 2 * median).length,
  );
  byFifth.forEach((count, k) => (tail[`slowInFifth${k + 1}`] = count));
  for (const p of RUN_PHASES) if (phases[p].length > 0) tail[`${p}SlowMs`] = r3(slow.reduce((a, i) => a + phases[p][i], 0));
  return tail;
}

/** Trains `steps` batches on this thread (as the run worker would), with a helper for 2 threads; per-phase min/median. */
export function probeSteps(
  architecture: ArchitectureSpec,
  config: TrainingConfig,
  train: Dataset,
  threads: number,
  helperPath: string,
  steps: number,
  exchange: 'in-place' | 'copy' = 'in-place',
): Record<string, unknown> {
  const estimatedBytes = estimateTrainingMemory(architecture, config).totalBytes;
  // In place: the threads' kernels on one shared memory (as the engine runs them); copy: each its own memory.
  const { kernels, regions } =
    exchange === 'in-place'
      ? chooseRunKernels('wasm', estimatedBytes, threads)
      : { kernels: chooseKernels('wasm', estimatedBytes), regions: null };
  const network = createNetwork(architecture, { precision: config.precision, seed: config.seed, kernels });
  const trainer = new Trainer(network, train, config);
  const job: TrainJob = {
    kind: 'train',
    architecture,
    config,
    train,
    validation: null,
    test: null,
    kernels: 'wasm',
    estimatedBytes,
    trainEvalRows: 1000,
    progressIntervalMs: 100,
    checkpointEvery: null,
    resumeFrom: null,
  };
  const real =
    threads > 1 ? new WorkerGradientShards(job, threads, network.params(), helperPath, { probe: true, regions }) : undefined;
  const timed = real ? new TimedShards(real) : undefined;
  const phases = Object.fromEntries(PHASES.map((p) => [p, [] as number[]])) as Record<(typeof PHASES)[number], number[]>;
  const origin = performance.timeOrigin;
  try {
    real?.ready();
    // The helper may still be copying the others' ranges in when trainBatch returns: its times of step i are read
    // just before step i + 1 is posted (it sees no request before it has finished).
    let previousStart = Number.NaN;
    const readHelper = (): void => {
      const h = real?.probeTimes(1);
      if (!h || Number.isNaN(previousStart)) return;
      phases.hWake.push(h[ProbeSlot.seen] - (origin + previousStart));
      phases.hGradient.push(h[ProbeSlot.gradient] - h[ProbeSlot.seen]);
      phases.hGradsOut.push(h[ProbeSlot.gradsOut] - h[ProbeSlot.gradient]);
      phases.hWaitGradients.push(h[ProbeSlot.exchanged] - h[ProbeSlot.gradsOut]);
      phases.hUpdate.push(h[ProbeSlot.updated] - h[ProbeSlot.exchanged]);
      phases.hValues.push(h[ProbeSlot.valuesIn] - h[ProbeSlot.updated]);
      phases.hBudget.push(h[ProbeSlot.spinBudget]);
    };
    for (let i = 0; i < steps && !trainer.done; i++) {
      readHelper();
      const t0 = performance.now();
      trainer.trainBatch(timed);
      const t1 = performance.now();
      phases.step.push(t1 - t0);
      if (timed) {
        const { start0, start1, grads0, grads1, values0, values1 } = timed.t;
        phases.start.push(start1 - start0);
        phases.local.push(grads0 - start1);
        phases.gradients.push(grads1 - grads0);
        phases.update.push(values0 - grads1);
        phases.values.push(values1 - values0);
        previousStart = start1;
      }
    }
  } finally {
    real?.dispose();
  }
  const first = phases.step.slice(0, 100);
  const summary: Record<string, unknown> = {
    threads,
    steps: phases.step.length,
    loadAverage: r3(loadavg()[0]),
    // The warm-up: the first 100 steps (the kernels' tier-up, caches), and the mean over every step.
    first100MeanMs: r3(first.reduce((a, b) => a + b, 0) / first.length),
    allMeanMs: r3(phases.step.reduce((a, b) => a + b, 0) / phases.step.length),
  };
  summary.tail = tailOf(phases);
  for (const p of PHASES) {
    // Skip the first fifth: the kernels' tier-up.
    const v = phases[p].slice(Math.floor(phases[p].length / 5));
    if (v.length > 0)
      summary[p] = {
        min: r3(Math.min(...v)),
        median: r3(quantile(v, 0.5)),
        p90: r3(quantile(v, 0.9)),
        mean: r3(v.reduce((a, b) => a + b, 0) / v.length),
      };
  }
  return summary;
}
